import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhDashboard from "../messages/zh-Hans/trainingDashboard.json" with { type: "json" };
import zhTrainings from "../messages/zh-Hans/trainings.json" with { type: "json" };

// Issue 12 §4: the "Training and development" dashboard. This spec's own district holds an agency
// (on a street) and a school supervised by the demo city's education bureau (dept@demo.local's
// department); a programme of this year ends today. Before anyone completes it the district's
// figures are zero; then two people complete it (one at the agency, one at the school) and one
// attends only one session: the district's figures and hours move by exactly that, as the district
// officer and as the city looking at the district, and the department's by exactly the school's
// person. A table downloads as Excel; axe passes at desktop and phone widths; a practitioner, an
// agency administrator and a training provider cannot open the page nor its export.

const d = zhDashboard;
const z = M.zh;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const A11Y = { widths: [390] };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `training-dashboard-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `培训看板${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.street.id, `培训看板${tag}社工中心`);
    const bureau = await tx.organization.findFirstOrThrow({ where: { name: "示例市教育局", kind: "GOVERNMENT_DEPARTMENT" }, select: { id: true } });
    const school = await newOrg(tx, "SCHOOL", district.id, `培训看板${tag}中学`, { supervisingDepartmentId: bureau.id });
    const provider = await newOrg(tx, "TRAINING_PROVIDER", district.id, `培训看板${tag}学院`);
    const a = await newPractitioner(tx, agency.id, `看板甲${tag}`, { practiceFields: ["SOCIAL_ORGANIZATIONS"], talentTrack: "FRONTLINE" });
    const b = await newPractitioner(tx, agency.id, `看板乙${tag}`, { talentTrack: "FRONTLINE" });
    const s = await newPractitioner(tx, school.id, `看板丙${tag}`, { practiceFields: ["SCHOOLS"], talentTrack: "FRONTLINE" });
    const fund = await tx.fund.create({ data: { year: cityToday().getUTCFullYear(), name: `看板专项${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: `看板培训补贴${tag}`, amountFen: 1_000_000n } });
    const today = cityToday();
    // Two sessions of 3 hours today; completing grants 6 CPD hours.
    const training = await tx.training.create({
      data: {
        reference: `PX-2099-D${tag}`,
        kind: "PROFESSIONAL",
        scope: "PRACTICE",
        title: `看板项目${tag}`,
        providerId: provider.id,
        startDate: today,
        endDate: today,
        venue: "201",
        capacity: 10,
        lengthHalfHours: 12,
        cpdHalfHours: 12,
        completionPercent: 100,
        costFen: 10_000,
        subsidyFen: 10_000,
        budgetLineId: line.id,
        status: "CLOSED",
        sessions: { create: [1, 2].map((number) => ({ number, date: today, startsAt: number === 1 ? "09:00" : "14:00", halfHours: 6, topic: `第${number}讲` })) },
      },
      select: { id: true, sessions: { orderBy: { number: "asc" }, select: { id: true } } },
    });
    return {
      tag,
      district,
      line,
      training,
      people: { a, b, s },
      officer: await newUser(tx, "DISTRICT_OFFICER", `看板区干事${tag}`, { regionId: district.id }),
    };
  });
}

/** The completions: a (agency) and s (school) attend both sessions and complete; b attends one and does not. Paid from this run's line. */
function complete(db: TDb) {
  return buildWorld(db, `training-dashboard-completions-${w.tag}`, async (tx) => {
    let number = 0;
    for (const [p, present] of [[w.people.a, [true, true]], [w.people.s, [true, true]], [w.people.b, [true, false]]] as const) {
      const done = present.every(Boolean);
      const e = await tx.trainingEnrolment.create({ data: { trainingId: w.training.id, practitionerId: p.id, status: done ? "COMPLETED" : "NOT_COMPLETED", number: ++number, completedAt: done ? new Date() : null }, select: { id: true } });
      for (const [i, here] of present.entries()) await tx.trainingAttendance.create({ data: { sessionId: w.training.sessions[i]!.id, enrolmentId: e.id, present: here } });
      await tx.fundEntry.create({ data: { lineId: w.line.id, kind: "COMMITMENT", amountFen: 10_000n, sourceRef: `training:${e.id}` } });
      await tx.fundEntry.create({ data: { lineId: w.line.id, kind: "RELEASE", amountFen: 10_000n, sourceRef: `training:${e.id}:release` } });
      if (done) await tx.fundEntry.create({ data: { lineId: w.line.id, kind: "SPENDING", amountFen: 10_000n, sourceRef: `training:${e.id}:spend` } });
    }
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

// The completions are added half way through the first test; the others read the figures after.
test.describe.configure({ mode: "serial" });

const figure = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).trim();
const number = (text: string) => Number(text.replace(/[^\d.]/g, ""));

test("the district officer and the city (looking at the district) see the district's figures move by exactly the completions; the department officer its school's person", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.slow();
  await login(page, w.officer);
  await page.goto("/dashboard/training");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(d.title);
  await expect(page.getByText(w.district.name).first()).toBeVisible();
  expect(await figure(page, "kpi-people-trained")).toBe("0");
  expect(await figure(page, "kpi-hours")).toBe("0");
  // The district officer has no choice of district or department.
  await expect(page.getByLabel(d.filter.view)).toHaveCount(0);

  // The department's figures before.
  const deptCtx = await browser.newContext({ baseURL });
  await login(deptCtx, "dept@demo.local");
  const dept = await deptCtx.newPage();
  await dept.goto("/dashboard/training");
  await expect(dept.getByText("示例市教育局").first()).toBeVisible();
  const deptBefore = { people: number(await figure(dept, "kpi-people-trained")), hours: number(await figure(dept, "kpi-hours")) };

  await complete(db);

  // The district: a and s completed (2 people, 6 CPD hours each); hours delivered 6 + 6 + 3 (b's one session).
  await page.reload();
  expect(await figure(page, "kpi-people-trained")).toBe("2");
  expect(await figure(page, "kpi-hours")).toBe("15");
  await expect(page.getByTestId("kpi-people-trained").locator("xpath=..")).toContainText("12");
  const byKind = page.getByTestId("trained-by-kind");
  await byKind.getByText(d.showTable).click();
  await expect(byKind.getByRole("row", { name: new RegExp(zhTrainings.kinds.PROFESSIONAL) })).toContainText("2");
  // By street: the agency's street, and the school at the district's own level.
  const byArea = page.getByTestId("trained-by-area");
  await byArea.getByText(d.showTable).click();
  await expect(byArea.getByRole("row", { name: new RegExp(w.district.street.name ?? "") })).toBeVisible();
  await expect(byArea.getByRole("row", { name: new RegExp(d.trained.districtLevel) })).toBeVisible();
  // The subsidy: the district's share of the lines is exactly the two completions' ¥200, and the line has ¥9,800 left.
  await expect(page.getByTestId("subsidy-scope-spent")).toHaveText(/200\.00/);
  await expect(page.getByTestId("subsidy-line").filter({ hasText: w.line.name })).toContainText("9,800.00");
  await expectNoA11yViolations(page, A11Y);

  // The city chooses the district in the filter: the same figures.
  const cityCtx = await browser.newContext({ baseURL });
  await login(cityCtx, "city@demo.local");
  const city = await cityCtx.newPage();
  await city.goto("/dashboard/training");
  await expect(city.getByRole("link", { name: z.nav.trainingDashboard as string }).first()).toBeVisible();
  await city.getByLabel(d.filter.view).selectOption({ label: w.district.name });
  await city.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(city).toHaveURL(new RegExp(`view=district%3A${w.district.id}`));
  expect(await figure(city, "kpi-people-trained")).toBe("2");
  expect(await figure(city, "kpi-hours")).toBe("15");
  await expectNoA11yViolations(city, A11Y);
  // The whole city has at least these.
  await city.goto("/dashboard/training");
  expect(number(await figure(city, "kpi-people-trained"))).toBeGreaterThanOrEqual(2);

  // The department: exactly the school's person (6 hours of sessions) more.
  await dept.reload();
  expect(number(await figure(dept, "kpi-people-trained"))).toBe(deptBefore.people + 1);
  expect(number(await figure(dept, "kpi-hours"))).toBe(deptBefore.hours + 6);
  await expect(dept.getByLabel(d.filter.view)).toHaveCount(0);
  await expectNoA11yViolations(dept, A11Y);
  await deptCtx.close();
  await cityCtx.close();
});

test("a table exports to Excel: the district's people trained by kind", async ({ page, login }) => {
  await login(page, w.officer);
  await page.goto("/dashboard/training");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `${d.export.label.replace("{table}", d.trained.byKind)}` }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  expect(rows).toEqual([
    [d.trained.byKind, d.trained.people, d.trained.completions, d.trained.hours],
    [zhTrainings.kinds.PROFESSIONAL, "2", "2", "12"],
  ]);
});

test("a practitioner, an agency administrator and a training provider cannot open the dashboard nor its exports (403)", async ({ page, login, expectNoA11yViolations }) => {
  for (const email of ["worker@demo.local", "agency@demo.local", "training@demo.local"]) {
    await login(page, email);
    const res = await page.goto("/dashboard/training");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-people-trained")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
    expect((await page.request.get("/api/dashboard/training/export?table=kinds")).status()).toBe(403);
    await expectNoA11yViolations(page);
  }
});
