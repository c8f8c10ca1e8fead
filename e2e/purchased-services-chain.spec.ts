import { test, expect, type Locator, type Page } from "./fixtures";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhCalls from "../messages/zh-Hans/serviceCalls.json" with { type: "json" };
import zhScoring from "../messages/zh-Hans/scoring.json" with { type: "json" };
import zhContracts from "../messages/zh-Hans/contracts.json" with { type: "json" };
import zhStaff from "../messages/zh-Hans/staff.json" with { type: "json" };

// Issue 13, "Done when": the whole purchased-services chain across roles, in one browser test.
// A department officer publishes a call through the pages; two agencies propose, each
// administrator in their own browser context; the administrator of a blacklisted agency is
// refused with the eligibility lines shown and nothing written. The deadline passes (one direct
// update of the call's deadline: the clock moves) and the officer closes the call. The panel (the
// officer and an external expert) declares and scores; the city selects with a reason; the officer
// creates the contract with two milestones. The agency reports the first milestone with a file;
// the department accepts it; the department pays ¥60,000 (at or below the ¥100,000 threshold:
// paid at once) and a city administrator asks for ¥120,000 (above it: waits), which a second city
// administrator approves. A named social worker leaves the agency (the agency administrator
// records it on the practitioner's page) and the staffing shortfall shows at once on the contract
// page and on the purchased-services dashboard. The department's dashboard and the fund page's
// promised/paid figures, read before and after, change by exactly the expected fen.
//
// Everything the figures count is this spec's own: a new district, a new commissioning department
// (the dashboard's department scope holds only this call and contract), new agencies, a new fund
// of this year with its own purchased-services line.

const sc = zhCalls;
const s = zhScoring;
const c = zhContracts;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The city's wall clock (UTC+8) `days` from now, as an ISO string without zone. */
const cityNow = (days: number) => new Date(Date.now() + days * DAY + 8 * HOUR).toISOString();
const isoIn = (days: number) => cityNow(days).slice(0, 10);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

