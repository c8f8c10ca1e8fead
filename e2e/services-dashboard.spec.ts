import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhFunds from "../messages/zh-Hans/funds.json" with { type: "json" };
import zhServices from "../messages/zh-Hans/servicesDashboard.json" with { type: "json" };

// Issue 13 (S2, S3, T5): contributions and the purchased-services dashboard. This spec's own fund
// (this year) has a purchased-services line and a contributions line; its own district holds a
// non-governmental and a public agency, with two contracts drawing on the line: one commissioned
// by 示例市教育局 (dept@demo.local's department), one by the city itself, each with a milestone long
// past due. The city records a contribution on the fund page and the line rises by exactly its
// amount; the fund downloads as Excel with the district's and types' figures; the district officer
// sees exactly the district's contracts, the department officer only its own, the city both; an
// agency administrator and a practitioner cannot open the dashboard, the fund or its export.

const f = zhFunds;
const s = zhServices;
const z = M.zh;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const daysAgo = (n: number) => new Date(cityToday().getTime() - n * 86_400_000);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `services-dashboard-${tag}`, async (tx) => {
    const year = cityToday().getUTCFullYear();
    const district = await newDistrict(tx, `购买服务${tag}区`);
    const privateAgency = await newOrg(tx, "AGENCY", district.street.id, `购买服务${tag}社工中心`);
    const publicAgency = await newOrg(tx, "AGENCY", district.id, `购买服务${tag}公办服务站`, { isPrivate: false });
    const bureau = await tx.organization.findFirstOrThrow({ where: { name: "示例市教育局", kind: "GOVERNMENT_DEPARTMENT" }, select: { id: true } });
    const fund = await tx.fund.create({ data: { year, name: `购买服务专项${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `购买服务${tag}`, amountFen: 100_000_000n } });
    const gifts = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "CONTRIBUTIONS", name: `社会捐赠${tag}`, amountFen: 100_000n } });
    const contract = async (n: number, departmentId: string | null, type: "ELDER_CARE" | "COMMUNITY", organizationId: string, valueFen: bigint, lateDays: number) => {
      const call = await tx.serviceCall.create({
        data: {
          reference: `FW-2099-${tag}${n}`,
          title: `购买服务${tag}项目${n}`,
          description: "e2e",
          type,
          practiceField: "CIVIL_AFFAIRS",
          departmentId,
          regionId: district.street.id,
          regionPath: district.street.path,
          budgetFen: valueFen,
          budgetLineId: line.id,
          termStart: daysAgo(4000),
          termEnd: daysAgo(-365),
          deadline: daysAgo(4010),
          status: "SELECTED",
        },
      });
      const c = await tx.contract.create({
        data: {
          reference: `HT-2099-${tag}${n}`,
          callId: call.id,
          organizationId,
          valueFen,
          termStart: daysAgo(4000),
          termEnd: daysAgo(-365),
          minQualifiedStaff: 1,
          minQualifiedPercent: 0,
          budgetLineId: line.id,
          milestones: { create: [{ number: 1, title: `中期报告${tag}${n}`, deliverable: "报告", dueDate: daysAgo(lateDays), amountFen: valueFen }] },
        },
      });
      await tx.fundEntry.create({ data: { lineId: line.id, kind: "COMMITMENT", amountFen: valueFen, sourceRef: `contract:${c.id}` } });
      return c;
    };
    // Long past due, so they are among the oldest delays anywhere in the city.
    const byBureau = await contract(1, bureau.id, "ELDER_CARE", privateAgency.id, 30_000_000n, 3900);
    const byCity = await contract(2, null, "COMMUNITY", publicAgency.id, 20_000_000n, 3950);
    return { tag, year, district, fund, line, gifts, byBureau, byCity, officer: await newUser(tx, "DISTRICT_OFFICER", `购买服务区干事${tag}`, { regionId: district.id }) };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const figure = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).trim();

test("the city records a contribution and its line rises by exactly that; bad input changes nothing; the fund downloads as Excel", async ({ page, login, db, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto(`/funds/${w.fund.id}`);
  const giftsRow = page.locator(`[data-line-id="${w.gifts.id}"]`);
  await expect(giftsRow.getByTestId("line-available")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("fund-by-district-row")).toContainText([w.district.name]);
  await expect(page.getByTestId("fund-by-type-row").filter({ hasText: f.projectType.ELDER_CARE })).toContainText("¥300,000.00");

  const form = page.getByTestId("contribution-form");
  await form.getByLabel(f.line).selectOption({ label: w.gifts.name });
  await form.getByLabel(f.contributions.donor).fill(`示例科技有限公司${w.tag}`);
  // Zero is refused with its reason; nothing is written.
  await form.getByLabel(f.amount).fill("0");
  await form.getByRole("button", { name: f.contributions.record }).click();
  await expect(form.getByText(f.validation.amountPositive).first()).toBeVisible();
  expect(await db.contribution.count({ where: { lineId: w.gifts.id } })).toBe(0);

  await form.getByLabel(f.amount).fill("2,345.67");
  await form.getByLabel(f.contributions.restrictions).fill("仅用于社区项目");
  await form.getByRole("button", { name: f.contributions.record }).click();
  await expect(form.getByText(f.contributions.recorded)).toBeVisible();
  await expect(giftsRow.getByTestId("line-available")).toHaveText("¥3,345.67");
  const stored = await db.budgetLine.findUniqueOrThrow({ where: { id: w.gifts.id } });
  expect(stored.amountFen - w.gifts.amountFen).toBe(234_567n);
  await expect(page.getByTestId("contribution").filter({ hasText: `示例科技有限公司${w.tag}` })).toContainText("¥2,345.67");
  await expectNoA11yViolations(page);

  // The export: the lines, then the district, the types and the month.
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: f.breakdown.export }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  // Array.from fills the holes ExcelJS leaves for empty cells.
  workbook.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))));
  expect(rows[0]).toEqual([f.breakdown.dimension, f.breakdown.item, f.breakdown.contracts, f.budget, f.committed, f.spent, f.remaining]);
  expect(rows).toContainEqual([f.breakdown.byDistrict, w.district.name, "2", "", "500000", "0"]);
  expect(rows).toContainEqual([f.breakdown.byType, f.projectType.COMMUNITY, "1", "", "200000", "0"]);
  expect(rows).toContainEqual([f.breakdown.byLine, M.zh.common.parenthetical.replace("{text}", w.gifts.name).replace("{note}", f.lineKind.CONTRIBUTIONS), "", "3345.67", "0", "0", "3345.67"]);
});

test("the dashboard shows the district officer its district, the department officer its own projects, the city everything", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  test.slow();
  // The district: exactly its two contracts.
  await login(page, w.officer);
  const res = await page.goto("/dashboard/services");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  await expect(page.getByText(w.district.name).first()).toBeVisible();
  expect(await figure(page, "kpi-value")).toBe("¥500,000.00");
  expect(await figure(page, "kpi-delays")).toBe("2");
  // ¥300,000 of ¥500,000 with the non-governmental agency.
  expect(await figure(page, "kpi-non-governmental")).toBe("60%");
  const delays = page.getByTestId("delay");
  await expect(delays).toHaveCount(2);
  await expect(delays.first()).toContainText(w.byCity.reference);
  await expect(page.getByTestId("stage-contract").filter({ hasText: s.contractStatus.ACTIVE })).toContainText("¥500,000.00");
  // The shortfalls card renders its empty state until the contracts feature's query is wired.
  await expect(page.getByTestId("shortfalls")).toBeVisible();
  await expect(page.getByTestId("fund-line").filter({ hasText: w.line.name })).toContainText("¥1,000,000.00");
  const byType = page.getByTestId("by-type");
  await byType.getByText(s.showTable).click();
  await expect(byType.getByRole("row", { name: new RegExp(s.type.ELDER_CARE) })).toContainText("¥300,000.00");
  await expectNoA11yViolations(page, { widths: [390] });

  // The department: its own contract, not the city's.
  const deptCtx = await browser.newContext({ baseURL });
  await login(deptCtx, "dept@demo.local");
  const dept = await deptCtx.newPage();
  await dept.goto("/dashboard/services");
  await expect(dept.getByText("示例市教育局").first()).toBeVisible();
  await expect(dept.getByTestId("delays")).toContainText(w.byBureau.reference);
  await expect(dept.getByTestId("delays")).not.toContainText(w.byCity.reference);
  const byDept = dept.getByTestId("by-department");
  await byDept.getByText(s.showTable).click();
  await expect(byDept.getByRole("row", { name: new RegExp(s.cityItself) })).toHaveCount(0);
  await deptCtx.close();

  // The city: both, and at least the district's value.
  const cityCtx = await browser.newContext({ baseURL });
  await login(cityCtx, "city@demo.local");
  const city = await cityCtx.newPage();
  await city.goto("/dashboard/services");
  await expect(city.getByTestId("delays")).toContainText(w.byBureau.reference);
  await expect(city.getByTestId("delays")).toContainText(w.byCity.reference);
  const byDistrict = city.getByTestId("by-district");
  await byDistrict.getByText(s.showTable).click();
  await expect(byDistrict.getByRole("row", { name: new RegExp(w.district.name) })).toContainText("¥500,000.00");
  await expectNoA11yViolations(city);
  await cityCtx.close();
});

test("an agency administrator and a practitioner cannot open the dashboard, the fund or its export", async ({ page, login }) => {
  for (const email of ["agency@demo.local", "worker@demo.local"]) {
    await login(page, email);
    const res = await page.goto("/dashboard/services");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-value")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
    expect([403, 404]).toContain((await page.goto(`/funds/${w.fund.id}`))?.status());
    await expect(page.getByTestId("contribution-form")).toHaveCount(0);
    expect((await page.request.get(`/api/funds/${w.fund.id}/export`)).status()).toBe(403);
  }
});
