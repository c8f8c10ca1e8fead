import { z } from "zod";
import { isNotInFuture, isoDay, ZDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { ZTypedNumber } from "@/domain/common/typed-number";
import { ZRecordRef, ZRecordRefWithReason, type TRecordRef, type TRecordRefWithReason } from "@/domain/common/record-ref";

// Shared by the forms and the server. Messages are catalogue keys under "validation".

/** Kinds a person or agency may submit by hand; degree study counts through a verified degree. */
export const MANUAL_CPD_KINDS = ["TRAINING_PROGRAMME", "SUPERVISION", "EXTERNAL"] as const;
export const CPD_KINDS = ["TRAINING_PROGRAMME", "SUPERVISION", "DEGREE_STUDY", "EXTERNAL"] as const;
export type TCpdKind = (typeof CPD_KINDS)[number];
export const REVIEW_STATUSES = ["SUBMITTED", "VERIFIED", "REJECTED"] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A day on which something happened (an activity, the start of a registration period): from 1950 to today, as YYYY-MM-DD. */
const ZPastFormDay = (requiredMessage: "required" | "registrationStartRequired" = "required") =>
  z
    .string()
    .trim()
    .min(1, requiredMessage)
    .pipe(ZDay.refine((d) => d.getUTCFullYear() >= 1950, "date").refine((d) => isNotInFuture(d), "dateInFuture"))
    .transform((d) => isoDay(d));

/** Hours as typed ("2", "2.5", "２．５" is not accepted): positive, in half hours, at most 999. → half hours. */
export const ZHours = z
  .string()
  .trim()
  .min(1, "required")
  .regex(/^\d{1,4}(\.\d{1,2})?$/, "cpdHours")
  .transform(Number)
  .refine((n) => n > 0 && n <= 999, "cpdHours")
  .refine((n) => Number.isInteger(n * 2), "cpdHalfHours")
  .transform((n) => Math.round(n * 2));

export const ZSubmitCpdEntry = withCrossCheck(
  z.object({
    practitionerId: z.string().trim().min(1, "required").max(64, "invalid"),
    kind: z.enum(MANUAL_CPD_KINDS, "required"),
    title: z.string().trim().min(1, "required").max(200, "tooLong"),
    provider: z.string().trim().min(1, "required").max(200, "tooLong"),
    startDate: ZPastFormDay(),
    endDate: ZPastFormDay(),
    hours: ZHours,
  }),
  (v, ctx, parsed) => {
    if (parsed("startDate") && parsed("endDate") && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "cpdEndBeforeStart" });
  },
)
  .transform(({ hours, ...v }) => ({ ...v, halfHours: hours }));
export type TSubmitCpdEntry = z.infer<typeof ZSubmitCpdEntry>;

/** An entry or a request being decided (rejecting says why: the practitioner reads it). */
export const ZReviewRef = ZRecordRef;
export type TReviewRef = TRecordRef;
export const ZReviewWithReason = ZRecordRefWithReason;
export type TReviewWithReason = TRecordRefWithReason;

/** Record the registration of a verified certificate that has none: its number and the day its current period started. */
export const ZRecordRegistration = z.object({
  credentialId: z.string().trim().min(1, "required").max(64, "invalid"),
  number: ZTypedNumber(64, "registrationNumberRequired"),
  start: ZPastFormDay("registrationStartRequired"),
});
export type TRecordRegistration = z.infer<typeof ZRecordRegistration>;

/** Request the renewal of a registration (its id and the version the page showed). */
export const ZRequestRenewal = z.object({
  registrationId: z.string().trim().min(1, "required").max(64, "invalid"),
  version: z.coerce.number().int("invalid").min(1, "invalid"),
});
export type TRequestRenewal = z.infer<typeof ZRequestRenewal>;

const ZSetting = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "settingRange")
    .transform(Number)
    .refine((n) => n >= min && n <= max, "settingRange");

/** The city's qualification settings (PlanTarget). */
export const ZQualificationSettings = z.object({
  registrationYears: ZSetting(1, 10),
  registrationDueDays: ZSetting(7, 365),
  cpdHoursAssistant: ZSetting(1, 500),
  cpdHoursSocialWorker: ZSetting(1, 500),
  cpdDegreeHours: ZSetting(0, 500),
  cpdMaxHoursPerDay: ZSetting(1, 24),
  seniorCertificateIsG1b: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  version: z.coerce.number().int("invalid").min(0, "invalid"),
});
export type TQualificationSettingsInput = z.infer<typeof ZQualificationSettings>;
