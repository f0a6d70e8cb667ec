import { defaultLanguage, isUiLanguage, languageCookieName, type UiLanguage } from "./config";

/**
 * The interface language lives in a cookie: set at login from the user's stored preference,
 * and by the switcher (which also stores the preference for a signed-in user).
 */
export function getLanguage(request: Request): UiLanguage {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${languageCookieName}=([a-z]{2})`));
  const value = match?.[1];
  return isUiLanguage(value) ? value : defaultLanguage;
}

export function languageCookie(lang: UiLanguage, secure: boolean): string {
  return `${languageCookieName}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
