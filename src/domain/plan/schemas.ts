import { z } from "zod";

// Messages are catalogue keys under "validation"; the settings form shows them in the user's language.

const ZDay = z
  .string()
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .transform((v) => new Date(`${v}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "invalid");

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
  startDate: ZDay,
  startValue: ZCount(1_000_000),
  yearlyTarget: ZCount(1_000_000).refine((n) => n >= 1, "invalid"),
  /** 0 when the row has never been saved. */
  version: z.coerce.number().int("invalid").min(0, "invalid"),
});
export type TPlanTargetInput = z.infer<typeof ZPlanTarget>;
