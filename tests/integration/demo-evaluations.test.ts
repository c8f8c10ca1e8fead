import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { DEMO_EVALUATION_BODY, DEMO_SECOND_EVALUATION_BODY, demoCalendarFacts } from "@/server/seed/demo-evaluations";
import { EvaluationStatus } from "@/generated/prisma/enums";
import { addWorkingDays, drawSample, gradeOf, panelResult, ratingOf, sheetHundredths, spotCheckSize, type TCalendar } from "@/domain/evaluations/rules";
import { populationIds } from "@/server/spot-checks/population";
import { addYears, todayInCity } from "@/domain/common/calendar-day";
import { evaluationScope } from "@/server/authz/scope";

// The demo city's third-party evaluation (src/server/seed/demo-evaluations.ts), checked against the
// rules: every status, sheets and results consistent with the panel, recusals, the appeal window by
// the city's calendar, and FINAL's flow-ons (rating, integrity record).
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const DAY = 86_400_000;
const today = todayInCity();
const SCORED_OR_LATER = ["SCORED", "PUBLISHED", "UNDER_APPEAL", "FINAL"] as const;

const loadAll = () =>
  prisma.evaluation.findMany({
    orderBy: { reference: "asc" },
    include: {
      appeal: true,
      rating: true,
      organization: { select: { id: true, name: true, rating: true, ratingDate: true } },
      rubric: { include: { criteria: { orderBy: { number: "asc" } } } },
      scorers: { include: { scores: true, user: { select: { email: true, role: true, organizationId: true, personPractitionerId: true } } } },
    },
  });

async function calendar(): Promise<TCalendar> {
  const rows = await prisma.workCalendarDay.findMany({ select: { day: true, kind: true } });
  return rows.length > 0 ? new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.kind])) : demoCalendarFacts();
}

