/**
 * Requests for calling route loaders and actions directly in integration tests: a session
 * cookie of a demo account, GET and POST requests carrying it, and the status of whatever the
 * route returned or threw (Remix routes throw Responses for 403/404 and redirects).
 */
import { login } from "~/auth/session.server";
import { DEMO_PASSWORD } from "../../db/seed";

export async function cookieFor(email: string): Promise<string> {
  const result = await login(new Request("http://localhost/login"), email, DEMO_PASSWORD);
  if (!result.ok) throw new Error(`login failed for ${email}`);
  // The session cookie: `setCookie` before the login throttle's device cookie, the first of `cookies` after.
  const set = result as unknown as { setCookie?: string; cookies?: string[] };
  return (set.cookies?.[0] ?? set.setCookie!).split(";")[0];
}

export function get(url: string, cookie: string): Request {
  return new Request(`http://localhost${url}`, { headers: { cookie } });
}

export function post(url: string, cookie: string, fields: Record<string, string>): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    return ((await promise) as Response).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

export interface Answer {
  status: number;
  location: string | null;
}

/** Status and redirect target of whatever a loader or action returned or threw as a Response; other errors propagate. */
export async function answerOf(promise: Promise<unknown>): Promise<Answer> {
  let response: unknown;
  try {
    response = await promise;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  // A loader may return plain data, which Remix sends as 200.
  if (!(response instanceof Response)) return { status: 200, location: null };
  return { status: response.status, location: response.headers.get("Location") };
}
