/** Open-comment markers: an element's count includes its rows' threads, a row's is its own (issue #17.3). */
import { describe, expect, it } from "vitest";
import { countFor, openByAnchor, rowAnchor } from "~/domain/comment-counts";

describe("openByAnchor", () => {
  const counts = {
    "act-1": { n: 2, open: 1 },
    "act-1#line-1": { n: 1, open: 1 },
    "prob-el#prob-water": { n: 3, open: 2 },
    "prob-el#prob-roads": { n: 1, open: 0 },
    "stage:passport": { n: 1, open: 1 },
  };
  const open = openByAnchor(counts);

  it("counts an element's own threads and its rows' threads, as the Comments (n) link does", () => {
    expect(open("act-1")).toBe(2);
    expect(open("act-1")).toBe(countFor(counts, "act-1").open);
    expect(open("prob-el")).toBe(countFor(counts, "prob-el").open);
  });

  it("counts a row's own threads only; closed threads mark nothing", () => {
    expect(open(rowAnchor("prob-el", "prob-water"))).toBe(2);
    expect(open(rowAnchor("prob-el", "prob-roads"))).toBe(0);
    expect(open("act-2")).toBe(0);
    expect(openByAnchor(undefined)("act-1")).toBe(0);
  });
});
