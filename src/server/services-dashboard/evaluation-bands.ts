import "server-only";
import { prisma } from "@/server/db";
import { evaluationScope } from "@/server/authz/scope";
import type { TCurrentUser } from "@/server/auth/session";

// The purchased-services dashboard's card "evaluation results by band" (issue 14): per evaluation
// kind, how many published results (appeal window open, under appeal, final) are 优秀/良好/合格/不合格,
// in the reader's scope of evaluations (evaluationScope: the city all, a district its own, a
// department its projects and agencies). Live, not cached: a publication shows at once.

export const BAND_KINDS = ["PROJECT_MIDTERM", "PROJECT_FINAL", "AGENCY_GRADING", "PERSONAL_APPRAISAL"] as const;
export const BAND_GRADES = ["EXCELLENT", "GOOD", "PASS", "FAIL"] as const;
export type TBandKind = (typeof BAND_KINDS)[number];
export type TBandGrade = (typeof BAND_GRADES)[number];
export type TEvaluationBands = { kind: TBandKind; counts: Record<TBandGrade, number>; total: number }[];

export async function evaluationBands(user: TCurrentUser): Promise<TEvaluationBands> {
  const groups = await prisma.evaluation.groupBy({
    by: ["kind", "grade"],
    where: { AND: [evaluationScope(user, "evaluations.read"), { status: { in: ["PUBLISHED", "UNDER_APPEAL", "FINAL"] } }, { grade: { not: null } }] },
    _count: { _all: true },
  });
  return BAND_KINDS.map((kind) => {
    const counts = Object.fromEntries(BAND_GRADES.map((g) => [g, groups.find((x) => x.kind === kind && x.grade === g)?._count._all ?? 0])) as Record<TBandGrade, number>;
    return { kind, counts, total: BAND_GRADES.reduce((a, g) => a + counts[g], 0) };
  });
}
