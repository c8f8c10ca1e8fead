import "server-only";
import { prisma } from "@/server/db";
import type { TPlanTarget } from "@/domain/plan/target-line";

export const PLAN_ID = "city";

/** plan.md: 40 qualified on 2025-01-01, plus 50 a year. Used until the city administrator saves the row. */
export const DEFAULT_PLAN: TPlanTarget = { startDate: new Date(Date.UTC(2025, 0, 1)), startValue: 40, yearlyTarget: 50 };

export type TPlanSettings = TPlanTarget & { version: number; saved: boolean; updatedAt: Date | null };

/** The plan's headline target; the default when the row is missing (version 0: nothing saved yet). */
export async function getPlanTarget(): Promise<TPlanSettings> {
  const row = await prisma.planTarget.findUnique({
    where: { id: PLAN_ID },
    select: { startDate: true, startValue: true, yearlyTarget: true, version: true, updatedAt: true },
  });
  if (!row) return { ...DEFAULT_PLAN, version: 0, saved: false, updatedAt: null };
  return { ...row, saved: true };
}
