import { z } from "zod";
import { ZDay, ZPastDay } from "@/domain/common/calendar-day";
import { PRACTICE_FIELDS, QUALIFICATION_LEVELS } from "@/domain/practitioners/enums";
import { POST_KINDS, RATIO_BASES } from "./enums";

// One schema per form, shared by the client form and the server mutation. Messages are
// catalogue keys: plain ones under "validation", dotted ones are full keys in the posts namespace.

const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);

export const MAX_HEADCOUNT = 1_000;
export const MAX_BASIS = 1_000_000;
export const MAX_RATIO = 100_000;

/** A whole number from 1 to `max`, typed into a form ("" is "required"; "2.5", "-1", "abc" are not whole numbers). */
function ZCount(max: number) {
  const W = "posts.validation.wholeNumber";
  return z.preprocess(
    (v) => {
      const b = blankToUndefined(typeof v === "string" ? v.trim() : v);
      return typeof b === "string" ? (/^[+-]?\d+(\.\d+)?$/.test(b) ? Number(b) : Number.NaN) : b;
    },
    z.number({ error: (issue) => (issue.input === undefined ? "required" : W) }).int(W).min(1, W).max(max, W),
  );
}

const ZRequiredDay = z.preprocess(blankToUndefined, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);
/** A post is closed from a day that has come (an assignment may start or end later). */
const ZRequiredPastDay = z.preprocess(blankToUndefined, ZPastDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

const [DEPARTMENT, RATIO] = POST_KINDS;

const ZPostFields = z.object({
  title: z.string().trim().min(1, "required").max(200, "tooLong"),
  organizationId: ZId,
  practiceField: z.enum(PRACTICE_FIELDS, "required"),
  requiredQualification: z.enum(QUALIFICATION_LEVELS, "required"),
  description: z
    .preprocess(blankToUndefined, z.string().trim().max(2000, "tooLong").optional())
    .transform((v) => (v === undefined || v === "" ? null : v)),
});

const ZDepartmentPost = ZPostFields.extend({
  kind: z.literal(DEPARTMENT),
  headcount: ZCount(MAX_HEADCOUNT),
});

const ZRatioPost = ZPostFields.extend({
  kind: z.literal(RATIO),
  ratioBasis: z.enum(RATIO_BASES, "required"),
  basisCount: ZCount(MAX_BASIS),
  ratioPerWorker: ZCount(MAX_RATIO),
});

export const ZCreatePost = z.discriminatedUnion("kind", [ZDepartmentPost, ZRatioPost], { message: "invalid" });
export type TCreatePost = z.infer<typeof ZCreatePost>;

/** The kind cannot change on edit; the server checks it against the stored post. */
export const ZUpdatePost = z.discriminatedUnion(
  "kind",
  [ZDepartmentPost.extend({ id: ZId, version: ZVersion }), ZRatioPost.extend({ id: ZId, version: ZVersion })],
  { message: "invalid" },
);
export type TUpdatePost = z.infer<typeof ZUpdatePost>;

export const ZClosePost = z.object({ id: ZId, version: ZVersion, closedOn: ZRequiredPastDay });
export type TClosePost = z.infer<typeof ZClosePost>;

export const ZAssignPractitioner = z.object({
  postId: ZId,
  practitionerId: ZId,
  from: ZRequiredDay,
  note: z
    .preprocess(blankToUndefined, z.string().trim().max(500, "tooLong").optional())
    .transform((v) => (v === undefined || v === "" ? null : v)),
});
export type TAssignPractitioner = z.infer<typeof ZAssignPractitioner>;

export const ZEndAssignment = z.object({ id: ZId, to: ZRequiredDay });
export type TEndAssignment = z.infer<typeof ZEndAssignment>;
