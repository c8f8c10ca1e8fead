import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { makeScoredEvaluation } from "@/server/seed/evaluation-outcome-factories";
import { insertContract } from "@/server/seed/demo-contracts";
import { commitFunds } from "@/server/funds/ledger";
import { TINY_PDF } from "@/server/seed/scan-files";
import { decideAppeal, fileAppeal, finaliseEvaluation, publishReport } from "@/server/evaluation-outcome/mutations";
import { finaliseExpiredWindows } from "@/server/evaluation-outcome/final";
import { getEvaluationOutcome } from "@/server/evaluation-outcome/queries";
import { closeContract } from "@/server/contracts/milestones";
import { checkEligibility } from "@/server/service-calls/eligibility";
import { runMaintenance } from "@/server/maintenance/jobs";
import { ZDecideAppeal, ZFileAppeal, ZFinaliseEvaluation, ZPublishReport, parseScoreHundredths } from "@/domain/evaluation-outcome/schemas";
import { ZCloseContract } from "@/domain/contracts/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// Issue 14 part B: an evaluation's report and publication, the appeal window by the city's
// working-day calendar, the appeal, the city's decision, FINAL and what it sets (rating with its
// validity, integrity record → no calls, the contract's close), and the hourly pass.

const DAY = 86_400_000;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** An instant on a city day (10:00 in the city, UTC+8). */
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

let w: Awaited<ReturnType<typeof build>>;
let seq = 0;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东区阳光社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东区同心社工" });
  const body = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id, name: "市社会组织评估中心" });
  const body2 = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id, name: "第二评估中心" });
  const education = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });
  await prisma.planTarget.upsert({ where: { id: "city" }, create: { id: "city", startDate: new Date("2024-01-01") }, update: {} });
  const fund = await prisma.fund.create({ data: { year: 2026, name: "专项资金" } });
  const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 1_000_000_000n } });
  // The State Council's 2026 schedule around 中秋 and 国庆 (make-up days 9/20 Sun and 10/10 Sat).
  const holidays = ["2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"];
  await prisma.workCalendarDay.createMany({
    data: [...holidays.map((day) => ({ day: d(day), kind: "HOLIDAY" as const, name: day < "2026-10-01" ? "中秋节" : "国庆节" })), { day: d("2026-09-20"), kind: "WORKDAY" as const, name: "国庆节调休" }, { day: d("2026-10-10"), kind: "WORKDAY" as const, name: "国庆节调休" }],
  });
  const u = {
    city: await makeUser(prisma, { role: "CITY_ADMIN" }),
    e1: await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: "赵敏" }),
    e2: await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: "钱学" }),
    e3: await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: "孙理" }),
    e4: await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: "李回避" }),
    other: await makeUser(prisma, { role: "EVALUATOR", organizationId: body2.id }),
    adminA: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id }),
    adminA2: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id }),
    adminB: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id }),
    dept: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: education.id }),
  };
  return { city, east, agencyA, agencyB, body, body2, education, line, u };
}

beforeAll(async () => {
  w = await build();
});

/** A SCORED evaluation of agency A by the body: three sheets (40/30/30 weights) and one recused scorer. */
function scored(opts: { kind?: "PROJECT_FINAL" | "AGENCY_GRADING" | "PROJECT_MIDTERM"; sheets?: number[][]; contractId?: string; organizationId?: string } = {}) {
  const sheets = opts.sheets ?? [[80, 70, 90], [85, 75, 80], [90, 80, 70]];
  return makeScoredEvaluation(prisma, {
    kind: opts.kind ?? "AGENCY_GRADING",
    bodyId: w.body.id,
    organizationId: opts.organizationId ?? w.agencyA.id,
    contractId: opts.contractId ?? null,
    panel: [w.u.e1, w.u.e2, w.u.e3].map((u, i) => ({ userId: u.id, scores: sheets[i]! })),
    recused: [w.u.e4.id],
  });
}

