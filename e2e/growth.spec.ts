import { test, expect, type Page } from "./fixtures";
import { M, signInOk, signOut } from "./support";

// The growth dashboard on the demo city (src/server/seed/demo-practitioners.ts): 40 counted on
// 2025-01-01, and about 85% of the line's pace since, so the city is somewhat behind today.
type TGrowth = {
  title: string;
  showTable: string;
  settings: { yearlyTarget: string };
  chart: { title: string };
  breakdowns: { street: string };
};
const g = M.zh.growth as unknown as TGrowth;
const z = M.zh;
const entryPathLabels = (M.zh as unknown as { enums: { entryPath: Record<string, string> } }).enums.entryPath;

// The plan-change test alters the target the other tests read: one after another.
test.describe.configure({ mode: "serial" });

function cityToday() {
  const local = new Date(Date.now() + 8 * 3_600_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() };
}
const monthsSinceStart = () => {
  const { y, m } = cityToday();
  return (y - 2025) * 12 + m;
};
const figure = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.]/g, ""));

test("the city administrator sees the dashboard with figures that agree with the demo seed", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.getByRole("link", { name: z.nav.growth }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/growth$/);
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();

  const months = monthsSinceStart();
  const seeded = Math.round(40 + (0.85 * 50 * months) / 12);
  const qualified = await figure(page, "kpi-qualified-now");
  // Other specs may verify a credential meanwhile (the count then goes up by one).
  expect(qualified).toBeGreaterThanOrEqual(seeded);
  expect(qualified).toBeLessThanOrEqual(seeded + 3);
  const target = await figure(page, "kpi-target-to-date");
  expect(target).toBe(Math.ceil(40 + (50 * months) / 12 - 1e-9));
  expect(await figure(page, "kpi-gap")).toBe(Math.max(0, target - qualified));
  await expect(page.getByTestId("kpi-qualified-now").locator("xpath=..")).toContainText("40");

  // The chart's figures are readable as a table; its last row is today's count.
  const chartCard = page.locator("section").filter({ has: page.getByRole("heading", { name: g.chart.title }) });
  await chartCard.getByText(g.showTable).click();
  await expect(chartCard.getByRole("table")).toBeVisible();
  // Breakdowns and the expiring list render, with links to the register.
  await expect(page.getByTestId("breakdown-entryPath")).toContainText(entryPathLabels.RECRUITED!);
  await expect(page.getByTestId("expiring-total")).not.toHaveText("");
  await expect(page.locator('a[href^="/practitioners/"]').first()).toBeVisible();
  await expectNoA11yViolations(page);
  // On a phone the tables scroll sideways: still reachable by keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page);
});

test("a district officer sees their district only, without the plan settings", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.goto("/dashboard/growth");
  const cityCount = await figure(page, "kpi-qualified-now");
  await signOut(page);

  await signInOk(page, "district@demo.local");
  await page.goto("/dashboard/growth");
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();
  await expect(page.getByText("东城区").first()).toBeVisible();
  const districtCount = await figure(page, "kpi-qualified-now");
  expect(districtCount).toBeGreaterThan(0);
  expect(districtCount).toBeLessThan(cityCount);
  await expect(page.getByRole("heading", { name: g.breakdowns.street })).toBeVisible();
  await expect(page.getByTestId("plan-target-form")).toHaveCount(0);
  await expect(page.getByTestId("kpi-target-to-date")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("an agency administrator and a practitioner are refused (403)", async ({ page }) => {
  for (const email of ["agency@demo.local", "worker@demo.local"]) {
    await signInOk(page, email);
    const res = await page.goto("/dashboard/growth");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-qualified-now")).toHaveCount(0);
    // Wait for the sign-out to finish, or the next sign-in races it.
    await signOut(page);
  }
});

test("the city administrator changes the plan target; bad input is refused; the change is audited", async ({ page }) => {
  await signInOk(page, "city@demo.local");
  await page.goto("/dashboard/growth");
  const form = page.getByTestId("plan-target-form");
  const before = await figure(page, "kpi-target-to-date");

  await form.getByLabel(g.settings.yearlyTarget).fill("0");
  await form.getByRole("button", { name: z.common.save }).click();
  await expect(form.getByRole("alert")).toContainText(z.errors.checkFields);
  await expect(form.getByText(z.validation.invalid)).toBeVisible();
  expect(await figure(page, "kpi-target-to-date")).toBe(before);

  await form.getByLabel(g.settings.yearlyTarget).fill("62");
  await form.getByRole("button", { name: z.common.save }).click();
  await expect(form.getByRole("status")).toContainText(z.notices.saved);
  const months = monthsSinceStart();
  await expect(page.getByTestId("kpi-target-to-date")).toHaveText(String(Math.ceil(40 + (62 * months) / 12 - 1e-9)));

  await page.goto("/admin/audit?action=plan.updateTarget");
  await expect(page.getByRole("table").getByText("plan.updateTarget").first()).toBeVisible();

  // Put the demo plan back for everyone else.
  await page.goto("/dashboard/growth");
  await page.getByTestId("plan-target-form").getByLabel(g.settings.yearlyTarget).fill("50");
  await page.getByTestId("plan-target-form").getByRole("button", { name: z.common.save }).click();
  await expect(page.getByTestId("plan-target-form").getByRole("status")).toContainText(z.notices.saved);
  expect(await figure(page, "kpi-target-to-date")).toBe(before);
});
