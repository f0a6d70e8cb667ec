/**
 * The scroll box around every table: the one place that makes a table wider than its box usable
 * by keyboard. A box that scrolls is a named region that takes keyboard focus, so it can be
 * scrolled with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable"). The server cannot
 * know whether the table will fit, so the page comes focusable (right without JavaScript); once
 * JavaScript runs, a box whose table fits drops the tab stop and the landmark (nothing to scroll,
 * and thirty empty tab stops on a wide screen would only be in the way), and takes them back when
 * the window narrows.
 * By default it keeps the header row and the first column in view while the box scrolls, so after
 * scrolling right everybody still sees which row is which; `keyColumns={2}` keeps a short number
 * column and the title next to it. Styles in app.css (`.table-wrap--sticky`), one set for every table.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

/** The box is named by a text or by the id of the heading or caption that names its table. */
type Name = { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined };

export function TableScroll({
  label,
  labelledBy,
  sticky = true,
  keyColumns = 1,
  children,
}: Name & { sticky?: boolean; keyColumns?: 1 | 2; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useOverflows(box);
  const focusable = scrolls ? { role: "region", "aria-label": label, "aria-labelledby": labelledBy, tabIndex: 0 } : {};
  const classes = ["table-wrap", sticky ? "table-wrap--sticky" : "", sticky && keyColumns === 2 ? "table-wrap--key2" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div ref={box} className={classes} {...focusable}>
      {children}
    </div>
  );
}

/** Whether the content is wider (or, sticky, taller) than the box; true until measured (server, no JS). */
function useOverflows(box: RefObject<HTMLDivElement | null>) {
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    // The observer calls back once as soon as it observes, which gives the first measurement.
    const observer = new ResizeObserver(() => setScrolls(el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight));
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [box]);
  return scrolls;
}
