/**
 * The scroll box around every wide table (the action plan, the financing plan, the M&E matrix,
 * passport and forecast tables, the gender gaps, consultations). It is a named region that takes
 * keyboard focus, so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe
 * "scrollable-region-focusable"). By default it keeps the header row and the first column in view
 * while the box scrolls, so after scrolling right everybody still sees which row is which;
 * `keyColumns={2}` keeps a short number column and the title next to it (on wide screens). Styles
 * in app.css (`.table-wrap--sticky`), one set for every table.
 */
import type { ReactNode } from "react";

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

export function TableScroll({ label, labelledBy, sticky = true, keyColumns = 1, children }: Name & { sticky?: boolean; keyColumns?: 1 | 2; children: ReactNode }) {
  const classes = ["table-wrap", sticky ? "table-wrap--sticky" : "", sticky && keyColumns === 2 ? "table-wrap--key2" : ""].filter(Boolean).join(" ");
  return (
    // A focusable region is the pattern for scrollable content; it has no action of its own.
    <div className={classes} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
