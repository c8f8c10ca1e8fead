import { z } from "zod";
import { todayInCity, ZDay } from "@/domain/common/calendar-day";
import { ZContactEmail, ZPhone } from "@/domain/practitioners/schemas";
import { PRACTICE_FIELDS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { AGENCY_RATING_LEVELS, INTEGRITY_KINDS } from "./enums";
import { MANUAL_AGENCY_STATUSES } from "./status-rules";

// One schema per form, shared by the client form and the server mutation. Messages are
// catalogue keys: a bare word lives under "validation", a dotted key ("agencies.validation.x")
// is a full key in this domain's own catalogue (see ./messages.ts).

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);
const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const ZRequiredDay = z
  .preprocess(blankToUndefined, ZDay.optional())
  .refine((v) => v !== undefined, "required")
  .transform((v) => v!);
/** "" clears the value (null); the key missing altogether leaves it as it is (undefined). */
const ZClearableDay = z.preprocess(blankToNull, ZDay.nullable().optional());
const clearableText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "tooLong").nullable().optional());

// ─── Profile ───────────────────────────────────────────────────────────────────────────

/**
 * Every field is optional: a field the form did not send is left as it is, and the mutation
 * applies only the fields the caller's role may edit (./profile-fields.ts). Service areas and
 * target groups are always sent (see agencyProfileInput), so unticking all of them clears them.
 */
export const ZUpdateAgencyProfile = z
  .object({
    id: ZId,
    version: ZVersion,
    name: z.string().trim().min(1, "required").max(200, "tooLong").optional(),
    legalRepresentative: clearableText(100),
    address: clearableText(300),
    foundedOn: ZClearableDay,
    isPrivate: z.enum(["true", "false"], "invalid").transform((v) => v === "true").optional(),
    contactName: clearableText(100),
    contactPhone: z.preprocess(blankToNull, ZPhone.nullable().optional()),
    contactEmail: z.preprocess(blankToNull, ZContactEmail.nullable().optional()),
    serviceAreas: z.array(z.enum(PRACTICE_FIELDS, "invalid")).max(PRACTICE_FIELDS.length, "invalid").optional(),
    targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.foundedOn instanceof Date && v.foundedOn.getTime() > todayInCity().getTime()) ctx.addIssue({ code: "custom", path: ["foundedOn"], message: "dateInFuture" });
  });
export type TUpdateAgencyProfile = z.infer<typeof ZUpdateAgencyProfile>;

/** A profile form as a plain object: the repeated checkboxes become arrays (empty when none is ticked). */
export function agencyProfileInput(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  out.serviceAreas = formData.getAll("serviceAreas").map(String);
  out.targetGroups = formData.getAll("targetGroups").map(String);
  return out;
}

// ─── Status ────────────────────────────────────────────────────────────────────────────

export const ZChangeAgencyStatus = z.object({
  id: ZId,
  version: ZVersion,
  status: z.enum(MANUAL_AGENCY_STATUSES, "required"),
  effectiveFrom: ZRequiredDay,
  reason: z.string().trim().min(1, "required").max(500, "tooLong"),
});
export type TChangeAgencyStatus = z.infer<typeof ZChangeAgencyStatus>;

// ─── Integrity records and ratings ─────────────────────────────────────────────────────

const ZIntegrityFields = z.object({
  kind: z.enum(INTEGRITY_KINDS, "required"),
  occurredOn: ZRequiredDay,
  source: z.string().trim().min(1, "required").max(200, "tooLong"),
  description: z.string().trim().min(1, "required").max(2000, "tooLong"),
  endsOn: z.preprocess(blankToNull, ZDay.nullable().optional()).transform((v) => v ?? null),
});

function endsAfterOccurred(v: { occurredOn: Date; endsOn: Date | null }, ctx: z.RefinementCtx) {
  if (v.endsOn instanceof Date && v.occurredOn instanceof Date && v.endsOn.getTime() < v.occurredOn.getTime()) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "agencies.validation.endsBeforeOccurred" });
}

export const ZAddIntegrityRecord = ZIntegrityFields.extend({ organizationId: ZId }).superRefine(endsAfterOccurred);
export type TAddIntegrityRecord = z.infer<typeof ZAddIntegrityRecord>;

export const ZUpdateIntegrityRecord = ZIntegrityFields.extend({ id: ZId, version: ZVersion }).superRefine(endsAfterOccurred);
export type TUpdateIntegrityRecord = z.infer<typeof ZUpdateIntegrityRecord>;

/** Ends a record that is still running: it stops counting from `endsOn` (exclusive). */
export const ZEndIntegrityRecord = z.object({ id: ZId, version: ZVersion, endsOn: ZRequiredDay });
export type TEndIntegrityRecord = z.infer<typeof ZEndIntegrityRecord>;

export const ZAddRating = z
  .object({
    organizationId: ZId,
    rating: z.enum(AGENCY_RATING_LEVELS, "required"),
    ratedOn: ZRequiredDay,
    source: clearableText(200).transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.ratedOn instanceof Date && v.ratedOn.getTime() > todayInCity().getTime()) ctx.addIssue({ code: "custom", path: ["ratedOn"], message: "dateInFuture" });
  });
export type TAddRating = z.infer<typeof ZAddRating>;
