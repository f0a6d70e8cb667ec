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
    // Two texts of one drawing (a comment apart), so both are really drawn, not remembered.
    const a = await svgToPng(svg("Ө Ү Ң"), 240);
    const b = await svgToPng(svg("Ө Ү Ң").replace("<rect", "<!-- again --><rect"), 240);
    expect(a).not.toBe(b);
    expect(a.png.equals(b.png)).toBe(true);
  });

  it("gives a picture already drawn again instead of drawing it anew, for the same SVG and width only", async () => {
    const first = await svgToPng(svg("Кадам 1"), 240);
    expect(await svgToPng(svg("Кадам 1"), 240)).toBe(first);
    const wider = await svgToPng(svg("Кадам 1"), 480);
    expect(wider).not.toBe(first);
    expect(wider.width).toBe(480);
  });

  it("does not remember a drawing that failed", async () => {
    const broken = svg("Ө").replace("</svg>", "");
    const first = svgToPng(broken, 120);
    await expect(first).rejects.toThrow();
    const second = svgToPng(broken, 120);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow();
  });

  it("remembers a bounded number of pictures, the least recently used leaving first", async () => {
    const kept = await svgToPng(svg("сакталат"), 120);
    const dropped = await svgToPng(svg("кетет"), 120);
    for (let i = 0; i < 40; i++) {
      await svgToPng(svg(`№ ${i}`), 120);
      // Asked for all along: stays.
      expect(await svgToPng(svg("сакталат"), 120)).toBe(kept);
    }
    const again = await svgToPng(svg("кетет"), 120);
    expect(again).not.toBe(dropped);
    expect(again.png.equals(dropped.png)).toBe(true);
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
