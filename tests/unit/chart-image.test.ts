/**
 * The PNG rasteriser of the DOCX charts (resvg + the DejaVu fonts of the dejavu-fonts-ttf package,
 * no system fonts): it gives a PNG, and Kyrgyz letters are drawn as real glyphs.
 */
import { describe, expect, it } from "vitest";
import { PNG_SIGNATURE, svgToPng } from "~/export/chart-image.server";
import { genderGapChartSvg } from "~/domain/gender-chart";

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 40" width="240" height="40" font-family="Arial, sans-serif" font-size="20">` +
  `<rect x="0" y="34" width="240" height="6" fill="#1d70b8"/>` +
  (text ? `<text x="4" y="26" fill="#0b0c0c">${text}</text>` : "") +
  `</svg>`;

describe("svgToPng", async () => {
  it("gives a PNG of the requested width for an SVG with Ө Ү Ң", async () => {
    const { png, width, height } = await svgToPng(svg("Ө Ү Ң"), 480);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(100);
    expect([width, height]).toEqual([480, 80]);
    // IHDR holds the same size.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 80]);
  });

  it("draws the glyphs: text changes the picture, and each Kyrgyz letter looks different", async () => {
    const withText = (await svgToPng(svg("Ө Ү Ң"), 240)).png;
    const without = (await svgToPng(svg(""), 240)).png;
    expect(withText.equals(without)).toBe(false);
    // A missing glyph would be drawn as the same empty box for every letter.
    const letters = await Promise.all(["Ө", "Ү", "Ң"].map(async (l) => (await svgToPng(svg(l), 240)).png.toString("base64")));
    expect(new Set(letters).size).toBe(3);
  });

  it("is the same picture on every run (no system fonts involved)", async () => {
    expect((await svgToPng(svg("Ө Ү Ң"), 240)).png.equals((await svgToPng(svg("Ө Ү Ң"), 240)).png)).toBe(true);
  });

  it("rasterises the gender gap chart of the web page", async () => {
    const chart = genderGapChartSvg([{ id: "g1", indicator: "Жеке ишкерлер", women: 29, men: 71, unit: "%" }], {
      title: "Негизги гендердик ажырымдар",
      desc: "Аялдар жана эркектер",
      women: "Аялдар",
      men: "Эркектер",
      formatNumber: (v) => String(v),
    });
    const { png, width } = await svgToPng(chart, 600);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(width).toBe(600);
  });
});
