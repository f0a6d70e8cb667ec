import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/auth/schemas";
import { readSession, wantsSecureCookies } from "~/auth/session.server";
import { isUiLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/language.server";
import { z } from "zod";
import { readForm, SMALL_FORM_MAX_BYTES } from "~/http/read-form.server";
import { savePreferredLanguage } from "~/services/account.server";

export async function loader() {
  return redirect("/");
}

/** Sets the interface language: a cookie for everyone, and the stored preference when signed in. */
const languageFormSchema = z.object({ lang: z.string().max(10), returnTo: z.string().max(2000).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request, { schema: languageFormSchema, maxBytes: SMALL_FORM_MAX_BYTES });
  const lang = formData.get("lang");
  const returnTo = safeRedirect(formData.get("returnTo"));
  if (!isUiLanguage(lang)) return redirect(returnTo);
  const { user } = await readSession(request);
  if (user) await savePreferredLanguage(user.id, lang);
  return redirect(returnTo, { headers: { "Set-Cookie": languageCookie(lang, wantsSecureCookies(request)) } });
}
