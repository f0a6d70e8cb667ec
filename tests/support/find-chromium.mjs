/**
 * Finds a Chromium for the browser tests: KADAM_CHROMIUM, then the system one, then
 * Playwright's own download. Prints the path, or one line saying what to install.
 */
import fs from "node:fs";
import { execSync } from "node:child_process";

export function findChromium() {
  const candidates = [
    process.env.KADAM_CHROMIUM,
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execSync(`command -v ${name}`, { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
      if (found) return found;
    } catch {
      // not on the PATH: try the next name
    }
  }
  return null;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export async function resolveChromium() {
  return findChromium() ?? (await playwrightChromium());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await resolveChromium();
  if (!found) {
    console.error(
      "No Chromium found for the browser tests: install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`.",
    );
    process.exit(1);
  }
  console.log(found);
}
