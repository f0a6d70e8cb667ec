/**
 * The scroll box around a wide table. It is a named region that takes keyboard focus, so a keyboard
 * user can scroll it with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable"). `sticky`
 * keeps the header row and the first column in view while the box scrolls (styles in app.css).
 */
import type { ReactNode } from "react";

export function TableScroll({ label, sticky = false, children }: { label: string; sticky?: boolean; children: ReactNode }) {
  return (
    // A focusable region is the pattern for scrollable content; it has no action of its own.
    <div className={`table-wrap${sticky ? " table-wrap--sticky" : ""}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
