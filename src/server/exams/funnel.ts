import "server-only";
import { reuseWhileUnchanged } from "@/server/dashboards/cache";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import type { TTrainingStatsScope } from "@/server/trainings/stats";
import { scopeOf, type TAction } from "@/domain/authz/matrix";
import { EXAM_LEVELS, type TExamLevel } from "@/domain/exams/rules";

// The cultivation funnel of plan.md G2 for one calendar year and a scope (the whole city, a
// district by the people's employers' region, a department with the organisations it supervises),
// computed in SQL. Each stage counts people (docs/decisions/016-exam-pipeline.md):
//   trained — completed a programme of kind PROFESSIONAL or EXAM_PREPARATION that ended in the year;
//   sat     — have an exam sitting recorded for the year (any level);
//   passed  — have a PASSED sitting for the year;
//   counted — count toward the plan now (isQualified) and have done so since a day in the year.
// People reach a stage without the one before it (someone sits without training with us, a
// certificate of an earlier pass is verified this year), so each stage also says how many of its
// people were in the stage before: that is the conversion.

export const FUNNEL_STAGES = ["trained", "sat", "passed", "counted"] as const;
export type TFunnelStage = (typeof FUNNEL_STAGES)[number];

/** Programme kinds whose completion counts as "trained" for the exam. */
export const FUNNEL_TRAINING_KINDS = ["PROFESSIONAL", "EXAM_PREPARATION"] as const;

export type TExamFunnel = {
  year: number;
  scope: TTrainingStatsScope;
  stages: { stage: TFunnelStage; people: number; /** Of them, in the stage before (null for the first). */ fromPrevious: number | null }[];
  byLevel: { level: TExamLevel; sat: number; passed: number }[];
};

/** The person (alias p, employer o) is inside the scope: the same rule as trainingStats. */
function inScope(scope: TTrainingStatsScope): Prisma.Sql {
  switch (scope.kind) {
    case "city":
      return Prisma.sql`TRUE`;
    case "district":
      return Prisma.sql`p."regionPath" LIKE ${`${scope.regionPath}%`}`;
    case "department":
      return Prisma.sql`(o.id = ${scope.departmentId} OR o."supervisingDepartmentId" = ${scope.departmentId})`;
  }
}

/** The funnel's scope for a user holding `action` (the growth dashboard's, by default); null when they do not. */
export function examFunnelScopeOf(user: Pick<TCurrentUser, "role" | "regionPath" | "organizationId">, action: TAction = "dashboard.growth.read"): TTrainingStatsScope | null {
  switch (scopeOf(user.role, action)) {
    case "city":
      return { kind: "city" };
    case "district":
      return user.regionPath ? { kind: "district", regionPath: user.regionPath } : null;
    case "department":
      return user.organizationId ? { kind: "department", departmentId: user.organizationId } : null;
    default:
      return null;
  }
}

export async function examFunnel({ year, scope }: { year: number; scope: TTrainingStatsScope }): Promise<TExamFunnel> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year, 11, 31));
  const kinds = Prisma.join(FUNNEL_TRAINING_KINDS.map((k) => Prisma.sql`${k}::"TrainingKind"`));
  const [row] = await prisma.$queryRaw<{ trained: bigint; sat: bigint; satTrained: bigint; passed: bigint; counted: bigint; countedPassed: bigint }[]>`
    WITH people AS (
      SELECT p.id FROM "Practitioner" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE ${inScope(scope)}
    ), trained AS (
      SELECT DISTINCT e."practitionerId" AS id
        FROM "TrainingEnrolment" e JOIN "Training" t ON t.id = e."trainingId" JOIN people ON people.id = e."practitionerId"
       WHERE e.status = 'COMPLETED' AND t.kind IN (${kinds}) AND t."endDate" BETWEEN ${from}::date AND ${to}::date
    ), sat AS (
      SELECT DISTINCT s."practitionerId" AS id FROM "ExamSitting" s JOIN people ON people.id = s."practitionerId" WHERE s.year = ${year}
    ), passed AS (
      SELECT DISTINCT s."practitionerId" AS id FROM "ExamSitting" s JOIN people ON people.id = s."practitionerId" WHERE s.year = ${year} AND s.result = 'PASSED'
    ), counted AS (
      SELECT q.id FROM "Practitioner" q JOIN people ON people.id = q.id WHERE q."isQualified" AND q."qualifiedSince" BETWEEN ${from}::date AND ${to}::date
    )
    SELECT (SELECT count(*) FROM trained) AS trained,
           (SELECT count(*) FROM sat) AS sat,
           (SELECT count(*) FROM sat JOIN trained USING (id)) AS "satTrained",
           (SELECT count(*) FROM passed) AS passed,
           (SELECT count(*) FROM counted) AS counted,
           (SELECT count(*) FROM counted JOIN passed USING (id)) AS "countedPassed"`;
  const levels = await prisma.$queryRaw<{ level: string; sat: bigint; passed: bigint }[]>`
    SELECT s.level::text AS level, count(DISTINCT s."practitionerId") AS sat, count(DISTINCT s."practitionerId") FILTER (WHERE s.result = 'PASSED') AS passed
      FROM "ExamSitting" s JOIN "Practitioner" p ON p.id = s."practitionerId" LEFT JOIN "Organization" o ON o.id = p."organizationId"
     WHERE s.year = ${year} AND ${inScope(scope)}
     GROUP BY 1`;
  const n = (x: bigint | undefined) => Number(x ?? 0n);
  const byLevel = new Map(levels.map((l) => [l.level, l]));
  return {
    year,
    scope,
    stages: [
      { stage: "trained", people: n(row?.trained), fromPrevious: null },
      { stage: "sat", people: n(row?.sat), fromPrevious: n(row?.satTrained) },
      // Everyone who passed sat: the stage before holds them all.
      { stage: "passed", people: n(row?.passed), fromPrevious: n(row?.passed) },
      { stage: "counted", people: n(row?.counted), fromPrevious: n(row?.countedPassed) },
    ],
    byLevel: EXAM_LEVELS.map((level) => ({ level, sat: n(byLevel.get(level)?.sat), passed: n(byLevel.get(level)?.passed) })),
  };
}

const scopeKey = (s: TTrainingStatsScope) => (s.kind === "city" ? "city" : s.kind === "district" ? `district:${s.regionPath}` : `department:${s.departmentId}`);

/** The funnel as the dashboards read it: one computation per scope and year while nothing changes (dashboards/cache.ts). */
export function examFunnelCached(args: { year: number; scope: TTrainingStatsScope }, now = new Date()): Promise<TExamFunnel> {
  return reuseWhileUnchanged(`funnel|${scopeKey(args.scope)}|${args.year}`, () => examFunnel(args), now);
}
