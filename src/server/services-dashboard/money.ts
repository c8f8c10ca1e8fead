import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { likePrefix } from "@/server/trainings/stats";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import type { TNamed } from "@/i18n/local-name";

// Contract value promised and paid, by district, project type, practice field, commissioning
// department, kind of agency (non-governmental or not), contract status and month (plan.md T5,
// S2, S3): SQL aggregates over the contracts a filter selects (a fund's lines, or a reader's scope),
// never the rows themselves. "Promised" is a contract's value (committed to its line when it was
// signed; a terminated contract promises only what it paid); "paid" the PAID disbursements
// against its milestones, in the month they were paid (the city's day, UTC+8).

/** Which contracts a breakdown covers: a reader's scope (via the contract's call) or a fund's lines. */
export type TServicesScope = { kind: "city" } | { kind: "district"; regionPath: string } | { kind: "department"; departmentId: string };

/** The scope of a user holding dashboard.services.read (null: they do not, or their account lacks its anchor). */
export function servicesScopeOf(user: Pick<TPrincipal, "role" | "regionPath" | "organizationId">): TServicesScope | null {
  switch (scopeOf(user.role, "dashboard.services.read")) {
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

/** The SQL condition on a call aliased `sc` for a scope: the district's calls (by region), the department's (as commissioner). */
export function callInScope(scope: TServicesScope): Prisma.Sql {
  if (scope.kind === "district") return Prisma.sql`sc."regionPath" LIKE ${likePrefix(scope.regionPath)}`;
  if (scope.kind === "department") return Prisma.sql`sc."departmentId" = ${scope.departmentId}`;
  return Prisma.sql`TRUE`;
}

export const scopeKey = (s: TServicesScope) => (s.kind === "city" ? "city" : s.kind === "district" ? `district:${s.regionPath}` : `department:${s.departmentId}`);

export const MONEY_DIMS = ["district", "type", "field", "department", "private", "status", "month"] as const;
export type TMoneyDim = (typeof MONEY_DIMS)[number];
/** One row of a breakdown: `key` null = no such attribute (e.g. a call of the city itself has no department). */
export type TMoneyRow = { key: string | null; contracts: number; promisedFen: bigint; paidFen: bigint };
export type TMoneyBreakdown = Record<TMoneyDim, TMoneyRow[]> & { total: TMoneyRow };

type TRaw = { dim: string; key: string | null; contracts: bigint | null; promised: bigint | null; paid: bigint | null };

/** The breakdown of the contracts `where` selects (a condition on `ct` the contract, `sc` its call, `l` its line). */
export async function moneyBreakdown(where: Prisma.Sql): Promise<TMoneyBreakdown> {
  // One pass over the contracts and one over their paid disbursements (summed per contract and
  // month first), then every breakdown from those two small sets.
  const rows = await prisma.$queryRaw<TRaw[]>`
    WITH c AS MATERIALIZED (
      SELECT ct.id, CASE WHEN ct.status = 'TERMINATED' THEN 0::bigint ELSE ct."valueFen" END AS value, ct.status::text AS status,
             sc.type::text AS type, sc."practiceField"::text AS field, sc."departmentId" AS department,
             NULLIF(split_part(sc."regionPath", '/', 3), '') AS district, o."isPrivate"::text AS private,
             to_char(ct."createdAt" + interval '8 hours', 'YYYY-MM') AS month
        FROM "Contract" ct JOIN "ServiceCall" sc ON sc.id = ct."callId" JOIN "BudgetLine" l ON l.id = ct."budgetLineId"
        JOIN "Organization" o ON o.id = ct."organizationId"
       WHERE ${where}),
    pcm AS MATERIALIZED (
      SELECT m."contractId" AS cid, date_trunc('month', d."decidedAt" + interval '8 hours') AS month, sum(d."amountFen")::bigint AS paid
        FROM c JOIN "Milestone" m ON m."contractId" = c.id JOIN "Disbursement" d ON d."milestoneId" = m.id
       WHERE d.status = 'PAID'
       GROUP BY 1, 2),
    cc AS MATERIALIZED (
      SELECT c.*, COALESCE(pp.paid, 0)::bigint AS paid FROM c LEFT JOIN (SELECT cid, sum(paid) AS paid FROM pcm GROUP BY cid) pp ON pp.cid = c.id)
    SELECT 'total' AS dim, NULL AS key, count(*) AS contracts, sum(value)::bigint AS promised, sum(paid)::bigint AS paid FROM cc
    UNION ALL SELECT 'district', district, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY district
    UNION ALL SELECT 'type', type, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY type
    UNION ALL SELECT 'field', field, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY field
    UNION ALL SELECT 'department', department, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY department
    UNION ALL SELECT 'private', private, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY private
    UNION ALL SELECT 'status', status, count(*), sum(value)::bigint, sum(paid)::bigint FROM cc GROUP BY status
    UNION ALL SELECT 'month', month, count(*), sum(value)::bigint, NULL FROM cc GROUP BY month
    UNION ALL SELECT 'month', to_char(month, 'YYYY-MM'), NULL, NULL, sum(paid)::bigint FROM pcm GROUP BY month`;
  const out = Object.fromEntries(MONEY_DIMS.map((d) => [d, new Map<string | null, TMoneyRow>()])) as Record<TMoneyDim | "total", Map<string | null, TMoneyRow>>;
  out.total = new Map();
  for (const r of rows) {
    const map = out[r.dim as TMoneyDim | "total"];
    const row = map.get(r.key) ?? { key: r.key, contracts: 0, promisedFen: 0n, paidFen: 0n };
    if (r.contracts !== null) row.contracts += Number(r.contracts);
    row.promisedFen += r.promised ?? 0n;
    row.paidFen += r.paid ?? 0n;
    map.set(r.key, row);
  }
  const byValue = (a: TMoneyRow, b: TMoneyRow) => (b.promisedFen > a.promisedFen ? 1 : b.promisedFen < a.promisedFen ? -1 : String(a.key).localeCompare(String(b.key)));
  const list = (d: TMoneyDim) => [...out[d].values()].sort(d === "month" ? (a, b) => String(a.key).localeCompare(String(b.key)) : byValue);
  return {
    ...(Object.fromEntries(MONEY_DIMS.map((d) => [d, list(d)])) as Record<TMoneyDim, TMoneyRow[]>),
    total: out.total.get(null) ?? { key: null, contracts: 0, promisedFen: 0n, paidFen: 0n },
  };
}

/** Names of the regions and organisations a breakdown's keys refer to. */
export async function namesOf(b: Pick<TMoneyBreakdown, "district" | "department">): Promise<Map<string, TNamed>> {
  const regionIds = b.district.map((r) => r.key).filter((k): k is string => !!k);
  const orgIds = b.department.map((r) => r.key).filter((k): k is string => !!k);
  const [regions, orgs] = await Promise.all([
    regionIds.length ? prisma.region.findMany({ where: { id: { in: regionIds } }, select: namedSelect }) : [],
    orgIds.length ? prisma.organization.findMany({ where: { id: { in: orgIds } }, select: namedSelect }) : [],
  ]);
  return new Map([...regions, ...orgs].map((x) => [x.id, x]));
}

/** The contracts drawing on one fund's lines. */
export const ofFund = (fundId: string) => Prisma.sql`l."fundId" = ${fundId}`;
