import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_PROGRAM_TITLE } from "../../db/seed-program";

export const DEMO_PASSWORD = "kadam-demo-2026";
export const accounts = {
  planner: "planner@kok-jaiyk.demo",
  coordinator: "coordinator@kok-jaiyk.demo",
  deputy: "deputy@kok-jaiyk.demo",
  ministry: "ministry@mec.demo",
  admin: "admin@kadam.demo",
  otherPlanner: "planner@other.demo",
} as const;

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form#login button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

/** Creates a program for the signed-in planner and returns its id. */
export async function createProgram(page: Page, title: string) {
  await page.goto("/programs");
  await page
    .getByRole("link", { name: /Создать программу|Create a program|Программа түзүү/ })
    .first()
    .click();
  await page.locator("input[name=title]").fill(title);
  await page.locator("form#new-program button[type=submit]").click();
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  return Number(page.url().match(/programs\/(\d+)/)![1]);
}

/** The seeded demo program (Кок-Жайык, Kyrgyz) of the signed-in user's municipality. */
export async function demoProgramId(page: Page): Promise<number> {
  await page.goto("/programs");
  // By the seeded title: programs other specs create for the same municipality also name Кок-Жайык.
  const href = await page.getByRole("link", { name: DEMO_PROGRAM_TITLE }).first().getAttribute("href");
  return Number(href!.match(/programs\/(\d+)/)![1]);
}

/**
 * Downloads a program's file from its workspace and imports it as a new program of the planner
 * (a full program with actions to work on, without touching the shared demo); returns its id.
 */
export async function importCopy(page: Page, programId: number): Promise<number> {
  await page.goto(`/programs/${programId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Скачать файл программы/ }).click()]);
  const file = await download.path();
  expect(JSON.parse(fs.readFileSync(file!, "utf8")).format).toBe("kadam-program");
  await page.goto("/programs");
  await page.goto((await page.locator("a[href^='/programs/import?municipality=']").first().getAttribute("href"))!);
  await page
    .locator("input[name=file]")
    .setInputFiles({ name: "program.json", mimeType: "application/json", buffer: fs.readFileSync(file!) });
  await page.getByRole("button", { name: /Загрузить и создать/ }).click();
  await expect(page).toHaveURL(/\/programs\/\d+\?imported=1/);
  return Number(page.url().match(/programs\/(\d+)/)![1]);
}
