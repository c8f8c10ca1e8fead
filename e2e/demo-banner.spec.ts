import { test, expect } from "./fixtures";
import zhBase from "../messages/zh-Hans.json" with { type: "json" };

// Issue 10, hole 2: while the database holds the demo city (whose accounts' password is published),
// every page says so, and the city administrator's home says so in one line, in the user's words
// (the how-to, with its commands and settings, is in the README). The e2e
// database is seeded with the demo city, so the bar is there.

test("every page shows the demonstration-data bar; the city administrator gets a one-line note without shell commands", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const anon = await browser.newContext({ baseURL });
  const pub = await anon.newPage();
  for (const path of ["/login", "/public/verify", "/public/agencies"]) {
    await pub.goto(path);
    await expect(pub.getByTestId("demo-banner"), path).toHaveText(zhBase.shell.demoBanner);
  }
  await anon.close();

  await login(page, "city@demo.local");
  await page.goto("/");
  await expect(page.getByTestId("demo-banner")).toHaveText(zhBase.shell.demoBanner);
  const note = page.getByTestId("demo-note");
  await expect(note).toContainText("本平台载有演示数据");
  await expect(note).toContainText("README");
  // Issue 11 polish, item B: no set-up instructions on the home page.
  for (const jargon of ["npm ", "SEED_DEMO", "DATABASE_URL", ".data/postgres"]) await expect(note).not.toContainText(jargon);
  await expectNoA11yViolations(page);
  await page.goto("/dashboard/growth");
  await expect(page.getByTestId("demo-banner")).toBeVisible();

  // Only the city administrator, who can create the real accounts, gets the note.
  const ctx = await browser.newContext({ baseURL });
  const district = await ctx.newPage();
  await login(ctx, "district@demo.local");
  await district.goto("/");
  await expect(district.getByTestId("home-role")).toBeVisible();
  await expect(district.getByTestId("demo-banner")).toBeVisible();
  await expect(district.getByTestId("demo-note")).toHaveCount(0);
  await ctx.close();
});
