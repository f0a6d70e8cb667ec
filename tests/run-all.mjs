/**
 * `npm test`: build, type-check, lint, format check, unit + integration (vitest), then the browser tests
 * (Playwright against the built app on a scratch database). Stops at the first failing step.
 */
import { spawnSync } from "node:child_process";
import { resolveChromium } from "./support/find-chromium.mjs";

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

const chromium = await resolveChromium();
if (!chromium) {
  console.error(
    "No Chromium found for the browser tests: install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`.",
  );
  process.exit(1);
}

run("Build", "npx", ["remix", "build"]);
run("Type check", "npx", ["tsc"]);
run("Lint", "npx", ["eslint", ".", "--max-warnings", "0"]);
run("Format", "npx", ["prettier", "--check", "."]);
run("Unit and integration tests", "npx", ["vitest", "run", "--config", "tests/vitest.config.ts"]);
run("Browser tests", "npx", ["playwright", "test", "--config", "tests/playwright.config.ts"], { KADAM_CHROMIUM: chromium });
console.log("\n✔ All tests passed");
