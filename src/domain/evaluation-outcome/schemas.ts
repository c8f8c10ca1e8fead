import { z } from "zod";

// Forms of an evaluation's outcome: the body's report and its publication, the agency's appeal,
// the city's decision on it, and the city's finalisation after a window that ended without one.

const ZId = z.string().trim().min(1, "invalid").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);
const ZText = (max: number) => z.string().trim().max(max, "tooLong");

export const REPORT_MAX = 10_000;
export const APPEAL_REASON_MAX = 4_000;
export const DECISION_REASON_MAX = 4_000;

/** A score 0–100 with at most two decimals ("87", "87.5", "87.25") → hundredths; null when it is not one. */
export function parseScoreHundredths(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return hundredths <= 10_000 ? hundredths : null;
}

export const ZPublishReport = z.object({
  evaluationId: ZId,
  version: ZVersion,
  report: ZText(REPORT_MAX).min(1, "evaluationOutcome.validation.reportRequired"),
});
export type TPublishReport = z.infer<typeof ZPublishReport>;

export const ZFileAppeal = z.object({
  evaluationId: ZId,
  version: ZVersion,
  reason: ZText(APPEAL_REASON_MAX).min(1, "evaluationOutcome.validation.reasonRequired"),
});
export type TFileAppeal = z.infer<typeof ZFileAppeal>;

export const APPEAL_DECISIONS = ["UPHELD", "DISMISSED"] as const;

export const ZDecideAppeal = z
  .object({
    evaluationId: ZId,
    version: ZVersion,
    decision: z.enum(APPEAL_DECISIONS, { message: "invalid" }),
    reason: ZText(DECISION_REASON_MAX).min(1, "evaluationOutcome.validation.decisionReasonRequired"),
    revisedScore: z.string().trim().max(10, "evaluationOutcome.validation.revisedScoreInvalid").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "UPHELD") return;
    if (v.revisedScore === "") ctx.addIssue({ code: "custom", path: ["revisedScore"], message: "evaluationOutcome.validation.revisedScoreRequired" });
    else if (parseScoreHundredths(v.revisedScore) === null) ctx.addIssue({ code: "custom", path: ["revisedScore"], message: "evaluationOutcome.validation.revisedScoreInvalid" });
  })
  .transform((v) => ({ ...v, revisedScoreHundredths: v.decision === "UPHELD" ? parseScoreHundredths(v.revisedScore) : null }));
export type TDecideAppeal = z.infer<typeof ZDecideAppeal>;

export const ZFinaliseEvaluation = z.object({ evaluationId: ZId, version: ZVersion });
export type TFinaliseEvaluation = z.infer<typeof ZFinaliseEvaluation>;
