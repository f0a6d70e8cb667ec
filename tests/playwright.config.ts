import { defineConfig } from "@playwright/test";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT || 3210);
const dbFile = process.env.E2E_DB || path.join(root, `tests/.tmp/e2e-${port}.sqlite`);

export default defineConfig({
  testDir: "./e2e",
  outputDir: path.join(root, "test-results"),
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.KADAM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
    locale: "ru-RU",
    trace: "off",
  },
  // The ministry's round returns the submitted Сары-Булак demo program, which other specs (the
  // check page's verdicts) read as submitted: it runs last, after everything else has passed.
  projects: [
    { name: "main", testIgnore: /ministry\.spec\.ts/ },
    { name: "ministry-round", testMatch: /ministry\.spec\.ts/, dependencies: ["main"] },
  ],
  webServer: {
    command: `rm -f ${dbFile} ${dbFile}-wal ${dbFile}-shm && node --import tsx db/setup.ts && node --import tsx app/server/main.ts`,
    cwd: root,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { DATABASE_PATH: dbFile, PORT: String(port), NODE_ENV: "production", KADAM_SECURE_COOKIES: "0" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
