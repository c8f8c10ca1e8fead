import { test, expect, type Page } from "./fixtures";
import { buildWorld, linkFormerEmployee, newAcceptedMilestones, newContract, newCountedPractitioner, newDistrict, newEvaluationBody, newOpenCall, newOrg, newUser, uniqueTag, unusedPastMonth } from "./world";
import type { TDb } from "./db";
import { addWorkingDays } from "../src/domain/evaluations/rules";
import { todayInCity } from "../src/domain/common/calendar-day";
import { formatIsoDay } from "../src/domain/common/day-format";
import zhEval from "../messages/zh-Hans/evaluations.json" with { type: "json" };
import zhOutcome from "../messages/zh-Hans/evaluationOutcome.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import zhAgencies from "../messages/zh-Hans/agencies.json" with { type: "json" };
import zhCalls from "../messages/zh-Hans/serviceCalls.json" with { type: "json" };
import zhSpot from "../messages/zh-Hans/spotChecks.json" with { type: "json" };

// Issue 14, "Done when", end to end across roles, each person in their own browser context:
// the city assigns a project's final evaluation to a body with four evaluators; the one who left
// the evaluated agency eight months ago is recused automatically; the other three score through
// their sheets (50, 40 and 55 on every criterion: mean 48.33, spread 15.00, 不合格). An evaluator
// publishes the report; the agency's administrator reads it with the appeal window's last day (the
// tenth working day by the city's calendar) and appeals; the city dismisses the appeal with reasons
// → final. Then exactly what the rules say: an EVALUATION_FAILED integrity record on the agency's
// page; the agency's 3A rating unchanged (a project evaluation sets no rating); the agency, eligible
// on the failed-evaluation line of an open call before, is now refused on that line and nothing is
// written. Last, a spot-check draw with a typed seed over a month long past holding seven accepted
// milestones: "draw again with this seed" shows the same sample, and a second draw with the same
// seed and period stores the same milestone ids.

