import { z } from "zod";
import { DEFAULT_SUPERVISION_SETTINGS, SUPERVISOR_LEVELS, type TSupervisionSettings } from "@/domain/supervision/rules";

// The city's training and supervision settings (PlanTarget; plan.md G2, T2, T7), edited by the
// city administrator next to the qualification settings. Bounds are stated on the form.

export type TTrainingSettings = TSupervisionSettings & {
  /** New civil servants of P1 departments obtain the certificate within this many years (T2). */
  civilServantDeadlineYears: number;
  /** Does the deadline also apply to public-institution staff of those departments? */
  civilServantDeadlineIncludesPublicInstitutions: boolean;
  /** A deadline is "due" this many days before it. */
  civilServantDueDays: number;
  /** Rotation coverage counts rotation training attended within this many years. */
  rotationCoverageYears: number;
  /** A programme is completed with at least this share (percent) of its sessions attended. */
  trainingCompletionPercent: number;
};

export const DEFAULT_TRAINING_SETTINGS: TTrainingSettings = {
  civilServantDeadlineYears: 2,
  civilServantDeadlineIncludesPublicInstitutions: false,
  civilServantDueDays: 90,
  rotationCoverageYears: 3,
  trainingCompletionPercent: 80,
  ...DEFAULT_SUPERVISION_SETTINGS,
};

/** Each number's allowed range (inclusive): the schema checks it, the form states it. */
export const TRAINING_SETTING_BOUNDS = {
  civilServantDeadlineYears: [1, 10],
  civilServantDueDays: [7, 365],
  rotationCoverageYears: [1, 10],
  trainingCompletionPercent: [1, 100],
  supervisorMinYears: [0, 30],
  supervisorMaxSupervisees: [1, 50],
  supervisionConfirmDays: [1, 90],
} as const satisfies Record<string, readonly [number, number]>;
export type TTrainingNumberSetting = keyof typeof TRAINING_SETTING_BOUNDS;
export const TRAINING_NUMBER_SETTINGS = Object.keys(TRAINING_SETTING_BOUNDS) as TTrainingNumberSetting[];

const ZSetting = (key: TTrainingNumberSetting) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d{1,6}$/, "settingRange")
    .transform(Number)
    .refine((n) => n >= TRAINING_SETTING_BOUNDS[key][0] && n <= TRAINING_SETTING_BOUNDS[key][1], "settingRange");

export const ZTrainingSettings = z.object({
  civilServantDeadlineYears: ZSetting("civilServantDeadlineYears"),
  civilServantDeadlineIncludesPublicInstitutions: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  civilServantDueDays: ZSetting("civilServantDueDays"),
  rotationCoverageYears: ZSetting("rotationCoverageYears"),
  trainingCompletionPercent: ZSetting("trainingCompletionPercent"),
  supervisorMinLevel: z.enum(SUPERVISOR_LEVELS, "required"),
  supervisorMinYears: ZSetting("supervisorMinYears"),
  supervisorMaxSupervisees: ZSetting("supervisorMaxSupervisees"),
  supervisionConfirmDays: ZSetting("supervisionConfirmDays"),
  /** 0 when the row has never been saved. */
  version: z.coerce.number().int("invalid").min(0, "invalid"),
});
export type TTrainingSettingsInput = z.infer<typeof ZTrainingSettings>;
