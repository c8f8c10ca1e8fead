import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhAuditLabels from "../messages/zh-Hans/auditLabels.json" with { type: "json" };
import { isoFromToday, makeCredential } from "../src/server/seed/credential-factories";
import demoCity from "../src/server/seed/demo-city.json" with { type: "json" };

// The growth dashboard. The demo city (src/server/seed/demo-practitioners.ts) has 40 counted on
// 2025-01-01 and about 85% of the line's pace since; no spec adds counted people to its districts
// (each builds its own, e2e/world.ts), so the demo districts' figures are exactly the seed's.
// This spec's own district has three counted people (one per entry path and level; one counted
// since before the plan's start, the only e2e person who is; one counting since this plan year;
// one registration ending in 20 days) and one who does not count.
type TGrowth = {
  title: string;
  showTable: string;
  settings: { yearlyTarget: string };
  chart: { title: string };
  breakdowns: { street: string; cityLevel: string };
  registrationsDue: { total: string };
  kpi: { qualifiedNowNote: string; qualifiedNowNoteCity: string };
};
const g = M.zh.growth as unknown as TGrowth;
const z = M.zh;
const enums = M.zh as unknown as { enums: { entryPath: Record<string, string>; qualificationLevel: Record<string, string> } };
const entryPathLabels = enums.enums.entryPath;
const levelLabels = enums.enums.qualificationLevel;

// The plan-change test alters the target the other tests read: one after another.
test.describe.configure({ mode: "serial" });

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `growth-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `增长${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.street.id, `增长${tag}社会工作服务中心`);
    await newCountedPractitioner(tx, agency.id, `增长${tag}甲`, { entryPath: "RECRUITED" }, { kind: "SOCIAL_WORKER", issueDate: "2026-02-01", registrationEnd: "2031-01-31" });
    await newCountedPractitioner(tx, agency.id, `增长${tag}乙`, { entryPath: "CULTIVATED" }, { kind: "ASSISTANT_SOCIAL_WORKER", issueDate: "2025-03-01", registrationEnd: isoFromToday(20) });
    await newCountedPractitioner(tx, agency.id, `增长${tag}丙`, { entryPath: "BASELINE", entryDate: new Date("2020-01-01T00:00:00Z") }, { kind: "SENIOR_SOCIAL_WORKER", issueDate: "2022-01-01", registrationEnd: "2030-12-31" });
    const pending = await newPractitioner(tx, agency.id, `增长${tag}丁`);
    await makeCredential(tx, { practitionerId: pending.id, status: "SUBMITTED" });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `增长区干事${tag}`, { regionId: district.id });
    return { tag, district, agency, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

function cityToday() {
  const local = new Date(Date.now() + 8 * 3_600_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() };
}
const monthsSinceStart = () => {
  const { y, m } = cityToday();
  return (y - 2025) * 12 + m;
};
const figure = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.]/g, ""));
/** A breakdown's figures table (label → people), read from the page whether or not it is unfolded. */
async function breakdown(page: Page, id: string): Promise<Record<string, number>> {
  const rows = await page.getByTestId(`breakdown-${id}`).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  return Object.fromEntries(rows.map(([label, value]) => [label!, Number(value!.replace(/[^\d]/g, ""))]));
}

