import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";

// Figures of training for the "Training and development" dashboard (issue 12 §4), computed in SQL:
// hours delivered (sessions attended), people trained (completions) by practice field, district
// and department, and the training subsidy promised and paid. Each is limited to a period and a
// scope: the whole city, a district (the participants' employers' region) or a department (its
// own people and those of the organisations it supervises).

export type TTrainingStatsScope = { kind: "city" } | { kind: "district"; regionPath: string } | { kind: "department"; departmentId: string };
export type TTrainingStatsFilter = { from: Date; to: Date; scope: TTrainingStatsScope };

/** The stats scope of a user holding dashboard.training.read (null: they do not). */
export function trainingStatsScopeOf(user: Pick<TCurrentUser, "role" | "regionPath" | "organizationId">): TTrainingStatsScope | null {
  switch (scopeOf(user.role, "dashboard.training.read")) {
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

/** The participant (alias p, employer o) is inside the scope. */
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

const FROM = Prisma.sql`"TrainingEnrolment" e JOIN "Training" t ON t.id = e."trainingId" JOIN "Practitioner" p ON p.id = e."practitionerId" LEFT JOIN "Organization" o ON o.id = p."organizationId"`;

type TCount = { key: string | null; people: number; completions: number; halfHours: number };

/**
 * The period's figures. Completions count by the programme's end date in the period; hours
 * delivered are the half hours of sessions attended whose date is in the period; money is the
 * subsidy promised (outstanding) and paid for participants in scope.
 */
export async function trainingStats(f: TTrainingStatsFilter) {
  const where = Prisma.sql`e.status = 'COMPLETED' AND t."endDate" BETWEEN ${f.from}::date AND ${f.to}::date AND ${inScope(f.scope)}`;
  const group = (key: Prisma.Sql, extraJoin = Prisma.empty) =>
    prisma.$queryRaw<{ key: string | null; people: bigint; completions: bigint; halfHours: bigint | null }[]>`
      SELECT ${key} AS key, count(DISTINCT e."practitionerId") AS people, count(*) AS completions, sum(t."cpdHalfHours")::bigint AS "halfHours"
        FROM ${FROM} ${extraJoin} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`;
  const [totals, byKind, byField, byDistrict, byDepartment, delivered, money] = await Promise.all([
    prisma.$queryRaw<{ people: bigint; completions: bigint; halfHours: bigint | null; programmes: bigint }[]>`
      SELECT count(DISTINCT e."practitionerId") AS people, count(*) AS completions, sum(t."cpdHalfHours")::bigint AS "halfHours", count(DISTINCT t.id) AS programmes FROM ${FROM} WHERE ${where}`,
    group(Prisma.sql`t.kind::text`),
    group(Prisma.sql`f.field::text`, Prisma.sql`CROSS JOIN LATERAL unnest(p."practiceFields") AS f(field)`),
    group(Prisma.sql`d.id`, Prisma.sql`LEFT JOIN "Region" d ON d.level = 'DISTRICT' AND p."regionPath" LIKE d.path || '%'`),
    group(Prisma.sql`CASE WHEN o.kind = 'GOVERNMENT_DEPARTMENT' THEN o.id ELSE o."supervisingDepartmentId" END`),
    prisma.$queryRaw<{ halfHours: bigint | null; people: bigint }[]>`
      SELECT sum(s."halfHours")::bigint AS "halfHours", count(DISTINCT e."practitionerId") AS people
        FROM "TrainingAttendance" a JOIN "TrainingSession" s ON s.id = a."sessionId" JOIN ${FROM} ON e.id = a."enrolmentId"
       WHERE a.present AND s.date BETWEEN ${f.from}::date AND ${f.to}::date AND ${inScope(f.scope)}`,
    prisma.$queryRaw<{ kind: string; amount: bigint | null }[]>`
      SELECT fe.kind::text AS kind, sum(fe."amountFen")::bigint AS amount
        FROM "FundEntry" fe JOIN ${FROM} ON fe."sourceRef" IN ('training:' || e.id, 'training:' || e.id || ':release', 'training:' || e.id || ':spend')
       WHERE fe."createdAt" < (${f.to}::date + 1) AND ${inScope(f.scope)}
       GROUP BY 1`,
  ]);
  const n = (x: bigint | null | undefined) => Number(x ?? 0n);
  const counts = (rows: { key: string | null; people: bigint; completions: bigint; halfHours: bigint | null }[]): TCount[] => rows.map((r) => ({ key: r.key, people: n(r.people), completions: n(r.completions), halfHours: n(r.halfHours) }));
  const of = (k: string) => money.find((m) => m.kind === k)?.amount ?? 0n;
  return {
    programmes: n(totals[0]?.programmes),
    peopleTrained: n(totals[0]?.people),
    completions: n(totals[0]?.completions),
    /** CPD half hours credited by the completions. */
    creditedHalfHours: n(totals[0]?.halfHours),
    /** Half hours of sessions attended in the period (person × session). */
    deliveredHalfHours: n(delivered[0]?.halfHours),
    attendees: n(delivered[0]?.people),
    byKind: counts(byKind),
    byField: counts(byField),
    byDistrict: counts(byDistrict),
    byDepartment: counts(byDepartment),
    /** Subsidy promised and not yet paid or given back, and paid, in fen. */
    subsidyOutstandingFen: of("COMMITMENT") - of("RELEASE"),
    subsidySpentFen: of("SPENDING"),
  };
}
export type TTrainingStats = Awaited<ReturnType<typeof trainingStats>>;