describe("demo evaluations", () => {
  it("holds an evaluation in every status, of every kind, with PG-YYYY-NNNN references, all assigned to the evaluation centre", async () => {
    const all = await loadAll();
    expect(new Set(all.map((e) => e.status))).toEqual(new Set(Object.values(EvaluationStatus)));
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(["PROJECT_MIDTERM", "PROJECT_FINAL", "AGENCY_GRADING", "PERSONAL_APPRAISAL"]));
    for (const e of all) {
      expect(e.reference).toMatch(/^PG-\d{4}-\d{4}$/);
      if (e.kind.startsWith("PROJECT_")) expect(e.contractId && e.organizationId, e.reference).toBeTruthy();
      if (e.kind === "AGENCY_GRADING") expect(e.organizationId, e.reference).toBeTruthy();
      if (e.kind === "PERSONAL_APPRAISAL") expect(e.practitionerId && e.track, e.reference).toBeTruthy();
    }
    const body = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_EVALUATION_BODY, kind: "EVALUATION_BODY" }, select: { id: true } });
    expect(all.every((e) => e.bodyId === body.id)).toBe(true);
  });

  it("has versioned rubrics for every kind: 4–6 criteria weighing 100 with descriptors; the agency grading's older version retired", async () => {
    const rubrics = await prisma.rubric.findMany({ include: { criteria: true } });
    for (const kind of ["PROJECT_MIDTERM", "PROJECT_FINAL", "AGENCY_GRADING", "PERSONAL_APPRAISAL"] as const) {
      const current = rubrics.filter((r) => r.kind === kind && r.retiredAt === null);
      expect(current, kind).toHaveLength(1);
    }
    for (const r of rubrics) {
      expect(r.criteria.length, r.name).toBeGreaterThanOrEqual(4);
      expect(r.criteria.length, r.name).toBeLessThanOrEqual(6);
      expect(r.criteria.reduce((s, c) => s + c.weight, 0), r.name).toBe(100);
      expect(r.criteria.every((c) => c.descriptor.length > 10)).toBe(true);
    }
    const grading = rubrics.filter((r) => r.kind === "AGENCY_GRADING").sort((a, b) => a.version - b.version);
    expect(grading.map((r) => [r.version, r.retiredAt !== null])).toEqual([[1, true], [2, false]]);
  });

  it("has five evaluators in the evaluation centre (one linked to their register entry) and a second body with one", async () => {
    const centre = await prisma.user.findMany({ where: { role: "EVALUATOR", organization: { name: DEMO_EVALUATION_BODY } }, select: { email: true, personPractitionerId: true } });
    expect(centre.length).toBeGreaterThanOrEqual(5);
    expect(centre.map((u) => u.email)).toContain("evaluator@demo.local");
    expect(centre.filter((u) => u.personPractitionerId)).toHaveLength(1);
    const second = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_SECOND_EVALUATION_BODY.name }, select: { kind: true, users: { select: { role: true } } } });
    expect(second).toEqual({ kind: "EVALUATION_BODY", users: [{ role: "EVALUATOR" }] });
  });

  it("stores each result as the panel's mean over the stored sheets, graded by the city's bands; no sheet missing from a scored evaluation; recused scorers score nothing", async () => {
    const plan = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    const all = await loadAll();
    for (const e of all) {
      const active = e.scorers.filter((s) => !s.recusedAt);
      for (const s of e.scorers) {
        expect(s.user.role, e.reference).toBe("EVALUATOR");
        expect(s.user.organizationId, e.reference).toBe(e.bodyId);
        if (s.recusedAt) {
          expect(s.scores, `${e.reference} ${s.user.email}`).toEqual([]);
          expect(s.recusalReason).not.toBeNull();
          expect(s.submittedAt).toBeNull();
        }
      }
      if (e.status === "CANCELLED") continue;
      expect(e.scorers.length, e.reference).toBeGreaterThanOrEqual(3);
      expect(e.scorers.length, e.reference).toBeLessThanOrEqual(4);
      expect(active.length >= plan.evaluationMinScorers, `${e.reference} ${e.status}`).toBe(e.status !== "ASSIGNED");
      const totals = active.filter((s) => s.submittedAt).map((s) => sheetHundredths(e.rubric.criteria, new Map(s.scores.map((x) => [x.criterionId, x.score]))));
      expect(totals.every((t) => t !== null), e.reference).toBe(true);
      if ((SCORED_OR_LATER as readonly string[]).includes(e.status)) {
        expect(active.filter((s) => !s.submittedAt), e.reference).toEqual([]);
        const result = panelResult(totals as number[])!;
        expect({ score: e.scoreHundredths, spread: e.spreadHundredths, grade: e.grade }, e.reference).toEqual({ score: result.meanHundredths, spread: result.spreadHundredths, grade: gradeOf(result.meanHundredths, plan) });
      } else {
        expect({ score: e.scoreHundredths, grade: e.grade, report: e.report, publishedAt: e.publishedAt }, e.reference).toEqual({ score: null, grade: null, report: null, publishedAt: null });
      }
    }
  });

  it("recuses the linked evaluator where their former agency is evaluated (employment), and one scorer on a declared conflict with a note", async () => {
    const all = await loadAll();
    const employment = all.flatMap((e) => e.scorers.filter((s) => s.recusalReason === "EMPLOYMENT").map((s) => ({ e, s })));
    expect(employment.length).toBeGreaterThanOrEqual(1);
    const since = addYears(today, -3);
    for (const { e, s } of employment) {
      expect(s.user.personPractitionerId).not.toBeNull();
      const agencyId = e.organizationId ?? (await prisma.practitioner.findUniqueOrThrow({ where: { id: e.practitionerId! } })).organizationId;
      const records = await prisma.employmentRecord.findMany({ where: { practitionerId: s.user.personPractitionerId!, organizationId: agencyId! } });
      expect(records.some((r) => r.to === null || r.to > since), e.reference).toBe(true);
    }
    const declared = all.flatMap((e) => e.scorers.filter((s) => s.recusalReason === "DECLARED"));
    expect(declared.length).toBeGreaterThanOrEqual(1);
    expect(declared.every((s) => (s.recusalNote ?? "").length > 5 && s.declaredAt)).toBe(true);
  });

  it("gives evaluator@demo.local at least two SCORING evaluations waiting for her sheet, and she reads only her body's evaluations", async () => {
    const zhao = await prisma.user.findUniqueOrThrow({ where: { email: "evaluator@demo.local" }, select: { id: true, role: true, organizationId: true, practitionerId: true } });
    const waiting = await prisma.evaluation.findMany({ where: { status: "SCORING", scorers: { some: { userId: zhao.id, recusedAt: null, submittedAt: null } } } });
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const principal = { id: zhao.id, role: zhao.role, regionPath: null, organizationId: zhao.organizationId, practitionerId: zhao.practitionerId } as Parameters<typeof evaluationScope>[0];
    expect(await prisma.evaluation.count({ where: evaluationScope(principal, "evaluations.read") })).toBe(await prisma.evaluation.count());
    const other = await prisma.user.findFirstOrThrow({ where: { role: "EVALUATOR", organization: { name: DEMO_SECOND_EVALUATION_BODY.name } }, select: { id: true, role: true, organizationId: true } });
    expect(await prisma.evaluation.count({ where: evaluationScope({ ...principal, ...other }, "evaluations.read") })).toBe(0);
  });

  it("sets appeal windows by the city's calendar: open for PUBLISHED and UNDER_APPEAL (with an undecided appeal), ended before FINAL", async () => {
    const cal = await calendar();
    const plan = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    const all = await loadAll();
    for (const e of all) {
      if (!["PUBLISHED", "UNDER_APPEAL", "FINAL"].includes(e.status)) {
        expect(e.appealDeadline, e.reference).toBeNull();
        continue;
      }
      expect(e.report?.length, e.reference).toBeGreaterThan(50);
      const published = todayInCity(e.publishedAt!);
      expect(e.appealDeadline, e.reference).toEqual(addWorkingDays(published, plan.appealWorkingDays, cal));
      if (e.status === "FINAL") expect(todayInCity(e.finalAt!).getTime(), e.reference).toBeGreaterThan(e.appealDeadline!.getTime());
      else expect(e.appealDeadline!.getTime(), e.reference).toBeGreaterThanOrEqual(today.getTime());
    }
    const underAppeal = all.filter((e) => e.status === "UNDER_APPEAL");
    expect(underAppeal).toHaveLength(1);
    const appeal = underAppeal[0]!.appeal!;
    expect(appeal).toMatchObject({ decision: null, decidedAt: null });
    expect(appeal.filedAt.getTime()).toBeGreaterThan(underAppeal[0]!.publishedAt!.getTime());
    expect(todayInCity(appeal.filedAt).getTime()).toBeLessThanOrEqual(underAppeal[0]!.appealDeadline!.getTime());
    const filer = await prisma.user.findUniqueOrThrow({ where: { id: appeal.filedById! }, select: { role: true, organizationId: true } });
    expect(filer).toEqual({ role: "AGENCY_ADMIN", organizationId: underAppeal[0]!.organizationId });
    expect(all.filter((e) => e.status !== "UNDER_APPEAL" && e.appeal)).toEqual([]);
  });

  it("flows FINAL results on: the fail's integrity record, the grading's rating with its validity, a project passed", async () => {
    const plan = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    const all = await loadAll();
    const final = all.filter((e) => e.status === "FINAL");
    const fail = final.filter((e) => e.grade === "FAIL");
    expect(fail).toHaveLength(1);
    const f = fail[0]!;
    expect(f.organization?.name).not.toBe("示例市阳光社会工作服务中心");
    const records = await prisma.integrityRecord.findMany({ where: { kind: "EVALUATION_FAILED" } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ organizationId: f.organizationId, source: DEMO_EVALUATION_BODY, description: f.reference, occurredOn: todayInCity(f.finalAt!) });

    const gradings = final.filter((e) => e.kind === "AGENCY_GRADING");
    expect(gradings.length).toBeGreaterThanOrEqual(1);
    for (const g of gradings) {
      const ratedOn = todayInCity(g.finalAt!);
      expect(g.rating, g.reference).toMatchObject({ organizationId: g.organizationId, rating: ratingOf(g.scoreHundredths!, plan), ratedOn, source: DEMO_EVALUATION_BODY, evaluationId: g.id });
      expect(g.rating!.validUntil).toEqual(new Date(addYears(ratedOn, plan.ratingValidityYears).getTime() - DAY));
      expect(g.organization).toMatchObject({ rating: g.rating!.rating, ratingDate: ratedOn });
    }
    // Only FINAL gradings gave ratings.
    expect(await prisma.agencyRating.count({ where: { evaluationId: { not: null } } })).toBe(gradings.length);
    expect(final.some((e) => e.kind.startsWith("PROJECT_") && e.grade !== "FAIL")).toBe(true);
  });
  it("holds a spot-check draw whose stored seed reproduces its sample over the period's accepted milestones, with a passed and a failed check", async () => {
    const draw = await prisma.spotCheckDraw.findFirstOrThrow({ include: { items: true, body: { select: { name: true } } } });
    expect(draw.body.name).toBe(DEMO_EVALUATION_BODY);
    const population = await populationIds(prisma, draw.periodStart, draw.periodEnd);
    expect(draw.populationCount).toBe(population.length);
    expect(draw.sampleCount).toBe(spotCheckSize(population.length, draw.percent));
    expect(draw.percent).toBeGreaterThanOrEqual(30);
    expect(draw.sampleCount).toBeGreaterThanOrEqual(3);
    expect(new Set(draw.items.map((i) => i.milestoneId))).toEqual(new Set(drawSample(population, draw.sampleCount, draw.seed)));
    expect(draw.items.map((i) => i.status).sort()).toEqual(["FAILED", "PASSED", ...Array(draw.sampleCount - 2).fill("PENDING")].sort());
    for (const item of draw.items.filter((i) => i.status !== "PENDING")) expect(item.note && item.checkedById && item.checkedAt).toBeTruthy();
  });
});
