import { test, expect, type Page } from "./fixtures";
import { M, signInOk, signOut } from "./support";

// The workforce dashboard (issue 4 item 7) on the demo city (src/server/seed/demo-workforce.ts):
// posts in all nine practice fields, partly filled; 明德 blacklisted; members of the association.

type TWorkforce = { title: string; tabsLabel: string; areas: { titleCity: string; titleDistrict: string }; fields: { title: string } };
const w = M.zh.workforce as unknown as TWorkforce;
const enums = (M.zh as unknown as { enums: { practiceField: Record<string, string>; integrityKind: Record<string, string> } }).enums;
const z = M.zh;
const figure = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.]/g, ""));

test("the city administrator sees the nine practice fields, fill rates, agencies and members of the whole city", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.getByRole("link", { name: z.nav.workforce }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/workforce$/);
  await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
  // All nine fields are listed, each with posts in the demo.
  const rows = page.getByTestId("table-fields").locator("tbody tr");
  await expect(rows).toHaveCount(9);
  for (const label of Object.values(enums.practiceField)) await expect(page.getByTestId("table-fields")).toContainText(label);
  expect(await figure(page, "kpi-required")).toBeGreaterThan(0);
  const fill = await figure(page, "kpi-fill-rate");
  expect(fill).toBeGreaterThan(0);
  expect(fill).toBeLessThan(100);
  // By district, with the city's own bureaus apart; the blacklisted agency is flagged.
  await expect(page.getByRole("heading", { name: w.areas.titleCity })).toBeVisible();
  await expect(page.getByTestId("table-areas")).toContainText("西城区");
  await expect(page.getByTestId("flagged-agencies")).toContainText("示例市明德司法社会工作服务中心");
  await expect(page.getByTestId("flagged-agencies")).toContainText(enums.integrityKind.BLACKLIST!);
  await expect(page.getByTestId("flagged-agencies")).not.toContainText("示例市阳光社会工作服务中心");
  expect(await figure(page, "kpi-members")).toBeGreaterThan(0);
  await expectNoA11yViolations(page);
  // The tabs lead to the growth dashboard and back.
  await page.getByRole("navigation", { name: w.tabsLabel }).getByRole("link", { name: z.nav.growth }).click();
  await expect(page).toHaveURL(/\/dashboard\/growth$/);
  await page.getByRole("navigation", { name: w.tabsLabel }).getByRole("link", { name: z.nav.workforce }).click();
  await expect(page).toHaveURL(/\/dashboard\/workforce$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page);
  await signOut(page);
});

test("a district officer sees their district only", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.goto("/dashboard/workforce");
  const cityRequired = await figure(page, "kpi-required");
  await signOut(page);

  await signInOk(page, "district@demo.local");
  await page.goto("/dashboard/workforce");
  await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
  await expect(page.getByText("东城区").first()).toBeVisible();
  const required = await figure(page, "kpi-required");
  expect(required).toBeGreaterThan(0);
  expect(required).toBeLessThan(cityRequired);
  await expect(page.getByTestId("table-fields").locator("tbody tr")).toHaveCount(9);
  // By street, never other districts; 明德 (西城区) is not theirs to see.
  await expect(page.getByRole("heading", { name: w.areas.titleDistrict })).toBeVisible();
  await expect(page.getByTestId("table-areas")).toContainText("和平街道");
  await expect(page.getByTestId("table-areas")).not.toContainText("西城区");
  await expect(page.getByText("示例市明德司法社会工作服务中心")).toHaveCount(0);
  await expectNoA11yViolations(page);
  await signOut(page);
});

test("an agency administrator and a department officer are refused (403)", async ({ page, expectNoA11yViolations }) => {
  for (const email of ["agency@demo.local", "dept@demo.local"]) {
    await signInOk(page, email);
    const res = await page.goto("/dashboard/workforce");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-required")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
    await expectNoA11yViolations(page);
    await signOut(page);
  }
});
