import "server-only";
import { prisma } from "@/server/db";
import type { TPrincipal } from "@/domain/authz/matrix";
import { getGrowthDashboard, growthPrefix, type TGrowthDashboard } from "./growth";
import { todayInCityIso } from "@/domain/common/calendar-day";

// Twenty people refreshing the dashboard should not cost twenty runs of the same aggregates.
// Every change to the register goes through a mutation that writes its audit event in the same
// transaction (house rule: credentials, practitioners, plan target, the maintenance job), so the
// audit log's highest id — one index probe — tells whether anything may have changed. A result
// is reused while that id and the city's day are unchanged, and for at most MAX_AGE_MS, which
// bounds the rare misses: a transaction that took its audit id before another's but committed
// after it, and writes made outside the app (scripts). Figures are still SQL aggregates; this
// only avoids recomputing identical ones. See docs/decisions/005-growth-dashboard-cache.md. The
// training dashboard (training.ts) reuses its results by the same rule, per scope and period.

export const MAX_AGE_MS = 30_000;

type TEntry = { key: string; at: number; value: Promise<unknown> };
const entries = new Map<string, TEntry>();
/** More scopes and periods than officials look at in 30 s; the oldest entry goes first. */
const MAX_ENTRIES = 500;

/**
 * `compute()`'s last result under `slot` (a dashboard and its scope and period), reused while the
 * audit log's highest id and the city's day are unchanged, for at most MAX_AGE_MS.
 */
export async function reuseWhileUnchanged<T>(slot: string, compute: () => Promise<T>, now = new Date()): Promise<T> {
  const [row] = await prisma.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM "AuditEvent"`;
  const key = `${row?.id ?? 0}|${todayInCityIso(now)}`;
  const hit = entries.get(slot);
  if (hit && hit.key === key && Date.now() - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  // Concurrent misses share one computation; a failed one is not kept.
  const value = compute();
  entries.delete(slot);
  entries.set(slot, { key, at: Date.now(), value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(slot)?.value === value) entries.delete(slot);
  });
  return value;
}

export async function getGrowthDashboardCached(principal: TPrincipal, now = new Date()): Promise<TGrowthDashboard> {
  const prefix = growthPrefix(principal);
  if (prefix === null) return getGrowthDashboard(principal, now);
  return reuseWhileUnchanged(`growth|${prefix}`, () => getGrowthDashboard(principal, now), now);
}
