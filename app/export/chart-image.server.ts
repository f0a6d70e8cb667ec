/**
 * Charts as pictures for the DOCX: an SVG (app/domain/gender-chart.ts draws the same one for the
 * web page) rasterised to PNG with resvg. resvg is a native module, so this file is server-only
 * (the .server suffix keeps it out of the browser bundle).
 *
 * Fonts come from the dejavu-fonts-ttf npm package, never from the machine (loadSystemFonts:
 * false): the picture is the same on every server, and DejaVu Sans has the Kyrgyz letters
 * Ө Ү Ң that a bare server often lacks.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** Regular and bold: the charts use nothing else. */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(FONT_DIR, f));
export const CHART_FONT_FAMILY = "DejaVu Sans";

export interface ChartPicture {
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

const fontOptions: ResvgRenderOptions["font"] = {
  loadSystemFonts: false,
  fontFiles: FONT_FILES,
  defaultFontFamily: CHART_FONT_FAMILY,
  sansSerifFamily: CHART_FONT_FAMILY,
  serifFamily: CHART_FONT_FAMILY,
};

/**
 * PNG of an SVG, `width` pixels wide (the height keeps the SVG's proportions), on white so it
 * prints the same in viewers that ignore transparency. Any font family the SVG names (Arial,
 * sans-serif…) falls back to DejaVu Sans. resvg parses, shapes the text and draws on libuv's
 * thread pool (renderAsync); only the PNG encoding runs on the main thread.
 */
async function draw(svg: string, width: number): Promise<ChartPicture> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: Math.round(width) },
    background: "#ffffff",
    font: fontOptions,
    logLevel: "off",
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/**
 * Pictures drawn lately, by width and SVG text, most recently used last. A program is exported
 * again and again (every draft the working group reads, each deputy's and the ministry's copy,
 * its versions) while its chart changes only with the gender analysis; drawing it (35–50 ms of
 * CPU) costs half as much again as building a whole 300-action document, and on a 2-core server
 * the thread pool does not hide it, so a picture already drawn is given again. The PNG is a pure
 * function of the key, so a hit is always right. Bounded: a picture is some 50 KB.
 */
const drawn = new Map<string, Promise<ChartPicture>>();
const MAX_DRAWN = 32;

export function svgToPng(svg: string, width: number): Promise<ChartPicture> {
  const key = `${Math.round(width)}\n${svg}`;
  const hit = drawn.get(key);
  if (hit) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const picture = draw(svg, width);
  drawn.set(key, picture);
  // A failed drawing is not remembered: the next export tries again.
  picture.catch(() => {
    if (drawn.get(key) === picture) drawn.delete(key);
  });
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  return picture;
}

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