const VALUE_FEN = 28_000_000n; // the contract: ¥280,000
const AT_ONCE_FEN = 6_000_000n; // ¥60,000 ≤ the ¥100,000 threshold: paid at once
const SECOND_FEN = 12_000_000n; // ¥120,000 > the threshold: waits for a second city administrator
const LINE_FEN = 100_000_000n; // the line: ¥1,000,000

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `purchased-services-chain-${tag}`, async (tx) => {
    const year = Number(isoIn(0).slice(0, 4));
    const district = await newDistrict(tx, `链条${tag}区`);
    const department = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `链条${tag}民政局`);
    const first = await newOrg(tx, "AGENCY", district.id, `链条甲${tag}社会工作服务中心`);
    const second = await newOrg(tx, "AGENCY", district.id, `链条乙${tag}社会工作服务中心`);
    const barred = await newOrg(tx, "AGENCY", district.id, `链条丙${tag}社会工作服务中心`);
    await tx.integrityRecord.create({ data: { organizationId: barred.id, kind: "BLACKLIST", occurredOn: new Date(`${isoIn(-30)}T00:00:00Z`), source: "示例市民政局", description: "列入严重失信名单" } });
    const staff = {
      leaver: await newCountedPractitioner(tx, first.id, `甲社工一${tag}`),
      stayer: await newCountedPractitioner(tx, first.id, `甲社工二${tag}`),
      b1: await newCountedPractitioner(tx, second.id, `乙社工一${tag}`),
      b2: await newCountedPractitioner(tx, second.id, `乙社工二${tag}`),
      c1: await newCountedPractitioner(tx, barred.id, `丙社工一${tag}`),
      c2: await newCountedPractitioner(tx, barred.id, `丙社工二${tag}`),
    };
    const fund = await tx.fund.create({ data: { year, name: `链条专项${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `链条购买服务${tag}`, amountFen: LINE_FEN } });
    return {
      tag,
      district,
      department,
      first,
      second,
      barred,
      staff,
      fund,
      line,
      users: {
        officer: await newUser(tx, "DEPARTMENT_OFFICER", `链条干事${tag}`, { organizationId: department.id }),
        expert: await newUser(tx, "EXPERT", `链条专家${tag}`),
        first: await newUser(tx, "AGENCY_ADMIN", `甲管理员${tag}`, { organizationId: first.id }),
        second: await newUser(tx, "AGENCY_ADMIN", `乙管理员${tag}`, { organizationId: second.id }),
        barred: await newUser(tx, "AGENCY_ADMIN", `丙管理员${tag}`, { organizationId: barred.id }),
        city: await newUser(tx, "CITY_ADMIN", `链条市管理员${tag}`),
        city2: await newUser(tx, "CITY_ADMIN", `链条复核员${tag}`),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** "¥280,000.00" → 28000000n (fen). */
const fen = (text: string) => {
  const digits = text.replace(/[^0-9]/g, "");
  expect(digits, `an amount of money: "${text}"`).not.toBe("");
  return BigInt(digits);
};
const cells = async (row: Locator) => (await row.locator("th, td").allInnerTexts()).map((x) => x.trim());
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim();

/** The department officer's purchased-services dashboard: the figures this spec changes. */
async function dashboardFigures(page: Page) {
  await page.goto("/dashboard/services");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const active = await cells(page.locator('[data-testid="stage-contract"][data-status="ACTIVE"]'));
  const line = await cells(page.getByTestId("fund-line").filter({ hasText: w.line.name }));
  const calls = async (status: string) => Number((await cells(page.locator(`[data-testid="stage-call"][data-status="${status}"]`)))[1]);
  return {
    value: fen(await text(page, "kpi-value")),
    paid: fen(await text(page, "kpi-paid")),
    nonGovernmental: await text(page, "kpi-non-governmental"),
    delays: Number(await text(page, "kpi-delays")),
    activeContracts: Number(active[1]),
    activeValue: fen(active[2]!),
    activePaid: fen(active[3]!),
    callsOpen: await calls("OPEN"),
    callsSelected: await calls("SELECTED"),
    shortfalls: Number(await page.getByTestId("shortfalls").getAttribute("data-count")),
    // The fund's line as the dashboard lists it: budget, promised, paid, remaining.
    line: { budget: fen(line[2]!), promised: fen(line[3]!), paid: fen(line[4]!), remaining: fen(line[5]!) },
  };
}

/** The fund page's row of this spec's line: budget, promised (已承诺), paid (已支付), available. */
async function fundLine(page: Page) {
  await page.goto(`/funds/${w.fund.id}`);
  const row = await cells(page.locator(`[data-testid="budget-line"][data-line-id="${w.line.id}"]`));
  return { budget: fen(row[2]!), promised: fen(row[3]!), paid: fen(row[4]!), available: fen(row[5]!) };
}

const milestone = (page: Page, n: number) => page.locator(`[data-testid="milestone"][data-number="${n}"]`);

test("the chain: a department's call, proposals, eligibility, panel, selection, contract, report, acceptance, payments, a shortfall, and the figures", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  // One walk through eight people's pages (about 45 s alone on this machine): room for a loaded one.
  test.setTimeout(300_000);
  const title = `社区长者关爱服务${w.tag}`;
  const threshold = (await db.planTarget.findUniqueOrThrow({ where: { id: "city" }, select: { disbursementApprovalFen: true } })).disbursementApprovalFen;
  expect(threshold, "the city's second-approval threshold this spec's payments straddle").toBe(10_000_000n);
  expect(AT_ONCE_FEN <= threshold && SECOND_FEN > threshold).toBe(true);

  const open = async (who: { id: string }) => {
    const ctx = await browser.newContext({ baseURL });
    await login(ctx, who);
    return { ctx, page: await ctx.newPage() };
  };
  // `page` is the department officer's browser throughout.
  await login(page, w.users.officer);
  const city = await open(w.users.city);

  const dashBefore = await dashboardFigures(page);
  const fundBefore = await fundLine(city.page);
  await expect(city.page.getByTestId("fund-breakdown-none")).toBeVisible();

  let callId = "";
  let reference = "";
  await test.step("the department officer drafts and publishes a call, its money on the spec's own line", async () => {
    await page.goto("/service-calls/new");
    const form = page.getByTestId("call-form");
    await form.getByLabel(sc.fields.title).fill(title);
    await form.getByLabel(sc.fields.description).fill("为辖区独居、高龄长者提供探访、个案和社区支持服务。");
    await form.getByLabel(sc.fields.type).selectOption("COMMUNITY");
    await form.getByLabel(sc.fields.practiceField).selectOption("CIVIL_AFFAIRS");
    await form.getByLabel(sc.fields.region).selectOption({ label: w.district.name });
    await form.getByLabel(sc.fields.termStart).fill(isoIn(5));
    await form.getByLabel(sc.fields.termEnd).fill(isoIn(370));
    await form.getByLabel(sc.fields.deadline).fill(cityNow(2).slice(0, 16));
    await form.getByLabel(sc.fields.budget).fill("300000");
    await form.getByLabel(sc.fields.budgetLine).selectOption({ label: `${w.fund.year} · ${w.fund.name} · ${w.line.name}` });
    await form.getByLabel(sc.fields.minQualifiedStaff).fill("2");
    await form.getByLabel(sc.fields.minQualifiedPercent).fill("100");
    await form.getByLabel(sc.form.criterionName.replace("{n}", "1"), { exact: true }).fill("服务方案");
    await form.getByLabel(sc.form.criterionWeight).first().fill("60");
    await form.getByLabel(sc.form.criterionMax).first().fill("100");
    await form.getByRole("button", { name: sc.form.addCriterion }).click();
    await form.getByLabel(sc.form.criterionName.replace("{n}", "2"), { exact: true }).fill("团队能力");
    await form.getByLabel(sc.form.criterionWeight).nth(1).fill("40");
    await form.getByLabel(sc.form.criterionMax).nth(1).fill("50");
    await expect(form.getByTestId("weights-total")).toHaveText(sc.form.weightsTotal.replace("{total}", "100"));
    await form.getByRole("button", { name: sc.form.create }).click();
    await expect(page).toHaveURL(/\/service-calls\/[^/?]+\?created=1/);
    callId = new URL(page.url()).pathname.split("/").pop()!;
    const stored = await db.serviceCall.findUniqueOrThrow({ where: { id: callId } });
    expect(stored).toMatchObject({ status: "DRAFT", departmentId: w.department.id, regionId: w.district.id, budgetFen: 30_000_000n, budgetLineId: w.line.id, minQualifiedStaff: 2, minQualifiedPercent: 100 });
    reference = stored.reference;
    await page.getByTestId("call-manage").getByRole("button", { name: sc.manage.publish, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: sc.manage.publish, exact: true }).click();
    await expect(page.getByText(sc.notices.published)).toBeVisible();
    expect((await db.serviceCall.findUniqueOrThrow({ where: { id: callId } })).status).toBe("OPEN");
  });

  await test.step("two agencies propose, each administrator in their own browser", async () => {
    const propose = async (who: { id: string }, staff: { name: string }[], amount: string, narrative: string) => {
      const { ctx, page: p } = await open(who);
      await p.goto(`/service-calls?q=${encodeURIComponent(w.tag)}`);
      await p.getByTestId("call-row").filter({ hasText: title }).getByRole("link").first().click();
      await expect(p).toHaveURL(new RegExp(`/service-calls/${callId}$`));
      await p.getByTestId("propose-link").click();
      const pf = p.getByTestId("proposal-form");
      await pf.getByLabel(sc.propose.narrative).fill(narrative);
      await pf.getByLabel(sc.propose.item.replace("{n}", "1"), { exact: true }).fill("人员及活动经费");
      await pf.getByLabel(sc.propose.amount).first().fill(amount);
      for (const person of staff) await pf.getByLabel(person.name).check();
      await expect(p.getByTestId("live-eligibility").getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
      await pf.getByRole("button", { name: sc.propose.submit }).click();
      await expect(p).toHaveURL(new RegExp(`/service-calls/${callId}\\?submitted=1`));
      await expect(p.getByText(sc.notices.submitted)).toBeVisible();
      return { ctx, page: p };
    };
    const a = await propose(w.users.first, [w.staff.leaver, w.staff.stayer], "280000", "组建两人专业团队，开展探访、个案和社区活动。");
    await expect(a.page.getByTestId("own-proposal")).toContainText("¥280,000.00");
    await expectNoA11yViolations(a.page);
    await a.ctx.close();
    const b = await propose(w.users.second, [w.staff.b1, w.staff.b2], "260000", "依托社区服务站开展长者关爱。");
    await b.ctx.close();
    const stored = await db.proposal.findMany({ where: { callId }, select: { organizationId: true, status: true, totalFen: true } });
    expect(stored.map((p) => [p.organizationId, p.status, p.totalFen]).sort()).toEqual(
      [
        [w.first.id, "SUBMITTED", 28_000_000n],
        [w.second.id, "SUBMITTED", 26_000_000n],
      ].sort(),
    );
  });

  await test.step("the blacklisted agency's administrator is refused with the eligibility lines, nothing written", async () => {
    const { ctx, page: p } = await open(w.users.barred);
    await p.goto(`/service-calls/${callId}/propose`);
    const pf = p.getByTestId("proposal-form");
    await pf.getByLabel(sc.propose.narrative).fill("方案");
    await pf.getByLabel(sc.propose.item.replace("{n}", "1"), { exact: true }).fill("人员经费");
    await pf.getByLabel(sc.propose.amount).first().fill("200000");
    await pf.getByLabel(w.staff.c1.name).check();
    await pf.getByLabel(w.staff.c2.name).check();
    await pf.getByRole("button", { name: sc.propose.submit }).click();
    const refused = p.getByTestId("proposal-refused");
    await expect(refused).toContainText(sc.propose.refused);
    await expect(refused.getByTestId("eligibility-notBlacklisted")).toHaveAttribute("data-ok", "0");
    await expect(refused.getByTestId("eligibility-notBlacklisted")).toContainText(sc.eligibility.lines.notBlacklisted);
    // Only the blacklist fails: the staff would have done.
    await expect(refused.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
    expect(await db.proposal.count({ where: { organizationId: w.barred.id } })).toBe(0);
    expect(await db.proposal.count({ where: { callId } })).toBe(2);
    await ctx.close();
  });

  await test.step("the officer seats the panel; the deadline passes and the officer closes the call", async () => {
    await page.goto(`/service-calls/${callId}/panel`);
    const add = page.getByTestId("add-panel-member");
    for (const who of [w.users.officer, w.users.expert]) {
      await add.getByLabel(s.panel.person).selectOption({ label: `${who.name} · ${who.email}` });
      await add.getByRole("button", { name: s.panel.add }).click();
      await expect(page.getByTestId(`panel-member-${who.email}`)).toBeVisible();
    }
    expect((await db.panelMember.findMany({ where: { callId }, select: { userId: true, kind: true } })).map((m) => [m.userId, m.kind]).sort()).toEqual(
      [
        [w.users.officer.id, "OFFICIAL"],
        [w.users.expert.id, "EXPERT"],
      ].sort(),
    );

    // The clock moves: a browser test cannot wait two days for the deadline, so the call's
    // deadline is moved a minute into the past (the only direct write in this test).
    await db.serviceCall.update({ where: { id: callId }, data: { deadline: new Date(Date.now() - 60_000) } });

    await page.goto(`/service-calls/${callId}`);
    await page.getByTestId("call-manage").getByRole("button", { name: sc.manage.close, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: sc.manage.closeConfirm, exact: true }).click();
    await expect(page.getByText(sc.notices.closed.replace("{proposals}", "2").replace("{ineligible}", "0"))).toBeVisible();
    expect((await db.serviceCall.findUniqueOrThrow({ where: { id: callId } })).status).toBe("CLOSED");
  });

  // Criteria: 服务方案 weight 60 out of 100, 团队能力 weight 40 out of 50.
  const scoreAs = async (p: Page, sheets: [agency: string, plan: string, team: string, total: string][]) => {
    const declare = p.getByTestId("declare-form");
    await expect(declare.getByText(w.first.name)).toBeVisible();
    await expect(declare.getByText(w.second.name)).toBeVisible();
    await declare.getByLabel(s.declare.none).check();
    await declare.getByRole("button", { name: s.declare.submit }).click();
    await expect(p.getByText(s.score.declared)).toBeVisible();
    for (const [agency, plan, team, total] of sheets) {
      const card = p.locator(`[data-agency="${agency}"]`);
      await card.getByLabel(s.score.scoreLabel.replace("{name}", "服务方案").replace("{max}", "100")).fill(plan);
      await card.getByLabel(s.score.scoreLabel.replace("{name}", "团队能力").replace("{max}", "50")).fill(team);
      await card.getByRole("button", { name: s.score.save }).click();
      await expect(card.getByText(s.score.yourTotal.replace("{points}", total))).toBeVisible();
    }
  };

  await test.step("the panel declares and scores: the expert from her list, the officer from the call", async () => {
    const expert = await open(w.users.expert);
    await expert.page.goto("/scoring");
    await expert.page.getByTestId(`scoring-call-${reference}`).getByRole("link", { name: s.declareAction }).click();
    await expect(expert.page).toHaveURL(new RegExp(`/service-calls/${callId}/score$`));
    // 80/100×60 + 45/50×40 = 48 + 36 = 84; 75/100×60 + 35/50×40 = 45 + 28 = 73.
    await scoreAs(expert.page, [
      [w.first.name, "80", "45", "84.00"],
      [w.second.name, "75", "35", "73.00"],
    ]);
    await expectNoA11yViolations(expert.page);
    await expert.ctx.close();

    await page.goto(`/service-calls/${callId}/score`);
    // 90/100×60 + 40/50×40 = 54 + 32 = 86; 70/100×60 + 30/50×40 = 42 + 24 = 66.
    await scoreAs(page, [
      [w.first.name, "90", "40", "86.00"],
      [w.second.name, "70", "30", "66.00"],
    ]);
    expect(await db.score.count({ where: { proposal: { callId } } })).toBe(8);
  });

  await test.step("the city selects the first agency with a reason (ranking: the mean of the two sheets)", async () => {
    await city.page.goto(`/service-calls/${callId}/select`);
    const ranking = city.page.getByRole("table", { name: s.section.ranking });
    // (84 + 86) / 2 = 85.00; (73 + 66) / 2 = 69.50.
    await expect(ranking.getByRole("row").nth(1)).toContainText(w.first.name);
    await expect(ranking.getByRole("row").nth(1)).toContainText("85.00");
    await expect(ranking.getByRole("row").nth(2)).toContainText(w.second.name);
    await expect(ranking.getByRole("row").nth(2)).toContainText("69.50");
    const form = city.page.getByTestId("select-form");
    await form.getByLabel(new RegExp(w.first.name)).check();
    await form.getByLabel(s.select.reason).fill("综合得分最高，团队稳定，方案贴合社区长者需求");
    await form.getByRole("button", { name: s.select.submit }).click();
    await expect(city.page.getByText(s.select.done)).toBeVisible();
    const call = await db.serviceCall.findUniqueOrThrow({ where: { id: callId }, select: { status: true, selectionReason: true, proposals: { select: { organizationId: true, status: true } } } });
    expect(call.status).toBe("SELECTED");
    expect(call.selectionReason).toBe("综合得分最高，团队稳定，方案贴合社区长者需求");
    expect(Object.fromEntries(call.proposals.map((p) => [p.organizationId, p.status]))).toEqual({ [w.first.id]: "SELECTED", [w.second.id]: "NOT_SELECTED" });
  });

  let contractId = "";
  let contractRef = "";
  await test.step("the officer creates the contract with two milestones; the line's promised money rises by exactly its value", async () => {
    await page.goto(`/service-calls/${callId}`);
    await page.getByRole("link", { name: s.section.createContract }).click();
    await expect(page).toHaveURL(new RegExp(`/service-calls/${callId}/contract$`));
    const form = page.getByTestId("contract-form");
    await form.getByLabel(s.contract.value).fill("280000");
    // The term starts today, so the named staff are on the contract today (the live staffing check counts them).
    await form.getByLabel(s.contract.termStart).fill(isoIn(0));
    await form.getByLabel(s.contract.termEnd).fill(isoIn(364));
    const row = (i: number) => form.getByRole("listitem", { name: s.contract.milestone.replace("{number}", String(i)) });
    await row(1).getByLabel(s.contract.mTitle).fill("需求评估与服务启动");
    await row(1).getByLabel(s.contract.mDeliverable).fill("长者需求评估报告");
    await row(1).getByLabel(s.contract.mDue).fill(isoIn(30));
    await row(1).getByLabel(s.contract.mAmount).fill("180000");
    await form.getByRole("button", { name: s.contract.addMilestone }).click();
    await row(2).getByLabel(s.contract.mTitle).fill("结项");
    await row(2).getByLabel(s.contract.mDeliverable).fill("结项报告");
    await row(2).getByLabel(s.contract.mDue).fill(isoIn(300));
    await row(2).getByLabel(s.contract.mAmount).fill("100000");
    await form.getByRole("button", { name: s.contract.submit }).click();
    await expect(page.getByText(s.contract.created)).toBeVisible();
    const created = await db.contract.findUniqueOrThrow({ where: { callId }, select: { id: true, reference: true, valueFen: true, organizationId: true, budgetLineId: true, milestones: { orderBy: { number: "asc" }, select: { amountFen: true } }, staff: { select: { practitionerId: true } } } });
    expect(created).toMatchObject({ valueFen: VALUE_FEN, organizationId: w.first.id, budgetLineId: w.line.id });
    expect(created.milestones.map((m) => m.amountFen)).toEqual([18_000_000n, 10_000_000n]);
    expect(created.staff.map((x) => x.practitionerId).sort()).toEqual([w.staff.leaver.id, w.staff.stayer.id].sort());
    contractId = created.id;
    contractRef = created.reference;
    await expect(page.getByTestId("contract-reference")).toContainText(contractRef);

    const fund = await fundLine(city.page);
    expect(fund.promised - fundBefore.promised).toBe(VALUE_FEN);
    expect(fund.paid - fundBefore.paid).toBe(0n);
    expect(fundBefore.available - fund.available).toBe(VALUE_FEN);

    // The public page lists the call with its agency and value.
    const pub = await browser.newContext({ baseURL });
    const pp = await pub.newPage();
    await pp.goto("/public/calls");
    const listed = pp.locator(`[data-testid="public-selected"][data-reference="${reference}"]`);
    await expect(listed).toContainText(w.first.name);
    await expect(listed).toContainText("¥280,000.00");
    await pub.close();
  });

  const url = () => `/contracts/${contractId}`;
  const agency = await open(w.users.first);
  await test.step("the agency reports the first milestone with a file", async () => {
    await agency.page.goto("/contracts");
    await expect(agency.page.getByTestId("contract-row")).toHaveCount(1);
    await agency.page.getByRole("link", { name: contractRef }).click();
    await expect(agency.page).toHaveURL(new RegExp(`${url()}$`));
    await expect(agency.page.getByText(c.detail.staffingMet)).toBeVisible();
    const report = milestone(agency.page, 1).getByTestId("report-form");
    await report.getByLabel(c.detail.reportNote).fill("完成 86 户长者需求评估，服务已启动。");
    await report.locator('input[type="file"]').setInputFiles({ name: "需求评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
    await report.getByRole("button", { name: c.detail.submitReport }).click();
    await expect(agency.page.getByText(c.detail.reported)).toBeVisible();
    const m = await db.milestone.findFirstOrThrow({ where: { contractId, number: 1 }, select: { status: true, reportFileKey: true } });
    expect(m.status).toBe("REPORTED");
    expect(m.reportFileKey).toBeTruthy();
  });

  await test.step("the department opens the file and accepts the milestone; it pays ¥60,000 at once", async () => {
    await page.goto(url());
    const m1 = milestone(page, 1);
    await expect(m1.getByText("完成 86 户长者需求评估，服务已启动。")).toBeVisible();
    const href = await m1.getByRole("link", { name: c.detail.openReportFile }).getAttribute("href");
    expect((await page.request.get(href!)).status()).toBe(200);
    await m1.getByRole("button", { name: c.detail.accept }).click();
    await expect(page.getByText(c.detail.decided)).toBeVisible();
    await page.reload();
    await expect(milestone(page, 1)).toHaveAttribute("data-status", "ACCEPTED");
    await expectNoA11yViolations(page);

    const pay = milestone(page, 1).getByTestId("request-payment-form");
    await pay.getByLabel(c.detail.paymentAmount).fill("60000");
    await pay.getByRole("button", { name: c.detail.requestSubmit }).click();
    await expect(page.getByText(c.detail.paidNow)).toBeVisible();
    await page.reload();
    await expect(milestone(page, 1).getByTestId("payment")).toHaveAttribute("data-status", "PAID");
    await expect(page.getByTestId("contract-paid")).toHaveText("¥60,000.00");
  });

  await test.step("a city administrator asks for ¥120,000 (above the threshold: it waits); a second one approves it", async () => {
    await city.page.goto(url());
    const pay = milestone(city.page, 1).getByTestId("request-payment-form");
    await pay.getByLabel(c.detail.paymentAmount).fill("120000");
    await pay.getByRole("button", { name: c.detail.requestSubmit }).click();
    await expect(city.page.getByText(c.detail.waitingNow)).toBeVisible();
    await city.page.reload();
    const waiting = milestone(city.page, 1).locator('[data-testid="payment"][data-status="REQUESTED"]');
    await expect(waiting).toContainText("¥120,000.00");
    await expect(waiting.getByText(c.detail.ownRequest)).toBeVisible();
    await expect(waiting.getByRole("button", { name: c.detail.approve })).toHaveCount(0);
    expect((await fundLine(city.page)).paid - fundBefore.paid).toBe(AT_ONCE_FEN);

    const second = await open(w.users.city2);
    await second.page.goto(url());
    await milestone(second.page, 1).locator('[data-testid="payment"][data-status="REQUESTED"]').getByRole("button", { name: c.detail.approve }).click();
    await expect(second.page.getByText(c.detail.decided)).toBeVisible();
    await second.page.reload();
    await expect(milestone(second.page, 1).locator('[data-testid="payment"][data-status="PAID"]')).toHaveCount(2);
    await expect(second.page.getByTestId("contract-paid")).toHaveText("¥180,000.00");
    await second.ctx.close();
    const paid = await db.disbursement.findMany({ where: { milestone: { contractId } }, select: { amountFen: true, status: true, requestedById: true, approvedById: true }, orderBy: { amountFen: "asc" } });
    expect(paid).toEqual([
      { amountFen: AT_ONCE_FEN, status: "PAID", requestedById: w.users.officer.id, approvedById: null },
      { amountFen: SECOND_FEN, status: "PAID", requestedById: w.users.city.id, approvedById: w.users.city2.id },
    ]);
  });

  await test.step("a named social worker leaves the agency: the shortfall shows at once on the contract page", async () => {
    await agency.page.goto(`/practitioners/${w.staff.leaver.id}`);
    const form = agency.page.getByTestId("transfer-form");
    await form.getByLabel(zhStaff.transfer.kinds.LEFT).check();
    await form.getByLabel(zhStaff.transfer.date).fill(isoIn(0));
    await form.getByRole("button", { name: zhStaff.transfer.submit }).click();
    await agency.page.getByRole("dialog", { name: zhStaff.transfer.confirmTitle }).getByRole("button", { name: zhStaff.transfer.confirm }).click();
    await expect(agency.page).toHaveURL(/\/practitioners\/former\?recorded=1/, { timeout: 30_000 });
    for (const p of [agency.page, page]) {
      await p.goto(url());
      const alert = p.getByTestId("shortfall");
      await expect(alert).toContainText(w.staff.leaver.name);
      await expect(alert).toContainText(c.reasons.LEFT_AGENCY);
      await expect(alert).not.toContainText(w.staff.stayer.name);
      await expect(p.getByTestId("contract-status")).toContainText(c.shortfallBadge);
    }
    await agency.ctx.close();
  });

  await test.step("the department's dashboard and the fund page changed by exactly the chain's amounts", async () => {
    const after = await dashboardFigures(page);
    const row = page.getByTestId("shortfall").filter({ hasText: contractRef });
    await expect(row).toContainText(w.first.name);
    await expect(row).toContainText(w.staff.leaver.name);
    await expect(row).toContainText(c.reasons.LEFT_AGENCY);
    await expectNoA11yViolations(page);
    expect({
      value: after.value - dashBefore.value,
      paid: after.paid - dashBefore.paid,
      activeContracts: after.activeContracts - dashBefore.activeContracts,
      activeValue: after.activeValue - dashBefore.activeValue,
      activePaid: after.activePaid - dashBefore.activePaid,
      callsOpen: after.callsOpen - dashBefore.callsOpen,
      callsSelected: after.callsSelected - dashBefore.callsSelected,
      delays: after.delays - dashBefore.delays,
      shortfalls: after.shortfalls - dashBefore.shortfalls,
      line: {
        budget: after.line.budget - dashBefore.line.budget,
        promised: after.line.promised - dashBefore.line.promised,
        paid: after.line.paid - dashBefore.line.paid,
        remaining: after.line.remaining - dashBefore.line.remaining,
      },
    }).toEqual({
      value: VALUE_FEN,
      paid: AT_ONCE_FEN + SECOND_FEN,
      activeContracts: 1,
      activeValue: VALUE_FEN,
      activePaid: AT_ONCE_FEN + SECOND_FEN,
      callsOpen: 0,
      callsSelected: 1,
      delays: 0,
      shortfalls: 1,
      // Promised = not yet paid: the value less what was paid.
      line: { budget: 0n, promised: VALUE_FEN - AT_ONCE_FEN - SECOND_FEN, paid: AT_ONCE_FEN + SECOND_FEN, remaining: -VALUE_FEN },
    });
    // The department's scope holds only this spec's contract: all of it with a non-governmental agency.
    expect(after.nonGovernmental).toBe("100%");

    const fund = await fundLine(city.page);
    expect({ promised: fund.promised - fundBefore.promised, paid: fund.paid - fundBefore.paid, available: fund.available - fundBefore.available, budget: fund.budget - fundBefore.budget }).toEqual({
      promised: VALUE_FEN - AT_ONCE_FEN - SECOND_FEN,
      paid: AT_ONCE_FEN + SECOND_FEN,
      available: -VALUE_FEN,
      budget: 0n,
    });
    // The fund's breakdown by district: the spec's district, one contract, its value and what was paid.
    expect(await cells(city.page.getByTestId("fund-by-district-row").filter({ hasText: w.district.name }))).toEqual([w.district.name, "1", "¥280,000.00", "¥180,000.00"]);
    await expectNoA11yViolations(city.page);
    await city.ctx.close();
  });
});
