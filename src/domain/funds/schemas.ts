import { z } from "zod";
import { parseYuan } from "@/lib/money";
import { ZPastDay } from "@/domain/common/calendar-day";

export const BUDGET_LINE_KINDS = ["TRAINING_SUBSIDY", "PURCHASED_SERVICES", "TALENT_AWARDS", "NEW_AGENCY_SUPPORT", "CONTRIBUTIONS", "OTHER"] as const;
export type TBudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

/** Yuan as typed → fen (bigint); refused with the funds' own message when it is not an amount. */
export const ZYuan = z
  .string()
  .trim()
  .min(1, "required")
  .transform((v, ctx) => {
    const fen = parseYuan(v);
    if (fen === null) {
      ctx.addIssue({ code: "custom", message: "funds.validation.amount" });
      return z.NEVER;
    }
    return fen;
  });

export const ZCreateFund = z.object({
  year: z.coerce.number({ message: "funds.validation.yearRange" }).int("funds.validation.yearRange").min(2000, "funds.validation.yearRange").max(2100, "funds.validation.yearRange"),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
});
export type TCreateFund = z.infer<typeof ZCreateFund>;

export const ZAddBudgetLine = z.object({
  fundId: z.string().min(1, "invalid").max(64, "invalid"),
  kind: z.enum(BUDGET_LINE_KINDS, { message: "required" }),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  amount: ZYuan,
});
export type TAddBudgetLine = z.infer<typeof ZAddBudgetLine>;

export const ZSetLineAmount = z.object({
  lineId: z.string().min(1, "invalid").max(64, "invalid"),
  version: z.coerce.number().int().min(1),
  amount: ZYuan,
});
export type TSetLineAmount = z.infer<typeof ZSetLineAmount>;

export const CONTRIBUTION_SOURCES = ["ENTERPRISE", "CHARITY"] as const;
export type TContributionSource = (typeof CONTRIBUTION_SOURCES)[number];

/** A contribution from an enterprise or a charity (S3): it raises its line's amount by exactly the amount received. */
export const ZRecordContribution = z.object({
  lineId: z.string().min(1, "required").max(64, "invalid"),
  source: z.enum(CONTRIBUTION_SOURCES, { message: "required" }),
  donor: z.string().trim().min(1, "required").max(200, "tooLong"),
  amount: ZYuan.refine((fen) => fen > 0n, "funds.validation.amountPositive"),
  restrictions: z.string().trim().max(2000, "tooLong").optional().transform((v) => v || null),
  receivedOn: ZPastDay,
});
export type TRecordContribution = z.infer<typeof ZRecordContribution>;
