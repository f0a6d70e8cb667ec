/**
 * The chart of the main gender gaps as SVG markup: one pair of horizontal bars (women, men) per gap
 * row. Server-rendered so it needs no client library, and a plain string so the DOCX exporter can
 * embed the same picture. Colours and sizes are SVG presentation attributes (CSP forbids inline
 * styles). Each pair has its own scale because rows have different units (%, hours, people).
 */
import { gapOf, type GenderGapRow } from "./gender";

export interface GenderChartLabels {
  title: string;
  desc: string;
  women: string;
  men: string;
  /** Formats a number in the UI language ("1 250,5"). */
  formatNumber: (value: number) => string;
}

export interface GenderChartBar {
  id: string;
  label: string;
  unit: string;
  women: number | null;
  men: number | null;
  gap: number | null;
  /** Bar lengths as a share 0..1 of the longest bar of the pair. */
  womenShare: number;
  menShare: number;
}

/** Rows that can be drawn: both values known. */
export function genderGapChartData(rows: readonly Pick<GenderGapRow, "id" | "indicator" | "women" | "men" | "unit">[]): GenderChartBar[] {
  return rows
    .filter((r) => typeof r.women === "number" || typeof r.men === "number")
    .map((r, i) => {
      const women = r.women ?? null;
      const men = r.men ?? null;
      const max = Math.max(women ?? 0, men ?? 0);
      return {
        id: r.id ?? String(i),
        label: r.indicator,
        unit: r.unit ?? "",
        women,
        men,
        gap: gapOf(r).gap,
        womenShare: max > 0 ? (women ?? 0) / max : 0,
        menShare: max > 0 ? (men ?? 0) / max : 0,
      };
    });
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const WIDTH = 720;
const LABEL_H = 22;
const BAR_H = 16;
const GAP_H = 14;
const LEFT = 110;
const BAR_MAX = 480;
export const CHART_COLORS = { women: "#6f3c97", men: "#1d70b8", text: "#0b0c0c" };

/** SVG markup with <title> and <desc>; the page adds a visually-hidden table as the text alternative. */
export function genderGapChartSvg(
  rows: readonly Pick<GenderGapRow, "id" | "indicator" | "women" | "men" | "unit">[],
  labels: GenderChartLabels,
  idPrefix = "gender-gap-chart",
): string {
  const bars = genderGapChartData(rows);
  const rowH = LABEL_H + 2 * BAR_H + 4 + GAP_H;
  const legendH = 30;
  const height = legendH + Math.max(1, bars.length) * rowH;
  const value = (v: number | null, unit: string) => (v === null ? "—" : `${labels.formatNumber(v)}${unit ? ` ${unit}` : ""}`);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="Arial, sans-serif" font-size="14">`,
    `<title id="${idPrefix}-title">${esc(labels.title)}</title>`,
    `<desc id="${idPrefix}-desc">${esc(labels.desc)}</desc>`,
    `<rect x="0" y="6" width="14" height="14" fill="${CHART_COLORS.women}"/>`,
    `<text x="20" y="18" fill="${CHART_COLORS.text}">${esc(labels.women)}</text>`,
    `<rect x="160" y="6" width="14" height="14" fill="${CHART_COLORS.men}"/>`,
    `<text x="180" y="18" fill="${CHART_COLORS.text}">${esc(labels.men)}</text>`,
  );
  bars.forEach((b, i) => {
    const y = legendH + i * rowH;
    const wy = y + LABEL_H;
    const my = wy + BAR_H + 4;
    const ww = Math.round(b.womenShare * BAR_MAX);
    const mw = Math.round(b.menShare * BAR_MAX);
    parts.push(
      `<g>`,
      `<text x="0" y="${y + 16}" font-weight="bold" fill="${CHART_COLORS.text}">${esc(b.label)}${b.unit ? ` (${esc(b.unit)})` : ""}</text>`,
      `<text x="0" y="${wy + 13}" fill="${CHART_COLORS.text}">${esc(labels.women)}</text>`,
      `<rect x="${LEFT}" y="${wy}" width="${ww}" height="${BAR_H}" fill="${CHART_COLORS.women}"/>`,
      `<text x="${LEFT + ww + 6}" y="${wy + 13}" fill="${CHART_COLORS.text}">${esc(value(b.women, ""))}</text>`,
      `<text x="0" y="${my + 13}" fill="${CHART_COLORS.text}">${esc(labels.men)}</text>`,
      `<rect x="${LEFT}" y="${my}" width="${mw}" height="${BAR_H}" fill="${CHART_COLORS.men}"/>`,
      `<text x="${LEFT + mw + 6}" y="${my + 13}" fill="${CHART_COLORS.text}">${esc(value(b.men, ""))}</text>`,
      `</g>`,
    );
  });
  parts.push(`</svg>`);
  return parts.join("");
}
