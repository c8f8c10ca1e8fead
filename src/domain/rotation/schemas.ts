import { z } from "zod";
import { MAX_ENROL_AT_ONCE } from "@/domain/trainings/schemas";

// One schema per form of the rotation page and the cohort builder. Messages are catalogue keys:
// plain ones under "validation", dotted ones full keys in the "rotation" namespace.

const V = "rotation.validation";
const ZId = z.string().trim().min(1, "required").max(64, "invalid");
/** At most this many people added to a list in one step. */
export const MAX_ADD_AT_ONCE = 200;
/** The largest cohort one may ask for (as many as one enrolment step takes). */
export const MAX_COHORT = MAX_ENROL_AT_ONCE;

/** Add people to a department's list (the department: the officer's own; the city names one). */
export const ZAddToList = z.object({
  departmentId: ZId,
  practitionerIds: z.array(z.string().trim().min(1, "invalid").max(64, "invalid")).min(1, `${V}.nobodyChosen`).max(MAX_ADD_AT_ONCE, `${V}.tooMany`),
});
export type TAddToList = z.infer<typeof ZAddToList>;

/** Add every active civil servant of the department not yet on its list. */
export const ZAddAllCivilServants = z.object({ departmentId: ZId });
export type TAddAllCivilServants = z.infer<typeof ZAddAllCivilServants>;

export const ZRemoveFromList = z.object({ entryId: ZId });
export type TRemoveFromList = z.infer<typeof ZRemoveFromList>;

/** How many people the official asks for (typed; full-width digits accepted). */
export const ZCohortSize = z.preprocess(
  (v) => (typeof v === "string" ? (/^\d{1,4}$/.test(v.trim().normalize("NFKC")) ? Number(v.trim().normalize("NFKC")) : Number.NaN) : v),
  z.number(`${V}.cohortSize`).int(`${V}.cohortSize`).min(1, `${V}.cohortSize`).max(MAX_COHORT, `${V}.cohortSize`),
);

/** Enrol the chosen cohort in one step. */
export const ZEnrolCohort = z.object({
  trainingId: ZId,
  practitionerIds: z.array(z.string().trim().min(1, "invalid").max(64, "invalid")).min(1, `${V}.nobodyChosen`).max(MAX_COHORT, `${V}.tooMany`),
});
export type TEnrolCohort = z.infer<typeof ZEnrolCohort>;
