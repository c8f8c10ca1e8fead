import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";

// Figures of training for the "Training and development" dashboard (issue 12 §4), computed in SQL:
// hours delivered (sessions attended), people trained (completions) by kind, practice field, area
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

/** A LIKE pattern for "starts with `prefix`", its wildcards escaped (ids may hold "_"). */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The practitioner (alias p, employer alias o) is inside the scope: by the employer's region, or employed by the department or an organisation it supervises. */
export function statsScopeSql(scope: TTrainingStatsScope): Prisma.Sql {
  switch (scope.kind) {
    case "city":
      return Prisma.sql`TRUE`;
    case "district":
      return Prisma.sql`p."regionPath" LIKE ${likePrefix(scope.regionPath)}`;
    case "department":
      return Prisma.sql`(o.id = ${scope.departmentId} OR o."supervisingDepartmentId" = ${scope.departmentId})`;
  }
}

/**
 * Which segment of the region path ("/city/district/street/…", split_part is 1-based) names the
 * area one level below the scope: the district for the city and a department (whose organisations
 * may lie in several districts), the street for a district.
 */
export function areaPart(scope: TTrainingStatsScope): number {
  return scope.kind === "district" ? scope.regionPath.split("/").filter(Boolean).length + 2 : 3;
}

const FROM = Prisma.sql`"TrainingEnrolment" e JOIN "Training" t ON t.id = e."trainingId" JOIN "Practitioner" p ON p.id = e."practitionerId" LEFT JOIN "Organization" o ON o.id = p."organizationId"`;

/** One row of a breakdown. `key` null: people with no such attribute (no department; employed at the scope's own level). */
export type TStatsCount = { key: string | null; people: number; completions: number; halfHours: number };
type TRawCount = { dim: string; key: string | null; people: bigint; completions: bigint; halfHours: bigint | null; programmes: bigint | null };

const n = (x: bigint | number | null | undefined) => Number(x ?? 0);
const byPeople = (a: TStatsCount, b: TStatsCount) => b.people - a.people || b.completions - a.completions || (a.key ?? "\uffff").localeCompare(b.key ?? "\uffff");

/**
 * The period's figures. Completions count by the programme's end date in the period; hours
 * delivered are the half hours of sessions attended whose date is in the period (also by month);
 * money is the training subsidy promised (outstanding) and paid for participants in scope, on the
 * training-subsidy lines of the funds of the period's years (a fund is a year's).
 */
export async function trainingStats(f: TTrainingStatsFilter) {
  const inScope = statsScopeSql(f.scope);
  const area = areaPart(f.scope);
  // One pass over the period's completions, grouped five ways (the growth dashboard's pattern).
  const completions = prisma.$queryRaw<TRawCount[]>`
    WITH c AS MATERIALIZED (
      SELECT e."practitionerId" AS pid, t.id AS tid, t.kind::text AS kind, t."cpdHalfHours" AS hh, p."practiceFields" AS fields,
             NULLIF(split_part(p."regionPath", '/', ${area}::int), '') AS area,
             CASE WHEN o.kind = 'GOVERNMENT_DEPARTMENT' THEN o.id ELSE o."supervisingDepartmentId" END AS dept
        FROM ${FROM}
       WHERE e.status = 'COMPLETED' AND t."endDate" BETWEEN ${f.from}::date AND ${f.to}::date AND ${inScope})
    SELECT 'total' AS dim, NULL AS key, count(DISTINCT pid) AS people, count(*) AS completions, sum(hh)::bigint AS "halfHours", count(DISTINCT tid) AS programmes FROM c
    UNION ALL SELECT 'kind', kind, count(DISTINCT pid), count(*), sum(hh)::bigint, NULL FROM c GROUP BY kind
    UNION ALL SELECT 'area', area, count(DISTINCT pid), count(*), sum(hh)::bigint, NULL FROM c GROUP BY area
    UNION ALL SELECT 'department', dept, count(DISTINCT pid), count(*), sum(hh)::bigint, NULL FROM c GROUP BY dept
    UNION ALL SELECT 'field', fd::text, count(DISTINCT pid), count(*), sum(hh)::bigint, NULL FROM c CROSS JOIN LATERAL unnest(c.fields) AS fd GROUP BY fd`;
  // Sessions attended, by month; ROLLUP's row (month NULL) is the period's total with distinct attendees.
  const delivered = prisma.$queryRaw<{ month: string | null; halfHours: bigint | null; people: bigint }[]>`
    SELECT to_char(s.date, 'YYYY-MM') AS month, sum(s."halfHours")::bigint AS "halfHours", count(DISTINCT e."practitionerId") AS people
      FROM "TrainingAttendance" a JOIN "TrainingSession" s ON s.id = a."sessionId" JOIN ${FROM} ON e.id = a."enrolmentId"
     WHERE a.present AND s.date BETWEEN ${f.from}::date AND ${f.to}::date AND ${inScope}
     GROUP BY ROLLUP (1) ORDER BY 1 NULLS FIRST`;
  const years = [f.from.getUTCFullYear(), f.to.getUTCFullYear()] as const;
  // The ledger's references: training:<enrolmentId>[:release|:spend] (src/server/funds/ledger.ts).
  const money = prisma.$queryRaw<{ kind: string; amount: bigint | null }[]>`
    SELECT fe.kind::text AS kind, sum(fe."amountFen")::bigint AS amount
      FROM "FundEntry" fe JOIN "BudgetLine" l ON l.id = fe."lineId" JOIN "Fund" fu ON fu.id = l."fundId"
      JOIN ${FROM} ON e.id = split_part(fe."sourceRef", ':', 2)
     WHERE l.kind = 'TRAINING_SUBSIDY' AND fu.year BETWEEN ${years[0]}::int AND ${years[1]}::int AND fe."sourceRef" LIKE 'training:%' AND ${inScope}
     GROUP BY 1`;
  const [rows, hours, sums] = await Promise.all([completions, delivered, money]);
  const counts = (dim: string): TStatsCount[] =>
    rows.filter((r) => r.dim === dim).map((r) => ({ key: r.key, people: n(r.people), completions: n(r.completions), halfHours: n(r.halfHours) })).sort(byPeople);
  const total = rows.find((r) => r.dim === "total");
  const totalHours = hours.find((h) => h.month === null);
  const of = (k: string) => sums.find((m) => m.kind === k)?.amount ?? 0n;
  return {
    programmes: n(total?.programmes),
    peopleTrained: n(total?.people),
    completions: n(total?.completions),
    /** CPD half hours credited by the completions. */
    creditedHalfHours: n(total?.halfHours),
    /** Half hours of sessions attended in the period (person × session). */
    deliveredHalfHours: n(totalHours?.halfHours),
    attendees: n(totalHours?.people),
    /** Half hours attended by month (YYYY-MM), months with attendance only. */
    deliveredByMonth: hours.filter((h) => h.month !== null).map((h) => ({ month: h.month!, halfHours: n(h.halfHours), people: n(h.people) })),
    byKind: counts("kind"),
    byField: counts("field"),
    /** By the area one level below the scope (areaPart): districts, or a district's streets. */
    byArea: counts("area"),
    byDepartment: counts("department"),
    /** Subsidy promised and not yet paid or given back, and paid, in fen. */
    subsidyOutstandingFen: of("COMMITMENT") - of("RELEASE"),
    subsidySpentFen: of("SPENDING"),
  };
}
export type TTrainingStats = Awaited<ReturnType<typeof trainingStats>>;