const e = zhEval;
const o = zhOutcome;
const en = zhEnums;
const sc = zhCalls;
const s = zhSpot;
const SHEETS = { a: "50", b: "40", c: "55" } as const; // every criterion: the weighted totals are 50.00, 40.00, 55.00
const REPORT = "项目服务记录缺失较多，服务目标大部分未达成，评估结论为不合格。";
const APPEAL = "评估未采纳我机构补交的服务台账和满意度调查。";
const DISMISSAL = "补交材料与服务期间记录不符，维持原评估结论。";

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `evaluation-chain-${tag}`, async (tx) => {
    // A district of its own, so that counts other specs make of the demo districts hold.
    const dongcheng = await newDistrict(tx, `链评${tag}区`);
    // The evaluated agency holds a 3A rating from an earlier agency grading.
    const ratedOn = new Date("2024-06-01T00:00:00Z");
    const agency = await newOrg(tx, "AGENCY", dongcheng.id, `链评${tag}社会工作服务中心`, { rating: "A3", ratingDate: ratedOn });
    await tx.agencyRating.create({ data: { organizationId: agency.id, rating: "A3", ratedOn, validUntil: new Date("2029-05-31T00:00:00Z"), source: "示例市社会组织评估中心" } });
    const worker = await newCountedPractitioner(tx, agency.id, `链评社工${tag}`);
    const elsewhere = await newOrg(tx, "AGENCY", dongcheng.id, `链评原单位${tag}`);
    const body = await newEvaluationBody(tx, tag, 4);
    // The fourth evaluator worked for the evaluated agency until eight months ago: recused.
    await linkFormerEmployee(tx, body.evaluators[3]!.id, agency.id, elsewhere.id, `链评前员工${tag}`, 8);
    const contract = await newContract(tx, agency.id, tag);
    // The next open call: at least one qualified social worker, rating 2A or better.
    const call = await newOpenCall(tx, tag, { minRating: "A2", minQualifiedStaff: 1, district: dongcheng });
    // Spot checks: seven milestones accepted in a month of their own, long past.
    const period = await unusedPastMonth(tx);
    const spotAgency = await newOrg(tx, "AGENCY", dongcheng.id, `链评抽查${tag}社会工作服务中心`);
    const spot = await newAcceptedMilestones(tx, spotAgency.id, tag, period, 7);
    const admin = await newUser(tx, "AGENCY_ADMIN", `链评管理员${tag}`, { organizationId: agency.id });
    return { tag, agency, worker, body, contract, call, period, spot, admin };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** Fills every criterion of the scorer's sheet with the same score and submits it. */
async function scoreSheet(page: Page, score: string) {
  const form = page.getByTestId("sheet-form");
  const inputs = form.locator('input[name^="score."]');
  await expect(inputs.first()).toBeVisible();
  const n = await inputs.count();
  expect(n, "criteria on the sheet").toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await inputs.nth(i).fill(score);
  await form.getByRole("button", { name: e.sheet.submit }).click();
  await expect(page.getByText(e.sheet.submitted)).toBeVisible();
  await expect(page.getByText(e.sheet.yourTotal.replace("{points}", `${score}.00`))).toBeVisible();
}

/** The "current rating" line of the agency's page. */
const currentRating = (page: Page) => page.getByTestId("agency-summary").getByText(zhAgencies.ratings.current);

test("the evaluation chain: assignment with a recusal, a failing panel, report, appeal dismissed, the flow-ons, and a reproducible spot check", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.setTimeout(360_000);
  const open = async (who: string | { id: string }) => {
    const ctx = await browser.newContext({ baseURL });
    await login(ctx, who);
    return { ctx, page: await ctx.newPage() };
  };
  const bar = (await db.planTarget.findUniqueOrThrow({ where: { id: "city" }, select: { failedEvaluationBarDays: true } })).failedEvaluationBarDays;
  const failedLine = sc.eligibility.lines.noFailedEvaluation.replace("{days}", String(bar));
  const [a, b, c, recused] = w.body.evaluators;
  // `page` is the city's browser throughout.
  await login(page, "city@demo.local");
  const agency = await open(w.admin);

  // ── Before: the rating as it stands, and the agency eligible on the failed-evaluation line ──
  const ratingBefore = await db.organization.findUniqueOrThrow({ where: { id: w.agency.id }, select: { rating: true, ratingDate: true, ratings: { select: { id: true, rating: true, ratedOn: true, validUntil: true }, orderBy: { ratedOn: "asc" } } } });
  expect(ratingBefore.rating).toBe("A3");
  expect(ratingBefore.ratings).toHaveLength(1);
  expect(await db.integrityRecord.count({ where: { organizationId: w.agency.id, kind: "EVALUATION_FAILED" } })).toBe(0);
  await page.goto(`/agencies/${w.agency.id}`);
  await expect(currentRating(page)).toContainText(zhEnums.agencyRatingLevel.A3);
  const ratingTextBefore = (await currentRating(page).innerText()).trim();
  await expect(page.locator("#ratings").getByTestId("agency-rating")).toHaveCount(1);
  await expect(page.locator("#integrity")).not.toContainText(zhEnums.integrityKind.EVALUATION_FAILED);

  await test.step("before the evaluation the agency passes the call's failed-evaluation line", async () => {
    await agency.page.goto(`/service-calls/${w.call.id}/propose`);
    const form = agency.page.getByTestId("proposal-form");
    await form.getByLabel(w.worker.name).check();
    const live = agency.page.getByTestId("live-eligibility");
    await expect(live.getByTestId("eligibility-noFailedEvaluation")).toHaveAttribute("data-ok", "1");
    await expect(live.getByTestId("eligibility-noFailedEvaluation")).toContainText(failedLine);
    await expect(live.getByTestId("eligibility-rating")).toHaveAttribute("data-ok", "1");
    await expect(live.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
  });

  let id = "";
  await test.step("the city assigns the project's final evaluation to the body with four evaluators; one is recused automatically", async () => {
    await page.goto("/evaluations/new");
    const assign = page.getByTestId("assign-form");
    await assign.getByLabel(e.assign.kind).selectOption("PROJECT_FINAL");
    await assign.getByLabel(e.assign.body).selectOption(w.body.id);
    await assign.getByLabel(e.assign.contract).selectOption(w.contract.id);
    for (const u of w.body.evaluators) await assign.getByLabel(u.name).check();
    await assign.getByRole("button", { name: e.assign.submit }).click();
    await expect(page.getByText(e.assign.created)).toBeVisible();
    id = /\/evaluations\/([^/?]+)/.exec(page.url())![1]!;
    await expect(page.getByText(en.evaluationStatus.SCORING).first()).toBeVisible();
    await expect(page.getByTestId(`scorer-${recused!.email}`)).toHaveAttribute("data-state", "recused-EMPLOYMENT");
    for (const u of [a, b, c]) await expect(page.getByTestId(`scorer-${u!.email}`)).toHaveAttribute("data-state", "waiting");
    await expectNoA11yViolations(page);
    const stored = await db.evaluation.findUniqueOrThrow({ where: { id }, select: { kind: true, status: true, bodyId: true, contractId: true, organizationId: true, scorers: { select: { userId: true, recusedAt: true, recusalReason: true } } } });
    expect(stored).toMatchObject({ kind: "PROJECT_FINAL", status: "SCORING", bodyId: w.body.id, contractId: w.contract.id, organizationId: w.agency.id });
    expect(stored.scorers).toHaveLength(4);
    const recusals = Object.fromEntries(stored.scorers.map((x) => [x.userId, x.recusedAt ? x.recusalReason : null]));
    expect(recusals).toEqual({ [a!.id]: null, [b!.id]: null, [c!.id]: null, [recused!.id]: "EMPLOYMENT" });
  });

  await test.step("three evaluators score through their sheets; the recused one has no sheet", async () => {
    const r = await open(recused!);
    await r.page.goto(`/evaluations/${id}`);
    await expect(r.page.getByText(e.sheet.recused)).toBeVisible();
    await expect(r.page.getByTestId("sheet-form")).toHaveCount(0);
    await r.ctx.close();
    for (const [who, score] of [[a!, SHEETS.a], [b!, SHEETS.b], [c!, SHEETS.c]] as const) {
      const scorer = await open(who);
      await scorer.page.goto(`/evaluations/${id}`);
      await scoreSheet(scorer.page, score);
      if (who === a) await expectNoA11yViolations(scorer.page);
      await scorer.ctx.close();
    }
  });

  await test.step("the city sees the mean, the spread and the grade", async () => {
    await page.goto(`/evaluations/${id}`);
    await expect(page.getByTestId("evaluation-outcome")).toHaveAttribute("data-status", "SCORED");
    // (50 + 40 + 55) / 3 = 48.33; 55 − 40 = 15.00; below 60: 不合格.
    await expect(page.getByTestId("outcome-mean")).toContainText("48.33");
    await expect(page.getByTestId("outcome-spread")).toContainText("15.00");
    await expect(page.getByTestId("outcome-grade")).toContainText(en.evaluationGrade.FAIL);
    await expect(page.getByTestId("evaluation-sheet")).toHaveCount(3);
    await expectNoA11yViolations(page);
    expect(await db.evaluation.findUniqueOrThrow({ where: { id }, select: { status: true, scoreHundredths: true, spreadHundredths: true, grade: true } })).toEqual({ status: "SCORED", scoreHundredths: 4833, spreadHundredths: 1500, grade: "FAIL" });
  });

  await test.step("an evaluator of the body writes and publishes the report", async () => {
    const ev = await open(a!);
    await ev.page.goto(`/evaluations/${id}`);
    const form = ev.page.getByTestId("publish-report-form");
    await form.getByLabel(o.reportLabel).fill(REPORT);
    await form.getByRole("button", { name: o.publish }).click();
    await expect(ev.page.getByText(o.notices.published)).toBeVisible();
    await expect(ev.page.getByTestId("evaluation-outcome")).toHaveAttribute("data-status", "PUBLISHED");
    await ev.ctx.close();
  });

  await test.step("the agency's administrator reads the report and the window's last day, and appeals", async () => {
    const published = await db.evaluation.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true, appealDeadline: true } });
    expect(published.status).toBe("PUBLISHED");
    // The tenth working day after the day of publication in the city, by the city's calendar.
    const from = todayInCity(published.publishedAt!);
    const rows = await db.workCalendarDay.findMany({ where: { day: { gte: from, lte: new Date(from.getTime() + 60 * 86_400_000) } }, select: { day: true, kind: true } });
    const deadline = addWorkingDays(from, 10, new Map(rows.map((x) => [x.day.toISOString().slice(0, 10), x.kind])));
    expect(published.appealDeadline!.toISOString().slice(0, 10)).toBe(deadline.toISOString().slice(0, 10));

    await agency.page.goto(`/evaluations/${id}`);
    const section = agency.page.getByTestId("evaluation-outcome");
    await expect(section).toHaveAttribute("data-status", "PUBLISHED");
    const report = agency.page.getByTestId("outcome-report");
    await expect(report).toContainText(REPORT);
    await expect(report).toContainText(o.deadline.replace("{date}", formatIsoDay("zh-Hans", deadline.toISOString().slice(0, 10))));
    await expect(agency.page.getByTestId("outcome-mean")).toContainText("48.33");
    await expect(agency.page.getByTestId("outcome-grade")).toContainText(en.evaluationGrade.FAIL);
    await expectNoA11yViolations(agency.page);
    const appeal = agency.page.getByTestId("appeal-form");
    await appeal.getByLabel(o.appealReason).fill(APPEAL);
    await appeal.getByRole("button", { name: o.fileAppeal }).click();
    await expect(agency.page.getByText(o.notices.appealed)).toBeVisible();
    await expect(section).toHaveAttribute("data-status", "UNDER_APPEAL");
    expect(await db.appeal.findUniqueOrThrow({ where: { evaluationId: id }, select: { reason: true, filedById: true, decision: true } })).toEqual({ reason: APPEAL, filedById: w.admin.id, decision: null });
  });

  let reference = "";
  await test.step("the city dismisses the appeal with reasons: the result is final", async () => {
    await page.goto(`/evaluations/${id}`);
    await expect(page.getByTestId("outcome-appeal")).toContainText(APPEAL);
    const decide = page.getByTestId("decide-appeal-form");
    await decide.getByLabel(o.decisions.DISMISSED).check();
    await decide.getByLabel(o.decisionReason).fill(DISMISSAL);
    await decide.getByRole("button", { name: o.decide }).click();
    await expect(page.getByText(o.notices.decided)).toBeVisible();
    await expect(page.getByTestId("evaluation-outcome")).toHaveAttribute("data-status", "FINAL");
    await expect(page.getByTestId("outcome-decision")).toHaveAttribute("data-decision", "DISMISSED");
    await expect(page.getByTestId("outcome-decision")).toContainText(DISMISSAL);
    await expect(page.getByTestId("outcome-grade")).toContainText(en.evaluationGrade.FAIL);
    await expect(page.getByTestId("outcome-integrity")).toBeVisible();
    // A project's evaluation sets no rating.
    await expect(page.getByTestId("outcome-rating")).toHaveCount(0);
    await expectNoA11yViolations(page);
    const final = await db.evaluation.findUniqueOrThrow({ where: { id }, select: { reference: true, status: true, grade: true, scoreHundredths: true, finalAt: true, appeal: { select: { decision: true, decisionReason: true, revisedScoreHundredths: true } } } });
    expect(final).toMatchObject({ status: "FINAL", grade: "FAIL", scoreHundredths: 4833, appeal: { decision: "DISMISSED", decisionReason: DISMISSAL, revisedScoreHundredths: null } });
    expect(final.finalAt).not.toBeNull();
    reference = final.reference;
  });

  await test.step("the flow-ons: an EVALUATION_FAILED integrity record, the rating unchanged", async () => {
    const records = await db.integrityRecord.findMany({ where: { organizationId: w.agency.id }, select: { kind: true, occurredOn: true, source: true, description: true } });
    expect(records).toEqual([{ kind: "EVALUATION_FAILED", occurredOn: todayInCity(), source: w.body.name, description: reference }]);
    const ratingAfter = await db.organization.findUniqueOrThrow({ where: { id: w.agency.id }, select: { rating: true, ratingDate: true, ratings: { select: { id: true, rating: true, ratedOn: true, validUntil: true }, orderBy: { ratedOn: "asc" } } } });
    expect(ratingAfter).toEqual(ratingBefore);
    expect(await db.agencyRating.count({ where: { evaluationId: id } })).toBe(0);

    await page.goto(`/agencies/${w.agency.id}`);
    const row = page.locator("#integrity").getByTestId("integrity-row").filter({ hasText: reference });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(zhEnums.integrityKind.EVALUATION_FAILED);
    await expect(row).toContainText(w.body.name);
    await expect(currentRating(page)).toHaveText(ratingTextBefore);
    await expect(page.locator("#ratings").getByTestId("agency-rating")).toHaveCount(1);
    await expectNoA11yViolations(page);
  });

  await test.step("the agency is now refused on the call's failed-evaluation line, and nothing is written", async () => {
    await agency.page.goto(`/service-calls/${w.call.id}/propose`);
    const form = agency.page.getByTestId("proposal-form");
    await form.getByLabel(sc.propose.narrative).fill("组建专业团队开展社区服务。");
    await form.getByLabel(sc.propose.item.replace("{n}", "1"), { exact: true }).fill("人员及活动经费");
    await form.getByLabel(sc.propose.amount).first().fill("200000");
    await form.getByLabel(w.worker.name).check();
    const live = agency.page.getByTestId("live-eligibility");
    await expect(live.getByTestId("eligibility-noFailedEvaluation")).toHaveAttribute("data-ok", "0");
    await form.getByRole("button", { name: sc.propose.submit }).click();
    const refused = agency.page.getByTestId("proposal-refused");
    await expect(refused).toContainText(sc.propose.refused);
    await expect(refused.getByTestId("eligibility-noFailedEvaluation")).toHaveAttribute("data-ok", "0");
    await expect(refused.getByTestId("eligibility-noFailedEvaluation")).toContainText(failedLine);
    // Only that line fails: the rating (still 3A) and the staff would have done.
    await expect(refused.getByTestId("eligibility-rating")).toHaveAttribute("data-ok", "1");
    await expect(refused.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
    await expect(refused.locator('[data-ok="0"]')).toHaveCount(1);
    await expectNoA11yViolations(agency.page);
    expect(await db.proposal.count({ where: { callId: w.call.id } })).toBe(0);
    expect(await db.proposal.count({ where: { organizationId: w.agency.id } })).toBe(1); // the contract's own SELECTED proposal only
  });
  await agency.ctx.close();

  await test.step("a spot-check draw with a typed seed reproduces the same sample", async () => {
    const seed = `chain-${w.tag}`;
    const draw = async () => {
      await page.goto("/spot-checks");
      const form = page.getByTestId("draw-form");
      await form.getByLabel(s.draw.periodStart).fill(w.period.start);
      await form.getByLabel(s.draw.periodEnd).fill(w.period.end);
      await form.getByLabel(s.draw.body).selectOption({ label: w.body.name });
      await form.getByLabel(s.draw.seed).fill(seed);
      await form.getByRole("button", { name: s.draw.submit }).click();
      await expect(page.getByText(s.notices.drawn)).toBeVisible();
      return /\/spot-checks\/([^/?#]+)/.exec(page.url())![1]!;
    };
    const shown = async () => (await page.getByTestId("draw-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-milestone") ?? ""))).sort();

    const firstId = await draw();
    await expect(page.getByTestId("draw-seed")).toHaveText(seed);
    await expect(page.getByTestId("draw-population")).toHaveText("7");
    // 30 % of 7, rounded up.
    await expect(page.getByTestId("draw-sample-count")).toHaveText("3");
    await expect(page.getByTestId("draw-item")).toHaveCount(3);
    const first = await shown();
    for (const m of first) expect(w.spot.accepted).toContain(m);
    await expectNoA11yViolations(page);

    // "Draw again with this seed": the same sample.
    await page.getByTestId("verify-link").click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-same", "true");
    const redrawn = (await page.getByTestId("verify-sample").locator("li").evaluateAll((li) => li.map((l) => l.getAttribute("data-milestone") ?? ""))).sort();
    expect(redrawn).toEqual(first);

    // A second draw record with the same seed and period: the same milestones stored.
    const secondId = await draw();
    expect(secondId).not.toBe(firstId);
    expect(await shown()).toEqual(first);
    const stored = await db.spotCheckDraw.findMany({
      where: { id: { in: [firstId, secondId] } },
      select: { id: true, seed: true, periodStart: true, periodEnd: true, populationCount: true, sampleCount: true, items: { select: { milestoneId: true } } },
    });
    expect(stored).toHaveLength(2);
    const ids = (x: (typeof stored)[number]) => x.items.map((i) => i.milestoneId).sort();
    for (const x of stored) {
      expect({ seed: x.seed, start: x.periodStart.toISOString().slice(0, 10), end: x.periodEnd.toISOString().slice(0, 10), population: x.populationCount, sample: x.sampleCount }).toEqual({ seed, start: w.period.start, end: w.period.end, population: 7, sample: 3 });
      expect(ids(x)).toEqual(first);
    }
  });
});
