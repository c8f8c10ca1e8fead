import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { StaleEditError } from "@/domain/common/errors";
import type { TPlanTargetInput } from "@/domain/plan/schemas";
import type { TQualificationSettingsInput } from "@/domain/registrations/schemas";
import { DEFAULT_QUALIFICATION_SETTINGS } from "@/domain/registrations/rules";
import { qualificationSettingsSelect } from "./qualification-settings";
import { trainingSettingsSelect } from "./training-settings";
import { DEFAULT_TRAINING_SETTINGS, type TTrainingSettingsInput } from "@/domain/plan/training-settings";
import { servicesSettingsSelect } from "./services-settings";
import { DEFAULT_SERVICES_SETTINGS, type TServicesSettings, type TServicesSettingsInput } from "@/domain/plan/services-settings";
import { requestRecomputeAll } from "@/server/maintenance/data-tasks";
import { maintenanceTick } from "@/server/maintenance/schedule";
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

/**
 * Saves the city's qualification settings (registration years and "due" window, continuing-
 * education hours, the G1.b rule). A changed G1.b rule asks the maintenance pass to recompute
 * everyone's profile flags (a DataTask); the other figures apply as they are read.
 */
export async function updateQualificationSettings(input: TQualificationSettingsInput) {
  const actor = await authorize("plan.updateQualificationSettings");
  const meta = await getRequestMeta();
  const data = {
    registrationYears: input.registrationYears,
    registrationDueDays: input.registrationDueDays,
    cpdHoursAssistant: input.cpdHoursAssistant,
    cpdHoursSocialWorker: input.cpdHoursSocialWorker,
    cpdDegreeHours: input.cpdDegreeHours,
    cpdMaxHoursPerDay: input.cpdMaxHoursPerDay,
    seniorCertificateIsG1b: input.seniorCertificateIsG1b,
  };
  const saved = await prisma.$transaction(async (tx) => {
    const before = await tx.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...qualificationSettingsSelect, version: true } });
    if (!before) {
      if (input.version !== 0) throw new StaleEditError();
      await tx.planTarget.create({ data: { id: PLAN_ID, ...DEFAULT_PLAN, ...data } }).catch((e: unknown) => {
        throw (e as { code?: string }).code === "P2002" ? new StaleEditError() : e;
      });
    } else {
      if (before.version !== input.version) throw new StaleEditError();
      const result = await tx.planTarget.updateMany({ where: { id: PLAN_ID, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (result.count !== 1) throw new StaleEditError();
    }
    const after = await tx.planTarget.findUniqueOrThrow({ where: { id: PLAN_ID }, select: { ...qualificationSettingsSelect, version: true } });
    const g1Changed = (before?.seniorCertificateIsG1b ?? DEFAULT_QUALIFICATION_SETTINGS.seniorCertificateIsG1b) !== after.seniorCertificateIsG1b;
    if (g1Changed) await requestRecomputeAll(tx, "g1b");
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "plan.updateQualificationSettings",
      entity: "PlanTarget",
      entityId: PLAN_ID,
      before: before ?? { ...DEFAULT_QUALIFICATION_SETTINGS, version: 0 },
      after,
      meta,
    });
    return { after, g1Changed };
  });
  // Recompute soon rather than at the next hourly pass (in the background; the lock keeps it single).
  if (saved.g1Changed) setTimeout(() => void maintenanceTick(), 0);
  return saved.after;
}

/**
 * Saves the city's training and supervision settings (civil servants' deadline, rotation coverage,
 * the completion threshold, supervisor eligibility, the cap and the confirmation reminder), audited.
 * They apply as they are read: a lower cap stops new pairs beyond it, it ends no pair.
 */
export async function updateTrainingSettings(input: TTrainingSettingsInput) {
  const actor = await authorize("plan.updateTrainingSettings");
  const meta = await getRequestMeta();
  const { version, ...data } = input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...trainingSettingsSelect, version: true } });
    if (!before) {
      if (version !== 0) throw new StaleEditError();
      await tx.planTarget.create({ data: { id: PLAN_ID, ...DEFAULT_PLAN, ...data } }).catch((e: unknown) => {
        throw (e as { code?: string }).code === "P2002" ? new StaleEditError() : e;
      });
    } else {
      if (before.version !== version) throw new StaleEditError();
      const result = await tx.planTarget.updateMany({ where: { id: PLAN_ID, version }, data: { ...data, version: { increment: 1 } } });
      if (result.count !== 1) throw new StaleEditError();
    }
    const after = await tx.planTarget.findUniqueOrThrow({ where: { id: PLAN_ID }, select: { ...trainingSettingsSelect, version: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "plan.updateTrainingSettings",
      entity: "PlanTarget",
      entityId: PLAN_ID,
      before: before ?? { ...DEFAULT_TRAINING_SETTINGS, version: 0 },
      after,
      meta,
    });
    return after;
  });
}

/** The audit's view of the settings: the threshold in fen as a string (JSON holds no bigint). */
const servicesAudit = (r: TServicesSettings & { version: number }) => ({ ...r, disbursementApprovalFen: r.disbursementApprovalFen.toString() });

/**
 * Saves the city's evaluation and purchased-services settings (grade bands, the 1A–5A table, the
 * rating's validity, the appeal window, the panel's minimum, recusal, spot checks, the bar after a
 * failed evaluation, the disbursement threshold), audited. They apply to what is computed after the
 * change; grades, deadlines and ratings already stored keep theirs (decision 020).
 */
export async function updateServicesSettings(input: TServicesSettingsInput) {
  const actor = await authorize("plan.updateServicesSettings");
  const meta = await getRequestMeta();
  const { version, disbursementApprovalYuan, ...numbers } = input;
  const data = { ...numbers, disbursementApprovalFen: disbursementApprovalYuan };
  return prisma.$transaction(async (tx) => {
    const before = await tx.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...servicesSettingsSelect, version: true } });
    if (!before) {
      if (version !== 0) throw new StaleEditError();
      await tx.planTarget.create({ data: { id: PLAN_ID, ...DEFAULT_PLAN, ...data } }).catch((e: unknown) => {
        throw (e as { code?: string }).code === "P2002" ? new StaleEditError() : e;
      });
    } else {
      if (before.version !== version) throw new StaleEditError();
      const result = await tx.planTarget.updateMany({ where: { id: PLAN_ID, version }, data: { ...data, version: { increment: 1 } } });
      if (result.count !== 1) throw new StaleEditError();
    }
    const after = await tx.planTarget.findUniqueOrThrow({ where: { id: PLAN_ID }, select: { ...servicesSettingsSelect, version: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "plan.updateServicesSettings",
      entity: "PlanTarget",
      entityId: PLAN_ID,
      before: servicesAudit(before ?? { ...DEFAULT_SERVICES_SETTINGS, version: 0 }),
      after: servicesAudit(after),
      meta,
    });
    return after;
  });
}
