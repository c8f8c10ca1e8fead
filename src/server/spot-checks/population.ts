import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";

// A spot check's population: the milestones accepted in a period of the city's days. Kept apart from
// draws.ts (which is "server-only") so that the demo seed, which runs outside Next, draws from the
// same population.

const CITY_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instants a period of the city's days covers: [start 00:00, end + 1 day 00:00) in UTC+8. */
const periodInstants = (start: Date, end: Date) => ({ gte: new Date(start.getTime() - CITY_OFFSET_MS), lt: new Date(end.getTime() + DAY_MS - CITY_OFFSET_MS) });

/** The milestones accepted in a period: the population a draw is made from. */
export function populationWhere(start: Date, end: Date): Prisma.MilestoneWhereInput {
  return { status: "ACCEPTED", decidedAt: periodInstants(start, end) };
}

export async function populationIds(db: Pick<TTx, "milestone">, start: Date, end: Date): Promise<string[]> {
  const rows = await db.milestone.findMany({ where: populationWhere(start, end), select: { id: true } });
  return rows.map((r) => r.id);
}