const version = async (id: string) => (await prisma.evaluation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const publish = async (id: string, now = new Date(), file: { name: string; bytes: Uint8Array } | null = null) => {
  await as(w.u.e1);
  return publishReport(ZPublishReport.parse({ evaluationId: id, version: String(await version(id)), report: "项目执行规范，成效明显。" }), file, now);
};
const appeal = async (id: string, today: Date, user = w.u.adminA) => {
  await as(user);
  return fileAppeal(ZFileAppeal.parse({ evaluationId: id, version: String(await version(id)), reason: "评分未考虑补充材料。" }), today);
};
const decide = async (id: string, fields: Record<string, string>) => {
  await as(w.u.city);
  return decideAppeal(ZDecideAppeal.parse({ evaluationId: id, version: String(await version(id)), ...fields }));
};
const evaluation = (id: string) => prisma.evaluation.findUniqueOrThrow({ where: { id }, include: { appeal: true } });

describe("publication of the report", () => {
  it("refused before every scorer has scored, by another body, or on a stale version; nothing written", async () => {
    const e = await scored();
    await prisma.evaluation.update({ where: { id: e.id }, data: { status: "SCORING" } });
    expect(await codeOf(publish(e.id))).toBe("evaluationOutcome.errors.notScored");
    // SCORED on record but a scorer (not recused) has not submitted: still refused.
    await prisma.evaluation.update({ where: { id: e.id }, data: { status: "SCORED" } });
    const sheet = await prisma.evaluationScorer.findFirstOrThrow({ where: { evaluationId: e.id, userId: w.u.e2.id } });
    await prisma.evaluationScorer.update({ where: { id: sheet.id }, data: { submittedAt: null } });
    expect(await codeOf(publish(e.id))).toBe("evaluationOutcome.errors.notScored");
    await prisma.evaluationScorer.update({ where: { id: sheet.id }, data: { submittedAt: new Date() } });
    await as(w.u.other);
    expect(await codeOf(publishReport(ZPublishReport.parse({ evaluationId: e.id, version: String(await version(e.id)), report: "x" }), null))).toBe("notFound");
    await as(w.u.adminA);
    expect(await codeOf(publishReport(ZPublishReport.parse({ evaluationId: e.id, version: "1", report: "x" }), null))).toBe("authz:forbidden");
    await as(w.u.e1);
    expect(await codeOf(publishReport(ZPublishReport.parse({ evaluationId: e.id, version: String((await version(e.id)) + 1), report: "x" }), null))).toBe("stale");
    expect(ZPublishReport.safeParse({ evaluationId: e.id, version: "1", report: "  " }).error?.issues[0]?.message).toBe("evaluationOutcome.validation.reportRequired");
    expect(ZPublishReport.safeParse({ evaluationId: e.id, version: "1", report: "字".repeat(10_001) }).success).toBe(false);
    const after = await evaluation(e.id);
    expect(after).toMatchObject({ status: "SCORED", report: null, publishedAt: null, appealDeadline: null });
    expect(await prisma.notification.count({ where: { kind: "evaluationPublished" } })).toBe(0);
  });

  it("publishes with a file; the window's last day counts 10 working days by the calendar across 国庆; the agency's administrators are told", async () => {
    const e = await scored();
    // Tuesday 29 September 2026: 9/30, (10/1–10/7 off), 10/8, 10/9, 10/10 (make-up Saturday), 10/12–10/16, 10/19.
    await publish(e.id, at("2026-09-29"), { name: "报告.pdf", bytes: TINY_PDF });
    const after = await evaluation(e.id);
    expect(after.status).toBe("PUBLISHED");
    expect(isoDay(after.appealDeadline)).toBe("2026-10-19");
    expect(after.report).toBe("项目执行规范，成效明显。");
    expect(await prisma.storedFile.count({ where: { id: after.reportFileId! } })).toBe(1);
    const told = await prisma.notification.findMany({ where: { kind: "evaluationPublished", href: `/evaluations/${e.id}` }, select: { userId: true, params: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.u.adminA.id, w.u.adminA2.id].sort());
    expect(told[0]!.params).toMatchObject({ reference: e.reference, deadline: "2026-10-19" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evaluations.publish", entityId: e.id } });
    expect(audit.actorId).toBe(w.u.e1.id);
    // Published once only.
    expect(await codeOf(publish(e.id))).toBe("evaluationOutcome.errors.notScored");
  });

  it("the agency reads mean, spread, grade and each scorer's total anonymised only once published; the city sees names", async () => {
    const e = await scored({ sheets: [[80, 70, 90], [85, 75, 80], [90, 80, 70]] });
    const agencyView = async () => getEvaluationOutcome(await as(w.u.adminA), e.id);
    expect((await agencyView())?.resultVisible).toBe(false);
    expect((await agencyView())?.totals).toEqual([]);
    expect((await agencyView())?.scoreHundredths).toBeNull();
    const cityBefore = await getEvaluationOutcome(await as(w.u.city), e.id);
    expect(cityBefore?.totals.map((t) => t.name)).toEqual(["赵敏", "钱学", "孙理"]);
    await publish(e.id);
    const view = await agencyView();
    // 80×40+70×30+90×30 = 8000; 85×40+75×30+80×30 = 8050; 90×40+80×30+70×30 = 8100.
    expect(view?.totals).toEqual([
      { key: expect.any(String), name: null, number: 1, totalHundredths: 8000 },
      { key: expect.any(String), name: null, number: 2, totalHundredths: 8050 },
      { key: expect.any(String), name: null, number: 3, totalHundredths: 8100 },
    ]);
    expect(view).toMatchObject({ scoreHundredths: 8050, spreadHundredths: 100, grade: "GOOD", canAppeal: true, canDecide: false });
    expect(await getEvaluationOutcome(await as(w.u.adminB), e.id)).toBeNull();
  });
});

describe("appeal", () => {
  it("only the evaluated agency, within the window (its last day included), once", async () => {
    const e = await scored();
    await publish(e.id, at("2026-09-29"));
    expect(await codeOf(appeal(e.id, d("2026-10-20")))).toBe("evaluationOutcome.errors.windowClosed");
    expect(await codeOf(appeal(e.id, d("2026-10-19"), w.u.adminB))).toBe("notFound");
    await as(w.u.e1);
    expect(await codeOf(fileAppeal(ZFileAppeal.parse({ evaluationId: e.id, version: String(await version(e.id)), reason: "x" }), d("2026-10-19")))).toBe("authz:forbidden");
    expect(ZFileAppeal.safeParse({ evaluationId: e.id, version: "2", reason: "" }).error?.issues[0]?.message).toBe("evaluationOutcome.validation.reasonRequired");
    expect(await prisma.appeal.count({ where: { evaluationId: e.id } })).toBe(0);
    expect((await evaluation(e.id)).status).toBe("PUBLISHED");
    expect(await codeOf(appeal(e.id, d("2026-10-19")))).toBe("ok");
    const after = await evaluation(e.id);
    expect(after.status).toBe("UNDER_APPEAL");
    expect(after.appeal).toMatchObject({ reason: "评分未考虑补充材料。", filedById: w.u.adminA.id, decision: null });
    expect(await codeOf(appeal(e.id, d("2026-10-19"), w.u.adminA2))).toBe("evaluationOutcome.errors.alreadyAppealed");
    expect(await prisma.auditEvent.count({ where: { action: "appeals.file", entityId: e.id } })).toBe(1);
  });
});

describe("the city's decision", () => {
  it("refuses a decision without reasons, an upheld one without a valid revised score, and a stale version; nothing written", async () => {
    const e = await scored();
    await publish(e.id, at("2026-09-29"));
    await appeal(e.id, d("2026-10-01"));
    const v = String(await version(e.id));
    const msg = (fields: Record<string, string>) => ZDecideAppeal.safeParse({ evaluationId: e.id, version: v, ...fields }).error?.issues.map((i) => i.message);
    expect(msg({ decision: "DISMISSED", reason: "" })).toEqual(["evaluationOutcome.validation.decisionReasonRequired"]);
    expect(msg({ decision: "UPHELD", reason: "理由", revisedScore: "" })).toEqual(["evaluationOutcome.validation.revisedScoreRequired"]);
    for (const bad of ["100.01", "101", "87.255", "-1", "八十", "87."]) expect(msg({ decision: "UPHELD", reason: "理由", revisedScore: bad })).toEqual(["evaluationOutcome.validation.revisedScoreInvalid"]);
    expect(parseScoreHundredths("87.5")).toBe(8750);
    expect(parseScoreHundredths("100")).toBe(10000);
    expect(parseScoreHundredths("0.07")).toBe(7);
    await as(w.u.city);
    expect(await codeOf(decideAppeal(ZDecideAppeal.parse({ evaluationId: e.id, version: String(Number(v) - 1), decision: "DISMISSED", reason: "理由" })))).toBe("stale");
    await as(w.u.adminA);
    expect(await codeOf(decideAppeal(ZDecideAppeal.parse({ evaluationId: e.id, version: v, decision: "DISMISSED", reason: "理由" })))).toBe("authz:forbidden");
    const after = await evaluation(e.id);
    expect(after.status).toBe("UNDER_APPEAL");
    expect(after.appeal?.decision).toBeNull();
    expect(await prisma.agencyRating.count({ where: { evaluationId: e.id } })).toBe(0);
  });

  it("dismissed: FINAL with the body's result; an agency grading sets the rating with its validity on the agency; the agency is told", async () => {
    const e = await scored({ sheets: [[90, 80, 85], [85, 85, 85], [80, 90, 85]] });
    await publish(e.id);
    await appeal(e.id, todayInCity());
    await decide(e.id, { decision: "DISMISSED", reason: "评分有据，补充材料不影响结论。" });
    const after = await evaluation(e.id);
    const today = todayInCity();
    expect(after).toMatchObject({ status: "FINAL", scoreHundredths: 8500, grade: "GOOD" });
    expect(after.appeal).toMatchObject({ decision: "DISMISSED", decisionReason: "评分有据，补充材料不影响结论。", revisedScoreHundredths: null, decidedById: w.u.city.id });
    const rating = await prisma.agencyRating.findUniqueOrThrow({ where: { evaluationId: e.id } });
    // 85.00 → 4A (≥ 80); valid five years: the day before the same date five years on.
    const until = new Date(Date.UTC(today.getUTCFullYear() + 5, today.getUTCMonth(), today.getUTCDate()) - DAY);
    expect(rating).toMatchObject({ organizationId: w.agencyA.id, rating: "A4", ratedOn: today, validUntil: until, source: "市社会组织评估中心" });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: w.agencyA.id }, select: { rating: true, ratingDate: true } })).toEqual({ rating: "A4", ratingDate: today });
    expect(await prisma.integrityRecord.count({ where: { description: e.reference } })).toBe(0);
    const told = await prisma.notification.findMany({ where: { kind: "appealDecided", href: `/evaluations/${e.id}` }, select: { userId: true, params: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.u.adminA.id, w.u.adminA2.id].sort());
    expect(told[0]!.params).toMatchObject({ decision: "DISMISSED", grade: "GOOD" });
    expect(await prisma.auditEvent.count({ where: { action: "appeals.decide", entityId: e.id } })).toBe(1);
    // Decided once only.
    expect(await codeOf(decide(e.id, { decision: "DISMISSED", reason: "再次" }))).toBe("evaluationOutcome.errors.notUnderAppeal");
  });

  it("upheld with a revised score: the grade is recomputed; a fail adds an integrity record and bars the agency from calls", async () => {
    const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: w.east.id, name: "东区启航社工" });
    await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
    const admin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
    const e = await scored({ organizationId: agency.id, sheets: [[60, 65, 70], [62, 64, 66], [61, 63, 65]] });
    const today = todayInCity();
    const call = { minRating: null, minQualifiedStaff: 0, minQualifiedPercent: 0 };
    const failedLine = async () => (await checkEligibility(prisma, agency.id, [], call, today)).find((l) => l.key === "noFailedEvaluation")!.ok;
    expect(await failedLine()).toBe(true);
    await publish(e.id);
    expect((await evaluation(e.id)).grade).toBe("PASS");
    await appeal(e.id, today, admin);
    await decide(e.id, { decision: "UPHELD", reason: "核查发现服务记录不实，得分下调。", revisedScore: "55.5" });
    const after = await evaluation(e.id);
    expect(after).toMatchObject({ status: "FINAL", scoreHundredths: 5550, grade: "FAIL" });
    expect(after.appeal).toMatchObject({ decision: "UPHELD", revisedScoreHundredths: 5550 });
    expect(await prisma.agencyRating.findUniqueOrThrow({ where: { evaluationId: e.id } })).toMatchObject({ rating: "A1" });
    const record = await prisma.integrityRecord.findFirstOrThrow({ where: { organizationId: agency.id, kind: "EVALUATION_FAILED" } });
    expect(record).toMatchObject({ occurredOn: today, source: "市社会组织评估中心", description: e.reference, createdById: w.u.city.id });
    expect(await failedLine()).toBe(false);
    const view = await getEvaluationOutcome(await as(admin), e.id);
    expect(view).toMatchObject({ status: "FINAL", grade: "FAIL", rating: { rating: "A1" }, failRecord: { id: record.id } });
  });
});

