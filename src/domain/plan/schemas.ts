import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";

// Messages are catalogue keys under "validation"; the settings form shows them in the user's language.

/** The plan starts on a real calendar day of this century. */
const ZStartDate = z
  .string()
  .trim()
  .min(1, "required")
  .pipe(ZDay)
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "date");

const ZCount = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "invalid")
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n <= max, "invalid");

/** The plan's headline target: start date, start value and yearly increase (PlanTarget "city"). */
export const ZPlanTarget = z.object({
  startDate: ZStartDate,
  startValue: ZCount(1_000_000),
  yearlyTarget: ZCount(1_000_000).refine((n) => n >= 1, "invalid"),
  /** 0 when the row has never been saved. */
  version: z.coerce.number().int("invalid").min(0, "invalid"),
});
export type TPlanTargetInput = z.infer<typeof ZPlanTarget>;
