/** The one date helper: Intl in the reader's language, Bishkek time, calendar days unshifted. */
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "~/domain/format";

describe("formatDate / formatDateTime", () => {
  const moment = "2026-03-05T08:07:00Z"; // 14:07 in Bishkek (UTC+6)
  it("Russian", () => {
    expect(formatDate("2026-03-05", "ru")).toBe("5 марта 2026 г.");
    expect(formatDateTime(moment, "ru")).toBe("5 мар. 2026 г., 14:07");
  });
  it("Kyrgyz: Intl's own Kyrgyz data, not the Russian format", () => {
    expect(formatDate("2026-03-05", "ky")).toBe("2026-ж., 5-март");
    expect(formatDateTime(moment, "ky")).toMatch(/^2026-ж\., 5-мар\.? 14:07$/);
  });
  it("English", () => {
    expect(formatDate("2026-03-05", "en")).toBe("5 March 2026");
    expect(formatDateTime(moment, "en")).toBe("5 Mar 2026, 14:07");
  });
  it("a calendar day is not shifted by the time zone; missing or unreadable gives a dash", () => {
    expect(formatDate("2026-12-31", "en")).toBe("31 December 2026");
    expect(formatDate(undefined, "ru")).toBe("—");
    expect(formatDate("soon", "ru")).toBe("—");
  });
});
