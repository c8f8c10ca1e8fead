import { randomBytes } from "node:crypto";
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { gradeOf, panelResult, sheetHundredths, type TGradeBands } from "@/domain/evaluations/rules";

// An evaluation with its panel's sheets, written straight to the database in SCORED (or a later
// status), for tests and e2e worlds that start where the scoring ends (issue 14 part B). The
// result is computed by the rules (src/domain/evaluations/rules.ts), as the scoring would.

type TDb = PrismaClient | Prisma.TransactionClient;
type TKind = "PROJECT_MIDTERM" | "PROJECT_FINAL" | "AGENCY_GRADING" | "PERSONAL_APPRAISAL";

const tag = () => randomBytes(4).toString("hex").toUpperCase();

/** A rubric of `kind` with criteria of `weights` (adding up to 100), as a new version. */
export async function makeRubric(db: TDb, kind: TKind, weights: readonly number[] = [40, 30, 30]) {
  const latest = await db.rubric.findFirst({ where: { kind }, orderBy: { version: "desc" }, select: { version: true } });
  return db.rubric.create({
    data: {
      kind,
      version: (latest?.version ?? 0) + 1,
      name: `测试指标体系 ${tag()}`,
      criteria: { create: weights.map((weight, i) => ({ number: i + 1, name: `评估指标${i + 1}`, weight, descriptor: `评分说明${i + 1}` })) },
    },
    select: { id: true, criteria: { select: { id: true, weight: true, number: true }, orderBy: { number: "asc" } } },
  });
}

export type TScoredEvaluationInput = {
  kind: TKind;
  bodyId: string;
  /** The evaluated agency (projects and gradings). */
  organizationId?: string | null;
  contractId?: string | null;
  practitionerId?: string | null;
  /** The scorers (EVALUATOR users of the body) and their sheets: one score 0–100 per criterion, in order. */
  panel: { userId: string; scores: readonly number[] }[];
  /** Scorers on the panel who were recused (and scored nothing). */
  recused?: string[];
  weights?: readonly number[];
  bands?: TGradeBands;
  reference?: string;
  year?: number;
};

/** An evaluation in SCORED: every non-recused scorer submitted; mean, spread and grade stored. */
export async function makeScoredEvaluation(db: TDb, input: TScoredEvaluationInput) {
  const rubric = await makeRubric(db, input.kind, input.weights);
  const totals = input.panel.map((p) => {
    const total = sheetHundredths(rubric.criteria, new Map(rubric.criteria.map((c, i) => [c.id, p.scores[i]!])));
    if (total === null) throw new Error("makeScoredEvaluation: a sheet is incomplete");
    return total;
  });
  const result = panelResult(totals)!;
  const year = input.year ?? 2026;
  const now = new Date();
  const evaluation = await db.evaluation.create({
    data: {
      reference: input.reference ?? `PG-${year}-T${tag()}`,
      kind: input.kind,
      rubricId: rubric.id,
      bodyId: input.bodyId,
      organizationId: input.organizationId ?? null,
      contractId: input.contractId ?? null,
      practitionerId: input.practitionerId ?? null,
      track: input.kind === "PERSONAL_APPRAISAL" ? "FRONTLINE" : null,
      year,
      dueDate: new Date(Date.UTC(year, 11, 31)),
      status: "SCORED",
      scoreHundredths: result.meanHundredths,
      spreadHundredths: result.spreadHundredths,
      grade: gradeOf(result.meanHundredths, input.bands),
    },
    select: { id: true, reference: true, version: true, scoreHundredths: true, spreadHundredths: true, grade: true },
  });
  for (const p of input.panel) {
    await db.evaluationScorer.create({
      data: {
        evaluationId: evaluation.id,
        userId: p.userId,
        submittedAt: now,
        scores: { create: rubric.criteria.map((c, i) => ({ criterionId: c.id, score: p.scores[i]! })) },
      },
    });
  }
  for (const userId of input.recused ?? []) {
    await db.evaluationScorer.create({ data: { evaluationId: evaluation.id, userId, recusedAt: now, recusalReason: "DECLARED", recusalNote: "利益冲突", declaredAt: now } });
  }
  return { ...evaluation, totals };
}
