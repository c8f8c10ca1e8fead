import { test, expect } from "./fixtures";
import zhBase from "../messages/zh-Hans.json" with { type: "json" };

// Issue 10, hole 2: while the database holds the demo city (whose accounts' password is published),
// every page says so, and the city administrator's home says how to start without it. The e2e
// database is seeded with the demo city, so the bar is there.

test("every page shows the demonstration-data bar; the city administrator is told how to start without the demo", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
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
  await expect(page.getByTestId("demo-note")).toContainText(zhBase.home.demoTitle);
  await expect(page.getByTestId("demo-note")).toContainText("npm run admin:create");
  await expectNoA11yViolations(page);
  await page.goto("/dashboard/growth");
  await expect(page.getByTestId("demo-banner")).toBeVisible();

  // Only the city administrator, who can create the real accounts, gets the how-to.
  const ctx = await browser.newContext({ baseURL });
  const district = await ctx.newPage();
  await login(ctx, "district@demo.local");
  await district.goto("/");
  await expect(district.getByTestId("home-role")).toBeVisible();
  await expect(district.getByTestId("demo-banner")).toBeVisible();
  await expect(district.getByTestId("demo-note")).toHaveCount(0);
  await ctx.close();
});
