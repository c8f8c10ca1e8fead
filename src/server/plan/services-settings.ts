import "server-only";
import { prisma, type TTx } from "@/server/db";
import { DEFAULT_SERVICES_SETTINGS, type TServicesSettings } from "@/domain/plan/services-settings";
import { PLAN_ID } from "./queries";

// The city's evaluation and purchased-services settings (PlanTarget). Each is read where it applies
// (src/server/evaluations/panel.ts, src/server/evaluation-outcome/final.ts, src/server/spot-checks/
// draws.ts, src/server/service-calls/eligibility.ts, src/server/contracts/disbursements.ts); this
// module reads them together for the city's form.

export const servicesSettingsSelect = {
  gradeExcellentMin: true,
  gradeGoodMin: true,
  gradePassMin: true,
  rating5AMin: true,
  rating4AMin: true,
  rating3AMin: true,
  rating2AMin: true,
  ratingValidityYears: true,
  appealWorkingDays: true,
  evaluationMinScorers: true,
  recusalYears: true,
  spotCheckPercent: true,
  failedEvaluationBarDays: true,
  disbursementApprovalFen: true,
} as const;

/** The settings together, or the defaults while the plan row is missing. */
export async function getServicesSettings(db: TTx | typeof prisma = prisma): Promise<TServicesSettings> {
  const row = await db.planTarget.findUnique({ where: { id: PLAN_ID }, select: servicesSettingsSelect });
  return row ?? DEFAULT_SERVICES_SETTINGS;
}

/** The settings with the row's version, for the edit form (0: never saved). */
export async function getServicesSettingsForEdit(): Promise<TServicesSettings & { version: number }> {
  const row = await prisma.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...servicesSettingsSelect, version: true } });
  return row ?? { ...DEFAULT_SERVICES_SETTINGS, version: 0 };
}
