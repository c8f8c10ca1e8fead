import "server-only";
import { prisma, type TTx } from "@/server/db";
import { DEFAULT_QUALIFICATION_SETTINGS, type TQualificationSettings } from "@/domain/registrations/rules";
import { PLAN_ID } from "./queries";

export const qualificationSettingsSelect = {
  registrationYears: true,
  registrationDueDays: true,
  cpdHoursAssistant: true,
  cpdHoursSocialWorker: true,
  cpdDegreeHours: true,
  cpdMaxHoursPerDay: true,
  seniorCertificateIsG1b: true,
} as const;

/** The city's qualification settings (PlanTarget), or the defaults while the row is missing. */
export async function getQualificationSettings(db: TTx | typeof prisma = prisma): Promise<TQualificationSettings> {
  const row = await db.planTarget.findUnique({ where: { id: PLAN_ID }, select: qualificationSettingsSelect });
  return row ?? DEFAULT_QUALIFICATION_SETTINGS;
}

/** The settings with the row's version for the edit form (0: never saved). */
export async function getQualificationSettingsForEdit(): Promise<TQualificationSettings & { version: number }> {
  const row = await prisma.planTarget.findUnique({ where: { id: PLAN_ID }, select: { ...qualificationSettingsSelect, version: true } });
  return row ?? { ...DEFAULT_QUALIFICATION_SETTINGS, version: 0 };
}
