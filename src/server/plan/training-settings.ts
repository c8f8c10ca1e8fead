import "server-only";
import { prisma, type TTx } from "@/server/db";
import { DEFAULT_TRAINING_SETTINGS, type TTrainingSettings } from "@/domain/plan/training-settings";
import type { TSupervisionSettings } from "@/domain/supervision/rules";
import { DEFAULT_QUALIFICATION_SETTINGS } from "@/domain/registrations/rules";
import { PLAN_ID } from "./queries";

// The city's training and supervision settings (PlanTarget), read where they apply.

export const trainingSettingsSelect = {
  civilServantDeadlineYears: true,
  civilServantDeadlineIncludesPublicInstitutions: true,
  civilServantDueDays: true,
  rotationCoverageYears: true,
  trainingCompletionPercent: true,
  supervisorMinLevel: true,
  supervisorMinYears: true,
  supervisorMaxSupervisees: true,
  supervisionConfirmDays: true,
} as const;

type TRow = Omit<TTrainingSettings, "supervisorMinLevel"> & { supervisorMinLevel: string };

/** The stored minimum level is one of the certificate levels (the form allows nothing else); anything else reads as the default. */
function fromRow<R extends TRow>(row: R): Omit<R, "supervisorMinLevel"> & Pick<TTrainingSettings, "supervisorMinLevel"> {
  const level = row.supervisorMinLevel === "ASSISTANT_SOCIAL_WORKER" || row.supervisorMinLevel === "SOCIAL_WORKER" || row.supervisorMinLevel === "SENIOR_SOCIAL_WORKER" ? row.supervisorMinLevel : DEFAULT_TRAINING_SETTINGS.supervisorMinLevel;
  return { ...row, supervisorMinLevel: level };
}

/** The city's training and supervision settings, or the defaults while the plan row is missing. */
export async function getTrainingSettings(db: TTx | typeof prisma = prisma): Promise<TTrainingSettings> {
  const row = await db.planTarget.findUnique({ where: { id: PLAN_ID }, select: trainingSettingsSelect });
  return row ? fromRow(row) : DEFAULT_TRAINING_SETTINGS;
}

/** The supervision rules alone, with the city's daily maximum of continuing-education hours (a session's limit). */
export async function getSupervisionSettings(db: TTx | typeof prisma = prisma): Promise<TSupervisionSettings & { cpdMaxHoursPerDay: number }> {
  const row = await db.planTarget.findUnique({ where: { id: PLAN_ID }, select: { supervisorMinLevel: true, supervisorMinYears: true, supervisorMaxSupervisees: true, supervisionConfirmDays: true, cpdMaxHoursPerDay: true } });
  const d = DEFAULT_TRAINING_SETTINGS;
  if (!row) return { supervisorMinLevel: d.supervisorMinLevel, supervisorMinYears: d.supervisorMinYears, supervisorMaxSupervisees: d.supervisorMaxSupervisees, supervisionConfirmDays: d.supervisionConfirmDays, cpdMaxHoursPerDay: DEFAULT_QUALIFICATION_SETTINGS.cpdMaxHoursPerDay };
  const level = fromRow({ ...DEFAULT_TRAINING_SETTINGS, supervisorMinLevel: row.supervisorMinLevel }).supervisorMinLevel;
  return { ...row, supervisorMinLevel: level };
}

/** The settings with the row's version, for the edit form (0: never saved). */
export async function getTrainingSettingsForEdit(): Promise<TTrainingSettings & { version: number }> {
  const row = await prisma.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...trainingSettingsSelect, version: true } });
  return row ? fromRow(row) : { ...DEFAULT_TRAINING_SETTINGS, version: 0 };
}
