import { z } from "zod";
import { isValidCreditCode } from "@/lib/credit-code";
import { canonicalNumber } from "@/lib/canonical-number";
import { TARGET_GROUPS } from "@/domain/practitioners/enums";
import { AGENCY_FIELDS } from "./fields";
import { normaliseReference } from "./application-rules";
import type { TRegistrationScanProblemCode } from "./errors";

// The agency application form (public, no sign-in) and the review decision, shared by the
// client forms and the server. Messages are catalogue keys: a bare word is a shared key under
// "validation"; a dotted key is this feature's own (messages/<locale>/agencyApplications.json).

const V = "agencyApplications.validation";

/** Reasons the applicant reads; reviewers write them. */
export const MAX_REASON_LENGTH = 1000;
/** The district's comment for the city review (reviewers read it; the applicant never does). */
export const MAX_COMMENT_FOR_CITY_LENGTH = 1000;
/** The registration certificate scan: PDF, JPEG or PNG (sniffed on the server), at most 10 MB. */
export const MAX_REGISTRATION_SCAN_BYTES = 10 * 1024 * 1024;
export const CERTIFICATE_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

/** Stored canonical: people copy the code from certificates with spacing, dashes, lower case or full-width characters. */
export const ZCreditCode = z
  .string()
  .max(80, `${V}.creditCodeFormat`)
  .transform(canonicalNumber)
  .refine((v) => v.length > 0, "required")
  .refine((v) => v.length === 0 || /^[0-9A-Z]{18}$/.test(v), `${V}.creditCodeFormat`)
  .refine((v) => !/^[0-9A-Z]{18}$/.test(v) || isValidCreditCode(v), `${V}.creditCodeCheck`);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ZApplicationFields = z
  .object({
    name: AGENCY_FIELDS.name,
    creditCode: ZCreditCode,
    legalRepresentative: AGENCY_FIELDS.legalRepresentative,
    address: AGENCY_FIELDS.address,
    regionId: z.string().trim().min(1, `${V}.districtRequired`).max(64, "invalid"),
    foundedOn: AGENCY_FIELDS.foundedOn,
    isPrivate: checkbox.default(false),
    serviceAreas: AGENCY_FIELDS.serviceAreas,
    targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid").default([]),
    contactName: AGENCY_FIELDS.contactName,
    contactPhone: AGENCY_FIELDS.contactPhone,
    contactEmail: AGENCY_FIELDS.contactEmail,
    /** The code e-mailed to contactEmail (required on submission, and on an amendment that changes the address). */
    emailCode: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s+/g, "") : v) || undefined, z.string().regex(/^[0-9]{6}$/, `${V}.emailCodeFormat`).optional()),
  })
  // A checkbox group may repeat a value in a forged request: keep each once.
  .transform((v) => ({ ...v, serviceAreas: [...new Set(v.serviceAreas)], targetGroups: [...new Set(v.targetGroups)] }));
export type TApplicationFields = z.infer<typeof ZApplicationFields>;

/** The public status look-up: the reference and the contact e-mail the application was filed with. */
export const ZApplicationStatusLookup = z.object({
  reference: z
    .string()
    .trim()
    .min(1, "required")
    .max(60, `${V}.referenceFormat`)
    .refine((v) => normaliseReference(v) !== null, `${V}.referenceFormat`)
    .transform((v) => normaliseReference(v)!),
  email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email")).transform((v) => v.toLowerCase()),
});
export type TApplicationStatusLookup = z.infer<typeof ZApplicationStatusLookup>;

/** Amending a returned application: the same fields, plus the one-time token from the e-mailed link. */
export const ZAmendToken = z.string().trim().min(16, `${V}.tokenInvalid`).max(200, `${V}.tokenInvalid`);

export const ZReviewDecision = z
  .object({
    id: z.string().trim().min(1, "required").max(64, "invalid"),
    version: z.coerce.number().int("invalid").min(1, "invalid"),
    decision: z.enum(["APPROVE", "REJECT", "RETURN"], "invalid"),
    reason: z.string().trim().max(MAX_REASON_LENGTH, "tooLong").optional().default(""),
    /** Optional, at the district step when passing on or returning (commentForCityAllowed); checked against the step on the server. */
    commentForCity: z.string().trim().max(MAX_COMMENT_FOR_CITY_LENGTH, "tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "APPROVE" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: `${V}.reasonRequired` });
    if (v.decision === "REJECT" && v.commentForCity) ctx.addIssue({ code: "custom", path: ["commentForCity"], message: `${V}.commentForCityNotAllowed` });
  })
  .transform((v) => ({ ...v, reason: v.reason ? v.reason : null, commentForCity: v.commentForCity ? v.commentForCity : null }));
export type TReviewDecisionInput = z.infer<typeof ZReviewDecision>;

/** Size and presence of the certificate scan; its real type is sniffed on the server. */
export function registrationScanProblem(file: { size: number } | null | undefined, required: boolean): TRegistrationScanProblemCode | null {
  if (!file || file.size === 0) return required ? `${V}.registrationScanRequired` : null;
  if (file.size > MAX_REGISTRATION_SCAN_BYTES) return `${V}.registrationScanTooLarge`;
  return null;
}

/** The form as a plain object for the schema: repeated checkboxes become arrays. */
export function applicationFormInput(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  }
  out.serviceAreas = formData.getAll("serviceAreas").map(String);
  out.targetGroups = formData.getAll("targetGroups").map(String);
  return out;
}


