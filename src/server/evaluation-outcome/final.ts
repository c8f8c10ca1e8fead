import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { recordAudit, type TAuditActor } from "@/server/audit/record";
import { recomputeAgencyRating } from "@/server/agencies/rating";
import { PLAN_ID } from "@/server/plan/queries";
import { StaleEditError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { DEFAULT_GRADE_BANDS, DEFAULT_RATING_TABLE, ratingOf } from "@/domain/evaluations/rules";
import { isWindowOpen, ratingValidUntil } from "@/domain/evaluation-outcome/rules";

// FINAL and its flow-ons (issue 14), apart from the users' actions (mutations.ts) so that the hourly
// pass (src/server/maintenance/jobs.ts), which runs without a session, can finalise expired windows.

export const evaluationSelect = {
  id: true,
  reference: true,
  kind: true,
  status: true,
  version: true,
  organizationId: true,
  contractId: true,
  scoreHundredths: true,
  spreadHundredths: true,
  grade: true,
  report: true,
  reportFileId: true,
  publishedAt: true,
  appealDeadline: true,
  finalAt: true,
  body: { select: { name: true } },
  organization: { select: { name: true } },
  practitioner: { select: { name: true, organizationId: true } },
  appeal: { select: { id: true, decision: true, version: true } },
} as const;

export type TEvaluationRow = Prisma.EvaluationGetPayload<{ select: typeof evaluationSelect }>;

export const auditView = (e: Pick<TEvaluationRow, "status" | "version" | "scoreHundredths" | "grade" | "appealDeadline">) => ({
  status: e.status,
  version: e.version,
  scoreHundredths: e.scoreHundredths,
  grade: e.grade,
  appealDeadline: isoDay(e.appealDeadline),
});

export async function settings(db: TTx | typeof prisma) {
  const plan = await db.planTarget.findUnique({
    where: { id: PLAN_ID },
    select: { gradeExcellentMin: true, gradeGoodMin: true, gradePassMin: true, rating5AMin: true, rating4AMin: true, rating3AMin: true, rating2AMin: true, ratingValidityYears: true, appealWorkingDays: true },
  });
  return {
    bands: plan ?? DEFAULT_GRADE_BANDS,
    table: plan ?? DEFAULT_RATING_TABLE,
    validityYears: plan?.ratingValidityYears ?? 5,
    appealWorkingDays: plan?.appealWorkingDays ?? 10,
  };
}

// ─── FINAL and its flow-ons ──────────────────────────────────────────────────────────────────

export type TFlowOns = { rating: { id: string; rating: string; ratedOn: string; validUntil: string } | null; integrityRecordId: string | null };

/**
 * Makes the evaluation FINAL (from `from`) and writes what follows from its result, in the caller's
 * transaction: an agency grading's AgencyRating (the city's table; valid ratingValidityYears from the
 * final day) copied onto the agency; a fail of an evaluation with an agency → an integrity record
 * EVALUATION_FAILED (which bars the agency from calls for failedEvaluationBarDays).
 */
export async function makeFinal(
  tx: TTx,
  e: Pick<TEvaluationRow, "id" | "reference" | "kind" | "organizationId" | "body"> & { version: number },
  result: { scoreHundredths: number; grade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL" },
  from: "PUBLISHED" | "UNDER_APPEAL",
  actorId: string | null,
  now: Date,
): Promise<TFlowOns> {
  const finalDay = todayInCity(now);
  const updated = await tx.evaluation.updateMany({
    where: { id: e.id, version: e.version, status: from },
    data: { status: "FINAL", finalAt: now, scoreHundredths: result.scoreHundredths, grade: result.grade, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new StaleEditError();
  const s = await settings(tx);
  let rating: TFlowOns["rating"] = null;
  if (e.kind === "AGENCY_GRADING" && e.organizationId) {
    const validUntil = ratingValidUntil(finalDay, s.validityYears);
    const level = ratingOf(result.scoreHundredths, s.table);
    const row = await tx.agencyRating.create({
      data: { organizationId: e.organizationId, rating: level, ratedOn: finalDay, validUntil, source: e.body.name, evaluationId: e.id, createdById: actorId },
      select: { id: true },
    });
    await recomputeAgencyRating(tx, e.organizationId);
    rating = { id: row.id, rating: level, ratedOn: isoDay(finalDay), validUntil: isoDay(validUntil) };
  }
  let integrityRecordId: string | null = null;
  if (result.grade === "FAIL" && e.organizationId) {
    const record = await tx.integrityRecord.create({
      data: { organizationId: e.organizationId, kind: "EVALUATION_FAILED", occurredOn: finalDay, source: e.body.name, description: e.reference, createdById: actorId },
      select: { id: true },
    });
    integrityRecordId = record.id;
  }
  return { rating, integrityRecordId };
}

export async function finaliseAudited(tx: TTx, e: TEvaluationRow, actor: TAuditActor, meta: { ip: string | null; userAgent: string | null }, now: Date) {
  const flowOns = await makeFinal(tx, e, { scoreHundredths: e.scoreHundredths!, grade: e.grade! }, "PUBLISHED", actor?.id ?? null, now);
  await recordAudit(tx, {
    actor,
    action: "evaluations.finalise",
    entity: "Evaluation",
    entityId: e.id,
    before: auditView(e),
    after: { ...auditView({ ...e, status: "FINAL", version: e.version + 1 }), ...flowOns },
    meta,
  });
  return flowOns;
}

/** The hourly pass: every published evaluation whose window ended before `today` (the city's day) becomes FINAL. */
export async function finaliseExpiredWindows(today = todayInCity()): Promise<number> {
  const due = await prisma.evaluation.findMany({ where: { status: "PUBLISHED", appealDeadline: { lt: today } }, select: { id: true }, orderBy: { appealDeadline: "asc" } });
  let done = 0;
  for (const { id } of due) {
    try {
      await prisma.$transaction(async (tx) => {
        const e = await tx.evaluation.findUnique({ where: { id }, select: evaluationSelect });
        if (!e || e.status !== "PUBLISHED" || isWindowOpen(e.appealDeadline, today)) return;
        await finaliseAudited(tx, e, null, { ip: null, userAgent: "maintenance" }, new Date());
        done++;
      });
    } catch (error) {
      // Someone (an appeal, the city) acted in between: the next pass sees the new state.
      if (!(error instanceof StaleEditError)) throw error;
    }
  }
  return done;
}
