/**
 * Page titles are translated on the server: meta functions read the translated app name and
 * page titles that loaders return (root carries no texts), so this helper only joins them.
 */
import type { MetaDescriptor } from "@remix-run/node";

type Matches = { id: string; data: unknown }[];

export function pageTitle(matches: Matches, _key: string, explicit?: string): MetaDescriptor[] {
  const leaf = matches[matches.length - 1]?.data as { title?: string } | undefined;
  const title = explicit ?? leaf?.title;
  return [{ title: title ? `${title} — Kadam` : "Kadam" }];
}
