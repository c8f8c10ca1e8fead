import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { StaleEditError } from "@/domain/common/errors";
import type { TPlanTargetInput } from "@/domain/plan/schemas";
import { DEFAULT_PLAN, PLAN_ID } from "./queries";
import { isoDay } from "@/domain/common/calendar-day";

const select = { startDate: true, startValue: true, yearlyTarget: true, version: true } as const;
const dto = (r: { startDate: Date; startValue: number; yearlyTarget: number; version: number }) => ({
  startDate: isoDay(r.startDate),
  startValue: r.startValue,
  yearlyTarget: r.yearlyTarget,
  version: r.version,
});

/**
 * Saves the plan's start date, start value and yearly target (city administrator only), with
 * its audit event in the same transaction. `version` 0 means "never saved": the row is created
 * then, and a concurrent first save is refused as stale like any other lost race.
 */
export async function updatePlanTarget(input: TPlanTargetInput) {
  const actor = await authorize("plan.updateTarget");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await tx.planTarget.findUnique({ where: { id: PLAN_ID }, select });
    const data = { startDate: input.startDate, startValue: input.startValue, yearlyTarget: input.yearlyTarget };
    if (!before) {
      if (input.version !== 0) throw new StaleEditError();
      // Two first saves at once: the loser hits the primary key and is told it is stale.
      await tx.planTarget.create({ data: { id: PLAN_ID, ...data } }).catch((e: unknown) => {
        throw (e as { code?: string }).code === "P2002" ? new StaleEditError() : e;
      });
    } else {
      if (before.version !== input.version) throw new StaleEditError();
      const result = await tx.planTarget.updateMany({ where: { id: PLAN_ID, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (result.count !== 1) throw new StaleEditError();
    }
    const after = await tx.planTarget.findUniqueOrThrow({ where: { id: PLAN_ID }, select });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "plan.updateTarget",
      entity: "PlanTarget",
      entityId: PLAN_ID,
      before: dto(before ?? { ...DEFAULT_PLAN, version: 0 }),
      after: dto(after),
      meta,
    });
    return after;
  });
}
