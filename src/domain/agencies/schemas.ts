import { z } from "zod";
import { ZDay, ZPastDay } from "@/domain/common/calendar-day";
import { TARGET_GROUPS } from "@/domain/practitioners/enums";
import { withCrossCheck, type TParsed } from "@/domain/common/cross-check";
import { AGENCY_FIELDS } from "./fields";
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
/** A day on which something has happened (a status change, a rating): not in the future. */
const ZRequiredPastDay = z
  .preprocess(blankToUndefined, ZPastDay.optional())
  .refine((v) => v !== undefined, "required")
  .transform((v) => v!);
const clearableText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "tooLong").nullable().optional());

// ─── Profile ───────────────────────────────────────────────────────────────────────────

/**
 * A field the form did not send is left as it is, and the mutation applies only the fields the
 * caller's role may edit (./profile-fields.ts). A field it sends is checked as the application
 * checks it (./fields.ts): what an application must give cannot be emptied here. Service areas and
 * target groups are always sent (see agencyProfileInput).
 */
export const ZUpdateAgencyProfile = z.object({
  id: ZId,
  version: ZVersion,
  name: AGENCY_FIELDS.name.optional(),
  legalRepresentative: AGENCY_FIELDS.legalRepresentative.optional(),
  address: AGENCY_FIELDS.address.optional(),
  foundedOn: AGENCY_FIELDS.foundedOn.optional(),
  isPrivate: z.enum(["true", "false"], "invalid").transform((v) => v === "true").optional(),
  contactName: AGENCY_FIELDS.contactName.optional(),
  contactPhone: AGENCY_FIELDS.contactPhone.optional(),
  contactEmail: AGENCY_FIELDS.contactEmail.optional(),
  serviceAreas: AGENCY_FIELDS.serviceAreas.optional(),
  targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid").optional(),
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
  effectiveFrom: ZRequiredPastDay,
  reason: z.string().trim().min(1, "required").max(500, "tooLong"),
});
export type TChangeAgencyStatus = z.infer<typeof ZChangeAgencyStatus>;

// ─── Integrity records and ratings ─────────────────────────────────────────────────────

const ZIntegrityFields = z.object({
  kind: z.enum(INTEGRITY_KINDS, "required"),
  /** From when the record applies: may lie ahead (a record "not yet in force"). */
  occurredOn: ZRequiredDay,
  source: z.string().trim().min(1, "required").max(200, "tooLong"),
  description: z.string().trim().min(1, "required").max(2000, "tooLong"),
  endsOn: z.preprocess(blankToNull, ZDay.nullable().optional()).transform((v) => v ?? null),
});

function endsAfterOccurred(v: { occurredOn: Date; endsOn: Date | null }, ctx: z.RefinementCtx, parsed: TParsed) {
  if (parsed("endsOn") && parsed("occurredOn") && v.endsOn instanceof Date && v.occurredOn instanceof Date && v.endsOn.getTime() < v.occurredOn.getTime()) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "agencies.validation.endsBeforeOccurred" });
}

export const ZAddIntegrityRecord = withCrossCheck(ZIntegrityFields.extend({ organizationId: ZId }), endsAfterOccurred);
export type TAddIntegrityRecord = z.infer<typeof ZAddIntegrityRecord>;

export const ZUpdateIntegrityRecord = withCrossCheck(ZIntegrityFields.extend({ id: ZId, version: ZVersion }), endsAfterOccurred);
export type TUpdateIntegrityRecord = z.infer<typeof ZUpdateIntegrityRecord>;

/** Ends a record that is still running: it stops counting from `endsOn` (exclusive). */
export const ZEndIntegrityRecord = z.object({ id: ZId, version: ZVersion, endsOn: ZRequiredDay });
export type TEndIntegrityRecord = z.infer<typeof ZEndIntegrityRecord>;

export const ZAddRating = z.object({
  organizationId: ZId,
  rating: z.enum(AGENCY_RATING_LEVELS, "required"),
  ratedOn: ZRequiredPastDay,
  source: clearableText(200).transform((v) => v ?? null),
});
export type TAddRating = z.infer<typeof ZAddRating>;