describe("finalisation after the window", () => {
  it("the city finalises only after the window and only without an appeal", async () => {
    const e = await scored({ kind: "PROJECT_MIDTERM" });
    await publish(e.id, at("2026-09-29"));
    await as(w.u.city);
    const input = async () => ZFinaliseEvaluation.parse({ evaluationId: e.id, version: String(await version(e.id)) });
    expect(await codeOf(finaliseEvaluation(await input(), d("2026-10-19")))).toBe("evaluationOutcome.errors.windowOpen");
    expect((await evaluation(e.id)).status).toBe("PUBLISHED");
    await as(w.u.adminA);
    expect(await codeOf(finaliseEvaluation(await input(), d("2026-10-20")))).toBe("authz:forbidden");
    await as(w.u.city);
    expect(await codeOf(finaliseEvaluation(await input(), d("2026-10-20")))).toBe("ok");
    expect((await evaluation(e.id)).status).toBe("FINAL");
    expect(await prisma.auditEvent.count({ where: { action: "evaluations.finalise", entityId: e.id } })).toBe(1);
    // A mid-term evaluation sets no rating.
    expect(await prisma.agencyRating.count({ where: { evaluationId: e.id } })).toBe(0);
    expect(await codeOf(finaliseEvaluation(await input(), d("2026-10-20")))).toBe("evaluationOutcome.errors.notPublished");
  });

  it("the hourly pass finalises windows that ended, with their flow-ons, and leaves open ones and appeals alone", async () => {
    const ended = await scored({ sheets: [[95, 92, 90], [90, 95, 92], [92, 90, 95]] });
    const open = await scored();
    const appealed = await scored();
    await publish(ended.id, at("2026-09-29"));
    await publish(appealed.id, at("2026-09-29"));
    await appeal(appealed.id, d("2026-10-09"));
    await publish(open.id, new Date());
    await runMaintenance({ today: at("2026-10-20") });
    // 2026-10-20 in the city: only `ended` (last day 10-19) is past its window.
    expect((await evaluation(ended.id)).status).toBe("FINAL");
    expect((await evaluation(open.id)).status).toBe("PUBLISHED");
    expect((await evaluation(appealed.id)).status).toBe("UNDER_APPEAL");
    expect(await prisma.agencyRating.findUniqueOrThrow({ where: { evaluationId: ended.id } })).toMatchObject({ rating: "A5", source: "市社会组织评估中心" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evaluations.finalise", entityId: ended.id } });
    expect(audit.actorId).toBeNull();
    // Idempotent: a second pass changes nothing.
    expect(await finaliseExpiredWindows(d("2026-10-21"))).toBe(0);
    expect(await prisma.agencyRating.count({ where: { evaluationId: ended.id } })).toBe(1);
  });
});

describe("a project's final evaluation and the contract's close", () => {
  it("closing is refused until the PROJECT_FINAL evaluation is FINAL; the close records its grade; the contract page lists it", async () => {
    const n = ++seq;
    const c = await prisma.$transaction((tx) =>
      insertContract(
        tx,
        {
          reference: `HT-2026-${String(900 + n).padStart(4, "0")}`,
          callReference: `FW-2026-${String(900 + n).padStart(4, "0")}`,
          title: `评估测试项目${n}`,
          type: "COMMUNITY",
          practiceField: "SCHOOLS",
          regionId: w.east.id,
          regionPath: w.east.path,
          departmentId: w.education.id,
          organizationId: w.agencyA.id,
          budgetLineId: w.line.id,
          valueFen: 1_000_000n,
          termStart: new Date(todayInCity().getTime() - 300 * DAY),
          termEnd: new Date(todayInCity().getTime() - 10 * DAY),
          minQualifiedStaff: 0,
          minQualifiedPercent: 0,
          staff: [],
          milestones: [{ title: "里程碑1", deliverable: "报告", dueDate: new Date(todayInCity().getTime() - 20 * DAY), amountFen: 1_000_000n, status: "ACCEPTED" as const }],
          actorId: null,
        },
        (id) => commitFunds(tx, { lineId: w.line.id, amountFen: 1_000_000n, sourceRef: `contract:${id}` }),
      ),
    );
    const close = async () => {
      await as(w.u.city);
      const v = (await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).version;
      return closeContract(ZCloseContract.parse({ contractId: c.id, version: String(v) }));
    };
    expect(await codeOf(close())).toBe("contracts.errors.finalEvaluationNotFinal");
    const e = await scored({ kind: "PROJECT_FINAL", contractId: c.id, sheets: [[92, 90, 91], [90, 91, 92], [91, 92, 90]] });
    expect(await codeOf(close())).toBe("contracts.errors.finalEvaluationNotFinal");
    await publish(e.id, at("2026-09-29"));
    expect(await codeOf(close())).toBe("contracts.errors.finalEvaluationNotFinal");
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("ACTIVE");
    await finaliseExpiredWindows(d("2026-10-20"));
    expect((await evaluation(e.id)).grade).toBe("EXCELLENT");
    expect(await codeOf(close())).toBe("ok");
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "CLOSED", closedGrade: "EXCELLENT" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "contracts.close", entityId: c.id } });
    expect(audit.after).toMatchObject({ closedGrade: "EXCELLENT", evaluation: e.reference });
  });
});
