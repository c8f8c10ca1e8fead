import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";

// Spot checks: the city's draw (a period, the share, the evaluation body, an optional seed) and an
// evaluator's result for one sampled milestone (passed, or failed with a note).

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZRequiredDay = z.preprocess(blank, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

/** A typed seed: 1–64 letters, digits, "-" or "_" (a generated one is 16 hex digits). */
export const SEED_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const ZDrawSpotCheck = z
  .object({
    periodStart: ZRequiredDay,
    periodEnd: ZRequiredDay,
    percent: z.preprocess(blank, z.coerce.number({ message: "spotChecks.validation.percentRange" }).int("spotChecks.validation.percentRange").min(1, "spotChecks.validation.percentRange").max(100, "spotChecks.validation.percentRange").optional()),
    bodyId: ZId,
    seed: z.preprocess(blank, z.string().trim().regex(SEED_PATTERN, "spotChecks.validation.seedFormat").optional()),
  })
  .refine((v) => v.periodEnd.getTime() >= v.periodStart.getTime(), { path: ["periodEnd"], message: "spotChecks.validation.periodOrder" });
export type TDrawSpotCheck = z.infer<typeof ZDrawSpotCheck>;

export const SPOT_CHECK_RESULTS = ["PASSED", "FAILED"] as const;
export const ZCheckSpotItem = z
  .object({
    itemId: ZId,
    version: z.coerce.number().int().min(1),
    result: z.enum(SPOT_CHECK_RESULTS, { message: "required" }),
    note: z.string().trim().max(1000, "tooLong").optional().default(""),
  })
  .refine((v) => v.result === "PASSED" || v.note.length > 0, { path: ["note"], message: "spotChecks.validation.noteRequired" });
export type TCheckSpotItem = z.infer<typeof ZCheckSpotItem>;
