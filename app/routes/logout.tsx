import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readSession, logout } from "~/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await readSession(request);
  if (!user) return redirect("/login");
  return redirect("/login", { headers: { "Set-Cookie": await logout(request, user.sessionId) } });
}
