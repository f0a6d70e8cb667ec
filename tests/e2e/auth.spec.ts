import { expect, test } from "./fixtures";
import { accounts, createProgram, expectAccessible, login } from "./support";

test.describe("signing in", () => {
  const landings: [string, RegExp, RegExp][] = [
    [accounts.planner, /\/programs$/, /Программы развития/],
    [accounts.coordinator, /\/programs$/, /Программы развития/],
    [accounts.deputy, /\/programs$/, /Программы развития/],
    [accounts.ministry, /\/ministry$/, /Программы муниципалитетов/],
    [accounts.admin, /\/admin$/, /./],
  ];
  for (const [email, url, heading] of landings) {
    test(`${email} lands on its own page, which passes an accessibility scan`, async ({ page }) => {
      await login(page, email);
      await expect(page).toHaveURL(url);
      await expect(page.locator("h1")).toHaveText(heading);
      await expectAccessible(page);
    });
  }

  test("a wrong password gets a clear Russian message and 401", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await page.locator("input[name=email]").fill(accounts.deputy);
    await page.locator("input[name=password]").fill("wrong-password");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST"),
      page.locator("form#login button[type=submit]").click(),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.getByRole("alert")).toContainText("Неверная электронная почта или пароль");
  });

  test("an empty form names both fields", async ({ page }) => {
    await page.goto("/login");
    await page.locator("form#login button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("Электронная почта");
    await expect(page.getByRole("alert")).toContainText("Заполните это поле");
  });

  test("switching to Kyrgyz changes the page and html lang", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Кыргызча" }).click();
    await expect(page.locator("h1")).toHaveText("Кадамга кирүү");
    await expect(page.locator("html")).toHaveAttribute("lang", "ky");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("h1")).toHaveText("Sign in to Kadam");
  });

  test("the language choice is kept for the user after signing in again", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, accounts.coordinator);
    await page.getByRole("button", { name: "Кыргызча" }).click();
    await expect(page.locator("h1")).toHaveText("Өнүктүрүү программалары");
    await context.clearCookies();
    await login(page, accounts.coordinator);
    await expect(page.locator("html")).toHaveAttribute("lang", "ky");
    await page.getByRole("button", { name: "Русский" }).click();
    await context.close();
  });

  test("a language picked on the login page is kept after signing in", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Кыргызча" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ky");
    await page.locator("input[name=email]").fill(accounts.otherPlanner);
    await page.locator("input[name=password]").fill("kadam-demo-2026");
    await page.locator("form#login button[type=submit]").click();
    await expect(page.locator("h1")).toHaveText("Өнүктүрүү программалары");
    await page.getByRole("button", { name: "Русский" }).click(); // back to the default for other tests
    await expect(page.locator("h1")).toHaveText("Программы развития");
  });

  test("the session cookie expires with the server session, not 400 days later", async ({ page, context }) => {
    await login(page, accounts.deputy);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "kadam_session");
    const days = (session!.expires - Date.now() / 1000) / 86400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // The browser is remembered for the login throttle, in a cookie only the login page receives.
    expect(cookies.find((c) => c.name === "kadam_device")).toMatchObject({ path: "/login", httpOnly: true });
  });

  test("after five wrong passwords the page says when to try again", async ({ page }) => {
    const email = `nobody-${Date.now()}@nowhere.demo`; // an unknown email is held like a real one
    await page.goto("/login");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.locator("input[name=email]").fill(email);
      await page.locator("input[name=password]").fill("wrong-password");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST"),
        page.locator("form#login button[type=submit]").click(),
      ]);
      statuses.push(response.status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    await expect(page.getByRole("alert")).toContainText("Попробуйте снова через 30 с.");
    await expectAccessible(page);
  });

  test("logging out ends the session", async ({ page }) => {
    await login(page, accounts.deputy);
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/programs");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("login works", async ({ page }) => {
    await login(page, accounts.planner);
    await expect(page.locator("h1")).toHaveText("Программы развития");
  });
});

test.describe("security", () => {
  test("a POST with a foreign Origin gets 403", async ({ request }) => {
    const response = await request.post("/login", {
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      data: "email=planner%40kok-jaiyk.demo&password=kadam-demo-2026",
    });
    expect(response.status()).toBe(403);
  });

  test("pages carry the security headers", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  test("/healthz answers when the database does", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
  });

  test("a planner of another municipality gets 404 for a Кок-Жайык program", async ({ browser }) => {
    const own = await browser.newContext();
    const ownPage = await own.newPage();
    await login(ownPage, accounts.planner);
    const id = await createProgram(ownPage, "Программа для проверки доступа");
    await own.close();

    const other = await browser.newContext();
    const page = await other.newPage();
    await login(page, accounts.otherPlanner);
    for (const path of [`/programs/${id}`, `/programs/${id}/startup`, `/programs/${id}/history`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await other.close();
  });
});
