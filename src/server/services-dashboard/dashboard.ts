import "server-only";
import { prisma } from "@/server/db";
import { linesOfYear, type TYearLine } from "@/server/funds/queries";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { reuseWhileUnchanged } from "@/server/dashboards/cache";
import { callInScope, moneyBreakdown, namesOf, scopeKey, type TServicesScope } from "./money";

// The purchased-services dashboard (issue 13 §3; plan.md T5, S2, S3): contract value by district,
// project type, practice field and commissioning department; the share going to non-governmental
// agencies; projects by stage (calls and contracts by status); milestone delays; and the lines of
// this year's funds. Every figure is an SQL aggregate inside the reader's scope (money.ts); the page
// reuses one result per scope while nothing changes (../dashboards/cache.ts, docs/decisions/005).
// Contracts with staffing shortfalls come from the contracts feature (contractShortfalls).

/** How many late milestones the dashboard lists (the count and the oldest cover them all). */
export const DELAYS_LISTED = 10;

export async function getServicesDashboard(scope: TServicesScope, now = new Date()) {
  const today = todayInCity(now);
  const inScope = callInScope(scope);
  const [money, calls, delays, late, lines] = await Promise.all([
    moneyBreakdown(inScope),
    prisma.$queryRaw<{ status: string; calls: bigint; budget: bigint | null }[]>`
      SELECT sc.status::text AS status, count(*) AS calls, sum(sc."budgetFen")::bigint AS budget FROM "ServiceCall" sc WHERE ${inScope} GROUP BY 1`,
    // Due and not accepted, past the due date, on contracts still running.
    prisma.$queryRaw<{ count: bigint; oldest: Date | null; amount: bigint | null }[]>`
      SELECT count(*) AS count, min(m."dueDate") AS oldest, sum(m."amountFen")::bigint AS amount
        FROM "Milestone" m JOIN "Contract" ct ON ct.id = m."contractId" JOIN "ServiceCall" sc ON sc.id = ct."callId"
       WHERE m.status <> 'ACCEPTED' AND m."dueDate" < ${today}::date AND ct.status = 'ACTIVE' AND ${inScope}`,
    prisma.$queryRaw<{ id: string; contractId: string; reference: string; agency: string; agencyHant: string | null; agencyEn: string | null; number: number; title: string; dueDate: Date; status: string; amountFen: bigint }[]>`
      SELECT m.id, ct.id AS "contractId", ct.reference, o.name AS agency, o."nameHant" AS "agencyHant", o."nameEn" AS "agencyEn", m.number, m.title, m."dueDate", m.status::text AS status, m."amountFen"
        FROM "Milestone" m JOIN "Contract" ct ON ct.id = m."contractId" JOIN "ServiceCall" sc ON sc.id = ct."callId" JOIN "Organization" o ON o.id = ct."organizationId"
       WHERE m.status <> 'ACCEPTED' AND m."dueDate" < ${today}::date AND ct.status = 'ACTIVE' AND ${inScope}
       ORDER BY m."dueDate", ct.reference, m.number LIMIT ${DELAYS_LISTED}`,
    linesOfYear(today.getUTCFullYear()),
  ]);
  const names = await namesOf(money);
  const privateRow = money.private.find((r) => r.key === "true");
  return {
    today: isoDay(today),
    scope: scope.kind,
    money,
    names: Object.fromEntries(names),
    nonGovernmental: { promisedFen: privateRow?.promisedFen ?? 0n, contracts: privateRow?.contracts ?? 0, totalFen: money.total.promisedFen },
    calls: calls.map((c) => ({ status: c.status, calls: Number(c.calls), budgetFen: c.budget ?? 0n })),
    delays: {
      count: Number(delays[0]?.count ?? 0n),
      oldest: delays[0]?.oldest ? isoDay(delays[0].oldest) : null,
      amountFen: delays[0]?.amount ?? 0n,
      rows: late.map((r) => ({ ...r, dueDate: isoDay(r.dueDate), daysLate: Math.round((today.getTime() - r.dueDate.getTime()) / 86_400_000) })),
    },
    lines: lines satisfies TYearLine[],
  };
}
export type TServicesDashboard = Awaited<ReturnType<typeof getServicesDashboard>>;

/** The page's read: one computation per scope while nothing changes (cache.ts). */
export function getServicesDashboardCached(scope: TServicesScope, now = new Date()): Promise<TServicesDashboard> {
  return reuseWhileUnchanged(`services|${scopeKey(scope)}`, () => getServicesDashboard(scope, now), now);
}