test("the city administrator sees the dashboard with figures that agree with the demo seed", async ({ db, page, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto("/");
  await page.getByRole("link", { name: z.nav.growth }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/growth$/);
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();

  const months = monthsSinceStart();
  const seeded = Math.round(40 + (0.85 * 50 * months) / 12);
  // By district: the demo districts (and the city's own bureaus) hold exactly the seeded people;
  // this spec's district its three.
  const byDistrict = await breakdown(page, "area");
  const demoAreas = [...demoCity.districts.map((d) => d.name), g.breakdowns.cityLevel];
  expect(demoAreas.reduce((sum, name) => sum + (byDistrict[name] ?? 0), 0)).toBe(seeded);
  expect(byDistrict[w.district.name]).toBe(3);
  // The city's count is everyone counted in the register when the page was drawn (other specs'
  // districts included: read before and after, it cannot be outside the two).
  const before = await db.practitioner.count({ where: { isQualified: true } });
  await page.reload();
  const qualified = await figure(page, "kpi-qualified-now");
  const after = await db.practitioner.count({ where: { isQualified: true } });
  expect(qualified).toBeGreaterThanOrEqual(before);
  expect(qualified).toBeLessThanOrEqual(after);
  const target = await figure(page, "kpi-target-to-date");
  expect(target).toBe(Math.ceil(40 + (50 * months) / 12 - 1e-9));
  expect(await figure(page, "kpi-gap")).toBe(Math.max(0, target - qualified));
  // Counted on the plan's first day: the demo seed's 40, and this spec's baseline person.
  await expect(page.getByTestId("kpi-qualified-now").locator("xpath=..")).toContainText(g.kpi.qualifiedNowNoteCity.split("{joined}")[0]!.replace("{atStart}", "41"));

  // The chart's figures are readable as a table; its last row is today's count.
  const chartCard = page.locator("section").filter({ has: page.getByRole("heading", { name: g.chart.title }) });
  await chartCard.getByText(g.showTable).click();
  await expect(chartCard.getByRole("table")).toBeVisible();
  // Breakdowns and the list of registrations coming due render, with links to the register.
  await expect(page.getByTestId("breakdown-entryPath")).toContainText(entryPathLabels.RECRUITED!);
  await expect(page.getByTestId("registrations-due-total")).not.toHaveText("");
  await expect(page.locator('a[href^="/practitioners/"]').first()).toBeVisible();
  await expectNoA11yViolations(page);
  // On a phone the tables scroll sideways: still reachable by keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page);
});

test("a district officer sees their district only, without the plan settings", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto("/dashboard/growth");
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();
  await expect(page.getByText(w.district.name).first()).toBeVisible();
  expect(await figure(page, "kpi-qualified-now")).toBe(3);
  await expect(page.getByTestId("kpi-qualified-now").locator("xpath=..")).toContainText(g.kpi.qualifiedNowNote.replace("{atStart}", "1"));
  expect(await figure(page, "kpi-joined")).toBe(1);
  expect(await figure(page, "kpi-registrations-due")).toBe(1);
  await expect(page.getByTestId("registrations-due-total")).toHaveText(g.registrationsDue.total.replace("{count}", "1"));
  await expect(page.getByRole("heading", { name: g.breakdowns.street })).toBeVisible();
  expect(await breakdown(page, "area")).toEqual({ [w.district.street.name]: 3 });
  expect(await breakdown(page, "entryPath")).toEqual({ [entryPathLabels.BASELINE!]: 1, [entryPathLabels.RECRUITED!]: 1, [entryPathLabels.CULTIVATED!]: 1 });
  expect(await breakdown(page, "level")).toEqual({ [levelLabels.DEGREE!]: 0, [levelLabels.ASSISTANT_SOCIAL_WORKER!]: 1, [levelLabels.SOCIAL_WORKER!]: 1, [levelLabels.SENIOR_SOCIAL_WORKER!]: 1 });
  await expect(page.getByTestId("plan-target-form")).toHaveCount(0);
  await expect(page.getByTestId("kpi-target-to-date")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("an agency administrator and a practitioner are refused (403)", async ({ browser, baseURL, login }) => {
  // A context of its own per person: signing out and in again on one page raced with the
  // sign-out's cookie now and then, and the second person was not signed in at all.
  for (const email of ["agency@demo.local", "worker@demo.local"]) {
    const ctx = await browser.newContext({ baseURL });
    const page = await ctx.newPage();
    await login(ctx, email);
    const res = await page.goto("/dashboard/growth");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-qualified-now")).toHaveCount(0);
    await ctx.close();
  }
});

test("the city administrator changes the plan target; bad input is refused; the change is audited", async ({ page, login }) => {
  await login(page, "city@demo.local");
  await page.goto("/dashboard/growth");
  const form = page.getByTestId("plan-target-form");
  const before = await figure(page, "kpi-target-to-date");

  await form.getByLabel(g.settings.yearlyTarget).fill("0");
  await form.getByRole("button", { name: z.common.save }).click();
  // The error summary takes the focus and names the field; the field says it too.
  await expect(form.getByTestId("error-summary")).toBeFocused();
  await expect(form.getByTestId("error-summary").getByRole("link", { name: new RegExp(`^${g.settings.yearlyTarget}`) })).toContainText(z.validation.invalid);
  await expect(form.getByText(z.validation.invalid, { exact: true })).toBeVisible();
  expect(await figure(page, "kpi-target-to-date")).toBe(before);

  await form.getByLabel(g.settings.yearlyTarget).fill("62");
  await form.getByRole("button", { name: z.common.save }).click();
  await expect(form.getByRole("status")).toContainText(z.notices.saved);
  const months = monthsSinceStart();
  await expect(page.getByTestId("kpi-target-to-date")).toHaveText(String(Math.ceil(40 + (62 * months) / 12 - 1e-9)));

  await page.goto("/admin/audit?action=plan.updateTarget");
  await expect(page.getByRole("table").getByText(zhAuditLabels.actions.plan_updateTarget).first()).toBeVisible();

  // Put the demo plan back for everyone else.
  await page.goto("/dashboard/growth");
  await page.getByTestId("plan-target-form").getByLabel(g.settings.yearlyTarget).fill("50");
  await page.getByTestId("plan-target-form").getByRole("button", { name: z.common.save }).click();
  await expect(page.getByTestId("plan-target-form").getByRole("status")).toContainText(z.notices.saved);
  expect(await figure(page, "kpi-target-to-date")).toBe(before);
});
