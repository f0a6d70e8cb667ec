import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUiLanguage } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { resourcesVersion } from "~/i18n/i18n.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isUiLanguage(params.lng)) return new Response("Not found", { status: 404 });
  const versioned = new URL(request.url).searchParams.get("v") === resourcesVersion;
  return new Response(JSON.stringify(resources[params.lng]), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
