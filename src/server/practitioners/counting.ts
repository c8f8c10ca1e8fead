import "server-only";
import { prisma, type TTx } from "@/server/db";
import { countingOf, qualificationInputSelect } from "@/server/seed/derive";
import type { TCounting } from "@/domain/practitioners/qualification";
import { todayInCity } from "@/domain/common/calendar-day";

// "Does this person count, since when, why, and what would change it", for the pages that say so
// (the register, a profile, My profile, a post's holders, the public register). Computed with the
// counting rule from the same facts recomputePractitioner stores its decision from, today in the
// city. Callers pass ids they have already read inside the caller's scope.

/** The explanation for each of `ids` (ids that do not exist are left out). */
export async function countingFor(ids: readonly string[], now = new Date(), db: TTx | typeof prisma = prisma): Promise<Map<string, TCounting>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const today = todayInCity(now);
  const rows = await db.practitioner.findMany({ where: { id: { in: unique } }, select: { id: true, ...qualificationInputSelect } });
  return new Map(rows.map((p) => [p.id, countingOf(p, today)]));
}

/** The explanation for one practitioner, or null when there is no such practitioner. */
export async function countingOfPractitioner(id: string, now = new Date()): Promise<TCounting | null> {
  return (await countingFor([id], now)).get(id) ?? null;
}
