import { z } from "zod";
import { ZYuan } from "@/domain/funds/schemas";

// Forms of a contract's page: a milestone report (the file is checked on the server), acceptance or
// return, a payment request and its second approval, a named person replaced, the contract closed.

const ZId = z.string().trim().min(1, "invalid").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);
const ZText = (max: number) => z.string().trim().max(max, "tooLong");

export const ZReportMilestone = z.object({
  milestoneId: ZId,
  version: ZVersion,
  note: ZText(2000).min(1, "contracts.validation.noteRequired"),
});
export type TReportMilestone = z.infer<typeof ZReportMilestone>;

export const MILESTONE_DECISIONS = ["ACCEPT", "RETURN"] as const;
export const ZDecideMilestone = z
  .object({
    milestoneId: ZId,
    version: ZVersion,
    decision: z.enum(MILESTONE_DECISIONS, { message: "invalid" }),
    reason: ZText(1000).optional().default(""),
  })
  .refine((v) => v.decision === "ACCEPT" || v.reason.length > 0, { path: ["reason"], message: "contracts.validation.reasonRequired" });
export type TDecideMilestone = z.infer<typeof ZDecideMilestone>;

export const ZRequestDisbursement = z.object({
  milestoneId: ZId,
  amount: ZYuan.refine((fen) => fen > 0n, "contracts.validation.amountPositive"),
});
export type TRequestDisbursement = z.infer<typeof ZRequestDisbursement>;

export const DISBURSEMENT_DECISIONS = ["APPROVE", "REFUSE"] as const;
export const ZDecideDisbursement = z
  .object({
    disbursementId: ZId,
    decision: z.enum(DISBURSEMENT_DECISIONS, { message: "invalid" }),
    reason: ZText(1000).optional().default(""),
  })
  .refine((v) => v.decision === "APPROVE" || v.reason.length > 0, { path: ["reason"], message: "contracts.validation.reasonRequired" });
export type TDecideDisbursement = z.infer<typeof ZDecideDisbursement>;

export const ZReplaceStaff = z.object({
  contractStaffId: ZId,
  practitionerId: ZId,
});
export type TReplaceStaff = z.infer<typeof ZReplaceStaff>;

export const ZCloseContract = z.object({ contractId: ZId, version: ZVersion });
export type TCloseContract = z.infer<typeof ZCloseContract>;
