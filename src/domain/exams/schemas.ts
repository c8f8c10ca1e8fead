import { z } from "zod";
import { todayInCity } from "@/domain/common/calendar-day";
import { EXAM_FIRST_YEAR, EXAM_LEVELS, EXAM_RESULTS } from "./rules";

// The exam-sitting forms (plan.md G2), shared by the client forms and the server mutations.
// Messages are catalogue keys: plain ones under "validation", dotted ones full keys.

const orEmpty = (v: unknown) => (v === undefined || v === null ? "" : v);

/** A year from the first exam (2008) to this year in the city. */
export const ZExamYear = z.preprocess(
  orEmpty,
  z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d{4}$/, "year")
    .transform(Number)
    .refine((y) => y >= EXAM_FIRST_YEAR, "exams.validation.yearTooEarly")
    .refine((y) => y <= todayInCity().getUTCFullYear(), "exams.validation.yearInFuture"),
);

const ZLevel = z.preprocess(orEmpty, z.enum(EXAM_LEVELS, "exams.validation.level"));
const ZResult = z.preprocess(orEmpty, z.enum(EXAM_RESULTS, "exams.validation.result"));

/** A practitioner records their own sitting. */
export const ZRecordOwnSitting = z.object({ year: ZExamYear, level: ZLevel, result: ZResult });
export type TRecordOwnSitting = z.infer<typeof ZRecordOwnSitting>;

/** An official records a sitting for a practitioner in their scope. */
export const ZRecordSitting = ZRecordOwnSitting.extend({
  practitionerId: z.preprocess(orEmpty, z.string().trim().min(1, "exams.validation.practitionerRequired").max(64, "invalid")),
});
export type TRecordSitting = z.infer<typeof ZRecordSitting>;

/** A sitting to delete. */
export const ZSittingRef = z.object({ id: z.string().trim().min(1, "required").max(64, "invalid") });
export type TSittingRef = z.infer<typeof ZSittingRef>;
