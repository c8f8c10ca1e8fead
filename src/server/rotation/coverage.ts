import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { getTrainingSettings } from "@/server/plan/training-settings";
import type { TTrainingStatsScope } from "@/server/trainings/stats";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { coverageSince, rotationShare } from "@/domain/rotation/coverage";

// Rotation coverage (plan.md T2, issue 12 §2): of the people on the departments' rotation lists,
// the share who attended rotation training (completed a programme of kind ROTATION) that ended in
// the last N years (rotationCoverageYears; src/domain/rotation/coverage.ts), per department and per
// district, computed in SQL. A list's district is its department's: a district's bureau belongs to
// its district, a city bureau to the city level (district null). Totals and districts count people
// (someone on two lists once, covered or not); a department's row counts its own list.
// The scope is the training dashboard's (src/server/trainings/stats.ts): the whole city, a district
// (departments in it), or a department (itself and those it supervises).

/** The list's department (alias o, region r) is inside the scope. */
function inScope(scope: TTrainingStatsScope): Prisma.Sql {
  switch (scope.kind) {
    case "city":
      return Prisma.sql`TRUE`;
    case "district":
      return Prisma.sql`r.path LIKE ${`${scope.regionPath}%`}`;
    case "department":
      return Prisma.sql`(o.id = ${scope.departmentId} OR o."supervisingDepartmentId" = ${scope.departmentId})`;
  }
}

type TRow = { key: string | null; listed: bigint; covered: bigint; never: bigint };

export type TCoverageRow = { id: string | null; name: string; nameHant: string | null; nameEn: string | null; listed: number; covered: number; never: number; share: number | null };

/** Coverage totals, and rows by department and by district (null: city level), for a scope. */
export async function rotationCoverage(scope: TTrainingStatsScope, today = todayInCity()) {
  const years = (await getTrainingSettings()).rotationCoverageYears;
  const since = coverageSince(today, years);
  // One row per list entry, with the end of the person's last rotation programme completed.
  const entries = Prisma.sql`
    SELECT le."organizationId" AS dept, le."practitionerId" AS person, NULLIF(split_part(r.path, '/', 3), '') AS district,
           (SELECT max(t."endDate") FROM "TrainingEnrolment" e JOIN "Training" t ON t.id = e."trainingId"
             WHERE e."practitionerId" = le."practitionerId" AND e.status = 'COMPLETED' AND t.kind = 'ROTATION' AND t."endDate" <= ${today}::date) AS last
      FROM "RotationListEntry" le JOIN "Organization" o ON o.id = le."organizationId" JOIN "Region" r ON r.id = o."regionId"
     WHERE ${inScope(scope)}`;
  const agg = (key: Prisma.Sql) => Prisma.sql`
    SELECT ${key} AS key, count(DISTINCT person) AS listed,
           count(DISTINCT person) FILTER (WHERE last >= ${since}::date) AS covered,
           count(DISTINCT person) FILTER (WHERE last IS NULL) AS never
      FROM x`;
  const [totals, byDept, byDistrict] = await Promise.all([
    prisma.$queryRaw<TRow[]>`WITH x AS (${entries}) ${agg(Prisma.sql`NULL::text`)}`,
    prisma.$queryRaw<TRow[]>`WITH x AS (${entries}) ${agg(Prisma.sql`dept`)} GROUP BY dept`,
    prisma.$queryRaw<TRow[]>`WITH x AS (${entries}) ${agg(Prisma.sql`district`)} GROUP BY district`,
  ]);
  const ids = [...byDept.map((r) => r.key), ...byDistrict.map((r) => r.key)].filter((k): k is string => !!k);
  const [orgs, regions] = await Promise.all([
    prisma.organization.findMany({ where: { id: { in: ids } }, select: namedSelect }),
    prisma.region.findMany({ where: { id: { in: ids } }, select: { ...namedSelect, code: true } }),
  ]);
  const named = new Map([...orgs, ...regions].map((x) => [x.id, x]));
  const row = (r: TRow): TCoverageRow => {
    const n = r.key ? named.get(r.key) : undefined;
    const listed = Number(r.listed);
    const covered = Number(r.covered);
    return { id: r.key, name: n?.name ?? "", nameHant: n?.nameHant ?? null, nameEn: n?.nameEn ?? null, listed, covered, never: Number(r.never), share: rotationShare(covered, listed) };
  };
  // Least covered first: where a cohort is most needed.
  const order = (a: TCoverageRow, b: TCoverageRow) => (a.share ?? 1) - (b.share ?? 1) || b.listed - a.listed || a.name.localeCompare(b.name, "zh-Hans");
  const regionCode = new Map(regions.map((r) => [r.id, r.code]));
  const t = totals[0] ?? { key: null, listed: 0n, covered: 0n, never: 0n };
  const listed = Number(t.listed);
  const covered = Number(t.covered);
  return {
    scope,
    years,
    since,
    listed,
    covered,
    never: Number(t.never),
    share: rotationShare(covered, listed),
    byDepartment: byDept.map(row).sort(order),
    // Districts in their code order; the city level last.
    byDistrict: byDistrict.map(row).sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : (regionCode.get(a.id) ?? "").localeCompare(regionCode.get(b.id) ?? ""))),
  };
}
export type TRotationCoverage = Awaited<ReturnType<typeof rotationCoverage>>;

/** The coverage scope of a user holding rotation.read (null: they do not). */
export function rotationCoverageScopeOf(user: Pick<TPrincipal, "role" | "regionPath" | "organizationId">): TTrainingStatsScope | null {
  switch (scopeOf(user.role, "rotation.read")) {
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
