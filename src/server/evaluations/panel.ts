import "server-only";
import type { TTx } from "@/server/db";
import { todayInCity } from "@/domain/common/calendar-day";
import { DEFAULT_GRADE_BANDS, gradeOf, panelResult, sheetHundredths, type TGrade } from "@/domain/evaluations/rules";
import type { TEvaluationStatus } from "@/domain/evaluations/enums";

// The panel's rules that read the database: who is recused by their employment history, and the
// evaluation's status (and result) from its scorers. Both run inside the caller's transaction.

export type TPanelSettings = { minScorers: number; recusalYears: number; bands: { gradeExcellentMin: number; gradeGoodMin: number; gradePassMin: number } };

/** The city's settings the panel reads (the defaults when the city has none yet). */
export async function panelSettings(tx: TTx): Promise<TPanelSettings> {
  const plan = await tx.planTarget.findUnique({
    where: { id: "city" },
    select: { evaluationMinScorers: true, recusalYears: true, gradeExcellentMin: true, gradeGoodMin: true, gradePassMin: true },
  });
  return {
    minScorers: plan?.evaluationMinScorers ?? 3,
    recusalYears: plan?.recusalYears ?? 3,
    bands: plan ? { gradeExcellentMin: plan.gradeExcellentMin, gradeGoodMin: plan.gradeGoodMin, gradePassMin: plan.gradePassMin } : DEFAULT_GRADE_BANDS,
  };
}

/** The first day of the recusal window: `years` years before today in the city. */
export function recusalWindowStart(years: number, today = todayInCity()): Date {
  const d = new Date(today);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * Whether a scorer must be recused by their own register entry: they are the practitioner
 * appraised, or their employment history holds a job at the evaluated agency overlapping the last
 * `years` years (or current). A scorer without a linked register entry has no history to check.
 */
export async function employmentConflict(
  tx: TTx,
  person: string | null,
  target: { agencyId: string | null; practitionerId: string | null },
  years: number,
): Promise<boolean> {
  if (!person) return false;
  if (target.practitionerId && person === target.practitionerId) return true;
  if (!target.agencyId) return false;
  const today = todayInCity();
  const found = await tx.employmentRecord.count({
    where: { practitionerId: person, organizationId: target.agencyId, from: { lte: today }, OR: [{ to: null }, { to: { gt: recusalWindowStart(years, today) } }] },
  });
  return found > 0;
}

/** The agency whose employees are recused: the evaluated agency, or the appraised practitioner's employer. */
export async function recusalAgency(tx: TTx, evaluation: { organizationId: string | null; practitionerId: string | null }): Promise<string | null> {
  if (evaluation.organizationId) return evaluation.organizationId;
  if (!evaluation.practitionerId) return null;
  const p = await tx.practitioner.findUnique({ where: { id: evaluation.practitionerId }, select: { organizationId: true } });
  return p?.organizationId ?? null;
}

export type TSettled = { status: TEvaluationStatus; scoreHundredths: number | null; spreadHundredths: number | null; grade: TGrade | null };

/**
 * The status the panel puts an open evaluation in: ASSIGNED while fewer than the minimum of
 * scorers are not recused; SCORED when each of them has submitted a complete sheet (the result
 * is computed: the mean of their totals, the spread, the grade by the city's bands); else SCORING.
 * Writes the change (and bumps the version) when there is one.
 */
export async function settlePanel(tx: TTx, evaluationId: string): Promise<TSettled> {
  const evaluation = await tx.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: {
      status: true,
      rubric: { select: { criteria: { select: { id: true, weight: true } } } },
      scorers: { where: { recusedAt: null }, select: { submittedAt: true, scores: { select: { criterionId: true, score: true } } } },
    },
  });
  const unchanged: TSettled = { status: evaluation.status, scoreHundredths: null, spreadHundredths: null, grade: null };
  if (evaluation.status !== "ASSIGNED" && evaluation.status !== "SCORING") return unchanged;
  const settings = await panelSettings(tx);
  const active = evaluation.scorers;
  let next: TSettled = { status: "SCORING", scoreHundredths: null, spreadHundredths: null, grade: null };
  if (active.length < settings.minScorers) next = { ...next, status: "ASSIGNED" };
  else if (active.every((s) => s.submittedAt)) {
    const totals = active.map((s) => sheetHundredths(evaluation.rubric.criteria, new Map(s.scores.map((x) => [x.criterionId, x.score]))));
    if (totals.every((t): t is number => t !== null)) {
      const result = panelResult(totals)!;
      next = { status: "SCORED", scoreHundredths: result.meanHundredths, spreadHundredths: result.spreadHundredths, grade: gradeOf(result.meanHundredths, settings.bands) };
    }
  }
  if (next.status !== evaluation.status) {
    await tx.evaluation.update({
      where: { id: evaluationId },
      data: { status: next.status, scoreHundredths: next.scoreHundredths, spreadHundredths: next.spreadHundredths, grade: next.grade, version: { increment: 1 } },
    });
  }
  return next;
}
