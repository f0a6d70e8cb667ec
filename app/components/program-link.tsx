/**
 * Links of program pages. While a frozen version is open (`?version=<id>` in the address), a link
 * to another page of the same program that can show a version keeps the `version` parameter, so
 * a reader browses the whole version page by page, without JavaScript too. Other links (to the
 * versions list, the history, another program) are left alone.
 */
import { Link as RemixLink, NavLink as RemixNavLink, useLocation, type LinkProps, type NavLinkProps } from "@remix-run/react";
import { forwardRef } from "react";
import { stagePaths } from "~/domain/stage-paths";

/** First path segments under /programs/:id/ whose loaders read through the version reader. */
const VERSIONED_SEGMENTS = new Set(["", ...Object.values(stagePaths), "trace", "export", "comments"]);

/** `to` with the viewed version added when it stays inside the same program's versioned pages. */
export function keepVersion(to: string, location: { pathname: string; search: string }): string {
  // Fast path: pages render hundreds of links, almost always without a version open.
  if (!location.search.includes("version")) return to;
  const version = new URLSearchParams(location.search).get("version");
  if (!version) return to;
  const here = /^\/programs\/(\d+)(?:\/|$)/.exec(location.pathname);
  const target = /^\/programs\/(\d+)(?:\/([^/?#]*))?/.exec(to);
  if (!here || !target || here[1] !== target[1] || !VERSIONED_SEGMENTS.has(target[2] ?? "")) return to;
  const hashAt = to.indexOf("#");
  const path = hashAt < 0 ? to : to.slice(0, hashAt);
  const hash = hashAt < 0 ? "" : to.slice(hashAt);
  if (/[?&]version=/.test(path)) return to;
  return `${path}${path.includes("?") ? "&" : "?"}version=${encodeURIComponent(version)}${hash}`;
}

export function useKeepVersion(): (to: string) => string {
  const location = useLocation();
  return (to) => keepVersion(to, location);
}

/** Remix's Link that keeps the open version (see keepVersion). */
export const ProgramLink = forwardRef<HTMLAnchorElement, LinkProps>(function ProgramLink({ to, ...props }, ref) {
  const keep = useKeepVersion();
  return <RemixLink ref={ref} to={typeof to === "string" ? keep(to) : to} {...props} />;
});

/** Remix's NavLink that keeps the open version. */
export const ProgramNavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function ProgramNavLink({ to, ...props }, ref) {
  const keep = useKeepVersion();
  return <RemixNavLink ref={ref} to={typeof to === "string" ? keep(to) : to} {...props} />;
});
