import { test, expect, PHONE } from "./fixtures";
import { M } from "./support";

// Every page of the foundation, checked by axe-core (WCAG 2.1 AA) as the city administrator sees it.
const PAGES = ["/", "/organizations", "/admin/users", "/admin/users/new", "/admin/audit", "/admin/outbox", "/account"];

test("every portal page passes axe for the city administrator", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoA11yViolations(page);
  }
  // A user's detail page, reached through the list as a person would.
  await page.goto("/admin/users?q=district%40demo.local");
  await page.getByRole("link", { name: "陈静" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("陈静");
  await expectNoA11yViolations(page);
});

test("sign-in, an expired link and a missing page pass axe, also on a phone", async ({ page, login, expectNoA11yViolations }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await expectNoA11yViolations(page);
  await page.goto("/set-password?token=this-token-does-not-exist-anywhere");
  await expect(page.getByText(M.zh.errors.tokenInvalid)).toBeVisible();
  await expectNoA11yViolations(page);
  // Signed out, unknown portal paths go to sign-in; signed in, they are a real 404.
  await login(page, "worker@demo.local");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.zh.errorsPage.notFoundTitle);
  await expectNoA11yViolations(page);
});

// Every list page, at a desk's width and a phone's (issue 11): axe finds nothing, of any impact,
// and nothing makes the page scroll sideways (tables become cards below 640 px).
const LIST_PAGES: Record<string, string[]> = {
  "city@demo.local": [
    "/practitioners",
    "/practitioners/former",
    "/credentials/verification",
    "/credentials/verification?tab=hours",
    "/credentials/verification?tab=renewals",
    "/agencies",
    "/agencies/applications",
    "/posts",
    "/association",
    "/association?tab=practitioners",
    "/organizations",
    "/admin/users",
    "/admin/audit",
    "/admin/outbox",
    "/notifications",
    "/trainings",
    "/training-providers",
    "/trainings/attendance-import",
    "/evaluations",
    "/evaluations/new",
    "/rubrics",
  ],
  "evaluator@demo.local": ["/evaluations", "/evaluations?waiting=0"],
  "training@demo.local": ["/", "/trainings", "/trainings/attendance-import"],
  "worker@demo.local": ["/trainings"],
  "agency@demo.local": ["/practitioners", "/practitioners/import", "/agencies/mine", "/notifications"],
  "dept@demo.local": ["/posts", "/practitioners"],
};

// One test per page: axe at two widths on a long list takes a while, and each gets its own time.
for (const [who, paths] of Object.entries(LIST_PAGES)) {
  for (const path of paths) {
    test(`list page ${path} passes axe at 1280 px and 390 px, without sideways scrolling (${who})`, async ({ page, login, expectNoA11yViolations }) => {
      await login(page, who);
      await page.setViewportSize({ width: 1280, height: 800 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoA11yViolations(page, { widths: [PHONE.width] });
      await page.setViewportSize(PHONE);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(scroll, `page width of ${path} on a phone`).toBeLessThanOrEqual(inner);
    });
  }
}
