import { z } from "zod";
import { parseYuan } from "@/lib/money";
import { withCrossCheck } from "@/domain/common/cross-check";
import { DEFAULT_GRADE_BANDS, DEFAULT_RATING_TABLE, type TGradeBands, type TRatingTable } from "@/domain/evaluations/rules";

// The city's third-party evaluation and purchased-services settings (PlanTarget; plan.md T5, T7;
// decisions 019, 020), edited by the city administrator on the purchased-services dashboard.
// They apply to what is computed after a change (a grade at the next SCORED, a deadline at the next
// publication, a rating at the next FINAL); what is on record keeps the value it was computed with.

export type TServicesSettings = TGradeBands &
  TRatingTable & {
    /** A rating from an agency grading is valid for this many years. */
    ratingValidityYears: number;
    /** The appeal window after a report is published, in the city's working days. */
    appealWorkingDays: number;
    /** A panel scores once it has at least this many scorers who are not recused. */
    evaluationMinScorers: number;
    /** A scorer who worked for the evaluated agency within this many years is recused. */
    recusalYears: number;
    /** A spot check draws at least this share (percent) of the accepted milestones. */
    spotCheckPercent: number;
    /** An agency graded "fail" is not eligible for calls for this many days. */
    failedEvaluationBarDays: number;
    /** A disbursement above this amount (fen) needs a second city administrator's approval. */
    disbursementApprovalFen: bigint;
  };

/** The schema's defaults (prisma/schema.prisma, PlanTarget). */
export const DEFAULT_SERVICES_SETTINGS: TServicesSettings = {
  ...DEFAULT_GRADE_BANDS,
  ...DEFAULT_RATING_TABLE,
  ratingValidityYears: 5,
  appealWorkingDays: 10,
  evaluationMinScorers: 3,
  recusalYears: 3,
  spotCheckPercent: 30,
  failedEvaluationBarDays: 365,
  disbursementApprovalFen: 10_000_000n,
};

/** Each whole-number setting's allowed range (inclusive): the schema checks it, the form states it. */
export const SERVICES_SETTING_BOUNDS = {
  gradeExcellentMin: [0, 100],
  gradeGoodMin: [0, 100],
  gradePassMin: [0, 100],
  rating5AMin: [0, 100],
  rating4AMin: [0, 100],
  rating3AMin: [0, 100],
  rating2AMin: [0, 100],
  ratingValidityYears: [1, 10],
  appealWorkingDays: [1, 60],
  evaluationMinScorers: [1, 15],
  recusalYears: [0, 10],
  spotCheckPercent: [1, 100],
  failedEvaluationBarDays: [0, 3650],
} as const satisfies Record<string, readonly [number, number]>;
export type TServicesNumberSetting = keyof typeof SERVICES_SETTING_BOUNDS;

/** The disbursement threshold's range, in fen: ¥0 (every disbursement needs a second approval) to ¥100,000,000. */
export const DISBURSEMENT_APPROVAL_BOUNDS_FEN = [0n, 10_000_000_000n] as const;

/**
 * Thresholds that must fall strictly from one to the next: [higher, lower, the lower one's code].
 * The lower field carries the message, naming the one it must stay below.
 */
export const SERVICES_SETTING_ORDER = [
  ["gradeExcellentMin", "gradeGoodMin", "servicesSettings.validation.belowExcellent"],
  ["gradeGoodMin", "gradePassMin", "servicesSettings.validation.belowGood"],
  ["rating5AMin", "rating4AMin", "servicesSettings.validation.below5A"],
  ["rating4AMin", "rating3AMin", "servicesSettings.validation.below4A"],
  ["rating3AMin", "rating2AMin", "servicesSettings.validation.below3A"],
] as const satisfies readonly (readonly [TServicesNumberSetting, TServicesNumberSetting, string])[];

const ZSetting = (key: TServicesNumberSetting) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d{1,6}$/, "settingRange")
    .transform(Number)
    .refine((n) => n >= SERVICES_SETTING_BOUNDS[key][0] && n <= SERVICES_SETTING_BOUNDS[key][1], "settingRange");

/**
 * Yuan as typed → fen, read as the funds' amounts are (parseYuan), within the bounds. Not ZYuan: its
 * message lives in the funds' namespace, and this form's is one message that states the range.
 */
const ZThresholdYuan = z
  .string()
  .trim()
  .min(1, "required")
  .transform((v, ctx) => {
    const fen = parseYuan(v);
    if (fen === null || fen < DISBURSEMENT_APPROVAL_BOUNDS_FEN[0] || fen > DISBURSEMENT_APPROVAL_BOUNDS_FEN[1]) {
      ctx.addIssue({ code: "custom", message: "servicesSettings.validation.amount" });
      return z.NEVER;
    }
    return fen;
  });

const ZServicesSettingsFields = z.object({
  gradeExcellentMin: ZSetting("gradeExcellentMin"),
  gradeGoodMin: ZSetting("gradeGoodMin"),
  gradePassMin: ZSetting("gradePassMin"),
  rating5AMin: ZSetting("rating5AMin"),
  rating4AMin: ZSetting("rating4AMin"),
  rating3AMin: ZSetting("rating3AMin"),
  rating2AMin: ZSetting("rating2AMin"),
  ratingValidityYears: ZSetting("ratingValidityYears"),
  appealWorkingDays: ZSetting("appealWorkingDays"),
  evaluationMinScorers: ZSetting("evaluationMinScorers"),
  recusalYears: ZSetting("recusalYears"),
  spotCheckPercent: ZSetting("spotCheckPercent"),
  failedEvaluationBarDays: ZSetting("failedEvaluationBarDays"),
  /** Typed in yuan (two decimals at most), kept in fen. */
  disbursementApprovalYuan: ZThresholdYuan,
  /** 0 when the row has never been saved. */
  version: z.coerce.number().int("invalid").min(0, "invalid"),
});

/** The form's fields; every problem of a submit is reported at once, the order too (withCrossCheck). */
export const ZServicesSettings = withCrossCheck(ZServicesSettingsFields, (v, ctx, parsed) => {
  for (const [higher, lower, code] of SERVICES_SETTING_ORDER) {
    if (!parsed(higher) || !parsed(lower)) continue;
    if (v[lower] >= v[higher]) ctx.addIssue({ code: "custom", path: [lower], message: code });
  }
});
export type TServicesSettingsInput = z.infer<typeof ZServicesSettings>;
