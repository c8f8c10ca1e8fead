import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { commitEntry, insertContract } from "../src/server/seed/demo-contracts";
import zhContracts from "../messages/zh-Hans/contracts.json" with { type: "json" };
import zhStaff from "../messages/zh-Hans/staff.json" with { type: "json" };

// Issue 13, part C, end to end: an agency reports a milestone with its file; the commissioning
// department accepts it; the city asks for a payment above the second-approval threshold, which the
// same official cannot approve and a second city administrator does; the fund's paid amount rises
// by exactly that. A named social worker leaves the agency and the staffing shortfall shows at once
// to the agency and the department. Another agency and a practitioner see none of it. axe on each page.

const c = zhContracts;
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const dayIn = (n: number) => new Date(cityToday().getTime() + n * DAY);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `contracts-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `合同${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `合同${tag}社会工作服务中心`);
    const other = await newOrg(tx, "AGENCY", district.id, `别家${tag}社会工作服务中心`);
    const department = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `合同${tag}教育局`);
    const leaver = await newCountedPractitioner(tx, agency.id, `离职${tag}`, {}, { registrationEnd: "2031-05-31" });
    const stayer = await newCountedPractitioner(tx, agency.id, `在职${tag}`, {}, { registrationEnd: "2031-05-31" });
    const fund = await tx.fund.create({ data: { year: cityToday().getUTCFullYear(), name: `购买服务${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `购买服务${tag}`, amountFen: 100_000_000n } });
    const n = String(Math.floor(Math.random() * 90_000) + 10_000);
    const contract = await insertContract(
      tx,
      {
        reference: `HT-2099-${n}`,
        callReference: `FW-2099-${n}`,
        title: `校园社工${tag}`,
        type: "COMMUNITY",
        practiceField: "SCHOOLS",
        regionId: district.id,
        regionPath: district.path,
        departmentId: department.id,
        organizationId: agency.id,
        budgetLineId: line.id,
        valueFen: 40_000_000n,
        termStart: dayIn(-60),
        termEnd: dayIn(300),
        minQualifiedStaff: 2,
        minQualifiedPercent: 100,
        staff: [leaver.id, stayer.id],
        milestones: [
          { title: "需求评估", deliverable: "评估报告", dueDate: dayIn(5), amountFen: 30_000_000n, status: "PENDING" },
          { title: "结项", deliverable: "结项报告", dueDate: dayIn(290), amountFen: 10_000_000n, status: "PENDING" },
        ],
        actorId: null,
      },
      (id) => commitEntry(tx, line.id, id, 40_000_000n, "e2e"),
    );
    const practitionerUser = await newUser(tx, "PRACTITIONER", stayer.name, { practitionerId: stayer.id });
    return {
      tag,
      agency,
      leaver,
      fund,
      line,
      contract,
      users: {
        agency: await newUser(tx, "AGENCY_ADMIN", `机构${tag}`, { organizationId: agency.id }),
        other: await newUser(tx, "AGENCY_ADMIN", `别家${tag}`, { organizationId: other.id }),
        dept: await newUser(tx, "DEPARTMENT_OFFICER", `部门${tag}`, { organizationId: department.id }),
        city2: await newUser(tx, "CITY_ADMIN", `复核${tag}`),
        practitioner: practitionerUser,
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const spentOn = async (db: TDb, lineId: string) => (await db.fundEntry.aggregate({ where: { lineId, kind: "SPENDING" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
const milestone = (page: Page, n: number) => page.locator(`[data-testid="milestone"][data-number="${n}"]`);

test("report, acceptance, a payment with second approval, and a shortfall shown at once; others see nothing", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.slow();
  const url = `/contracts/${w.contract.id}`;

  // The agency finds its contract in its list and reports the first milestone with a file.
  await login(page, w.users.agency);
  await page.goto("/contracts");
  await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
  await expect(page.getByTestId("contract-row")).toHaveCount(1);
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: `HT-2099-` , exact: false }).first().click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByText(c.detail.staffingMet)).toBeVisible();
  const report = milestone(page, 1).getByTestId("report-form");
  // Without a note: refused in place, nothing written.
  await report.locator('input[type="file"]').setInputFiles({ name: "评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await report.getByRole("button", { name: c.detail.submitReport }).click();
  await expect(report.getByText(c.validation.noteRequired).first()).toBeVisible();
  expect((await db.milestone.findUniqueOrThrow({ where: { id: w.contract.milestones[0]!.id } })).status).toBe("PENDING");
  await report.getByLabel(c.detail.reportNote).fill("完成需求评估，共走访 120 户。");
  await report.locator('input[type="file"]').setInputFiles({ name: "评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await report.getByRole("button", { name: c.detail.submitReport }).click();
  await expect(page.getByText(c.detail.reported)).toBeVisible();
  await page.reload();
  await expect(milestone(page, 1)).toHaveAttribute("data-status", "REPORTED");
  await expectNoA11yViolations(page);
  const fileId = (await db.milestone.findUniqueOrThrow({ where: { id: w.contract.milestones[0]!.id } })).reportFileKey!;

  // The commissioning department opens the report's file and accepts the milestone.
  const deptCtx = await browser.newContext({ baseURL });
  const dept = await deptCtx.newPage();
  await login(deptCtx, w.users.dept);
  expect((await dept.request.get(`/api/files/${fileId}`)).status()).toBe(200);
  await dept.goto(url);
  await expect(milestone(dept, 1).getByText("完成需求评估，共走访 120 户。")).toBeVisible();
  await expectNoA11yViolations(dept);
  await milestone(dept, 1).getByRole("button", { name: c.detail.accept }).click();
  await expect(dept.getByText(c.detail.decided)).toBeVisible();
  await dept.reload();
  await expect(milestone(dept, 1)).toHaveAttribute("data-status", "ACCEPTED");

  // The city asks for ¥150,000, above the ¥100,000 threshold: it waits; the same official cannot approve it.
  const spentBefore = await spentOn(db, w.line.id);
  const cityCtx = await browser.newContext({ baseURL });
  const city = await cityCtx.newPage();
  await login(cityCtx, "city@demo.local");
  await city.goto(url);
  const pay = milestone(city, 1).getByTestId("request-payment-form");
  await pay.getByLabel(c.detail.paymentAmount).fill("300,000.01");
  await pay.getByRole("button", { name: c.detail.requestSubmit }).click();
  await expect(city.getByText(c.errors.beyondMilestone)).toBeVisible();
  expect(await db.disbursement.count({ where: { milestoneId: w.contract.milestones[0]!.id } })).toBe(0);
  await pay.getByLabel(c.detail.paymentAmount).fill("150,000");
  await pay.getByRole("button", { name: c.detail.requestSubmit }).click();
  await expect(city.getByText(c.detail.waitingNow)).toBeVisible();
  await city.reload();
  const waiting = milestone(city, 1).getByTestId("payment");
  await expect(waiting).toHaveAttribute("data-status", "REQUESTED");
  await expect(waiting.getByText(c.detail.ownRequest)).toBeVisible();
  await expect(waiting.getByRole("button", { name: c.detail.approve })).toHaveCount(0);
  expect(await spentOn(db, w.line.id)).toBe(spentBefore);
  await expectNoA11yViolations(city);

  // A second city administrator approves: paid, and the fund's paid amount rises by exactly ¥150,000.
  const secondCtx = await browser.newContext({ baseURL });
  const second = await secondCtx.newPage();
  await login(secondCtx, w.users.city2);
  await second.goto(url);
  await expectNoA11yViolations(second);
  await milestone(second, 1).getByTestId("payment").getByRole("button", { name: c.detail.approve }).click();
  await expect(second.getByText(c.detail.decided)).toBeVisible();
  await second.reload();
  await expect(milestone(second, 1).getByTestId("payment")).toHaveAttribute("data-status", "PAID");
  await expect(second.getByTestId("contract-paid")).toHaveText("¥150,000.00");
  expect((await spentOn(db, w.line.id)) - spentBefore).toBe(15_000_000n);
  await second.goto(`/funds/${w.fund.id}`);
  await expect(second.getByTestId("budget-line").filter({ hasText: w.line.name })).toContainText("¥150,000.00");

  // A named social worker leaves the agency: the shortfall shows at once to the agency and the department.
  await page.goto(`/practitioners/${w.leaver.id}`);
  const form = page.getByTestId("transfer-form");
  await form.getByLabel(zhStaff.transfer.kinds.LEFT).check();
  await form.getByLabel(zhStaff.transfer.date).fill(cityToday().toISOString().slice(0, 10));
  await form.getByRole("button", { name: zhStaff.transfer.submit }).click();
  await page.getByRole("dialog", { name: zhStaff.transfer.confirmTitle }).getByRole("button", { name: zhStaff.transfer.confirm }).click();
  await expect(page).toHaveURL(/\/practitioners\/former\?recorded=1/, { timeout: 30_000 });
  for (const p of [page, dept]) {
    await p.goto(url);
    const alert = p.getByTestId("shortfall");
    await expect(alert).toContainText(w.leaver.name);
    await expect(alert).toContainText(c.reasons.LEFT_AGENCY);
    await expect(p.getByTestId("contract-status")).toContainText(c.shortfallBadge);
  }
  await expectNoA11yViolations(dept);
  // To make it good the agency would name someone else of its register: it has nobody else, and the page says so.
  await expect(page.getByText(c.detail.noCandidates).first()).toBeVisible();
  await page.goto("/contracts?shortfall=1");
  await expect(page.getByTestId("contract-row")).toHaveCount(1);
  // Both were told, once.
  const told = await db.notification.findMany({ where: { kind: "contractShortfall", href: url }, select: { userId: true } });
  expect(told.map((n) => n.userId).sort()).toEqual([w.users.agency.id, w.users.dept.id].sort());

  // Another agency: not in its list, the page and the file are not found. A practitioner: no contracts at all.
  const otherCtx = await browser.newContext({ baseURL });
  const other = await otherCtx.newPage();
  await login(otherCtx, w.users.other);
  await other.goto("/contracts");
  await expect(other.getByTestId("contract-row")).toHaveCount(0);
  await expect(other.getByText(c.emptyScope)).toBeVisible();
  expect((await other.goto(url))?.status()).toBe(404);
  expect((await other.request.get(`/api/files/${fileId}`)).status()).toBe(404);
  const practitionerCtx = await browser.newContext({ baseURL });
  const practitioner = await practitionerCtx.newPage();
  await login(practitionerCtx, w.users.practitioner);
  expect((await practitioner.goto("/contracts"))?.status()).toBe(403);
  expect((await practitioner.goto(url))?.status()).toBe(403);
  await expect(practitioner.getByRole("link", { name: M.zh.nav.contracts, exact: true })).toHaveCount(0);
  for (const ctx of [deptCtx, cityCtx, secondCtx, otherCtx, practitionerCtx]) await ctx.close();
});
