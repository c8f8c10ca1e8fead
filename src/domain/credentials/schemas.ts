import { z } from "zod";
import { isNotInFuture, isoDay, ZDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { ZOptionalTypedNumber, ZTypedNumber } from "@/domain/common/typed-number";
import { ZRecordRef, ZRecordRefWithReason, type TRecordRef, type TRecordRefWithReason } from "@/domain/common/record-ref";
import type { TScanProblemCode } from "./errors";

// Shared by the forms and the server. Messages are catalogue keys under "validation".

export const CREDENTIAL_KINDS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "SOCIAL_WORK_DEGREE", "PROFESSIONAL_TITLE", "OTHER"] as const;
export type TCredentialKind = (typeof CREDENTIAL_KINDS)[number];
/** Qualification certificates (permanent; their registration is renewed in periods). */
export const CERTIFICATE_KINDS: readonly TCredentialKind[] = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"];
/**
 * Who issues the qualification certificate: it is a national certificate, issued jointly by the
 * Ministry of Human Resources and Social Security and the Ministry of Civil Affairs. Written on the
 * certificates a staff import submits (the template asks for level, number and issue day only).
 */
export const CERTIFICATE_AUTHORITY = "人力资源和社会保障部 民政部";
export const DEGREE_LEVELS = ["ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"] as const;
export const TITLE_LEVELS = ["JUNIOR", "INTERMEDIATE", "DEPUTY_SENIOR", "SENIOR"] as const;
/** Statuses a credential can have now (EXPIRED survives only in old history events). */
export const CREDENTIAL_STATUSES = ["SUBMITTED", "VERIFIED", "REJECTED", "REVOKED"] as const;

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const SCAN_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

/** A credential's day (issued, registered): a real calendar day from 1950 to today, kept as YYYY-MM-DD (compared and stored as such). */
export const ZCredentialDay = ZDay.refine((d) => d.getUTCFullYear() >= 1950, "date")
  .refine((d) => isNotInFuture(d), "dateInFuture")
  .transform((d) => isoDay(d));

const ZOptionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(ZCredentialDay.optional());

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ZSubmitCredential = withCrossCheck(
  z.object({
    practitionerId: z.string().trim().min(1, "required").max(64, "invalid"),
    kind: z.enum(CREDENTIAL_KINDS, "required"),
    degreeLevel: z.preprocess(emptyToUndefined, z.enum(DEGREE_LEVELS, "required").optional()),
    titleLevel: z.preprocess(emptyToUndefined, z.enum(TITLE_LEVELS, "required").optional()),
    /** Stored canonical (case, full-width characters, spaces and dashes dropped), as look-ups compare it. */
    number: ZTypedNumber(64),
    issuingAuthority: z.string().trim().min(1, "required").max(200, "tooLong"),
    issueDate: z.string().trim().min(1, "required").pipe(ZCredentialDay),
    /** Certificates only: the registration (登记) given with it, if the holder is registered. */
    registrationNumber: ZOptionalTypedNumber(64),
    registrationStart: ZOptionalDay,
  }),
  (v, ctx, parsed) => {
    if (!parsed("kind")) return;
    if (v.kind === "SOCIAL_WORK_DEGREE" && parsed("degreeLevel") && !v.degreeLevel) ctx.addIssue({ code: "custom", path: ["degreeLevel"], message: "required" });
    if (v.kind === "PROFESSIONAL_TITLE" && parsed("titleLevel") && !v.titleLevel) ctx.addIssue({ code: "custom", path: ["titleLevel"], message: "required" });
    if (CERTIFICATE_KINDS.includes(v.kind) && parsed("registrationNumber") && parsed("registrationStart")) {
      if (v.registrationStart && !v.registrationNumber) ctx.addIssue({ code: "custom", path: ["registrationNumber"], message: "registrationNumberRequired" });
      if (v.registrationNumber && !v.registrationStart) ctx.addIssue({ code: "custom", path: ["registrationStart"], message: "registrationStartRequired" });
      if (v.registrationStart && parsed("issueDate") && v.registrationStart < v.issueDate) ctx.addIssue({ code: "custom", path: ["registrationStart"], message: "registrationBeforeIssue" });
    }
  },
)
  .transform((v) => ({
    ...v,
    // Only the level that belongs to the kind is kept, so a stale hidden field never leaks in.
    degreeLevel: v.kind === "SOCIAL_WORK_DEGREE" ? (v.degreeLevel ?? null) : null,
    titleLevel: v.kind === "PROFESSIONAL_TITLE" ? (v.titleLevel ?? null) : null,
    registration:
      CERTIFICATE_KINDS.includes(v.kind) && v.registrationNumber && v.registrationStart ? { number: v.registrationNumber, start: v.registrationStart } : null,
  }))
  .transform((v) => {
    const out: Omit<typeof v, "registrationNumber" | "registrationStart"> & Partial<Pick<typeof v, "registrationNumber" | "registrationStart">> = { ...v };
    delete out.registrationNumber;
    delete out.registrationStart;
    return out as Omit<typeof v, "registrationNumber" | "registrationStart">;
  });
export type TSubmitCredential = z.infer<typeof ZSubmitCredential>;

export const ZCredentialRef = ZRecordRef;
export type TCredentialRef = TRecordRef;

/** Most credentials verified at once: one page of the queue. */
export const MAX_BATCH = 100;

/**
 * Several credentials verified at once, each as "id:version" (the version the page showed, so one
 * changed meanwhile is refused, as a single verification would be).
 */
export const ZCredentialBatch = z.object({
  credentials: z
    .array(
      z
        .string()
        .regex(/^[\w-]{1,64}:\d{1,9}$/, "invalid")
        .transform((v) => {
          const [id, version] = v.split(":");
          return { id: id!, version: Number(version) };
        }),
    )
    .min(1, "batchNone")
    .max(MAX_BATCH, "invalid"),
});
export type TCredentialBatch = z.infer<typeof ZCredentialBatch>;

/** Rejecting and revoking must say why: the practitioner reads it. */
export const ZCredentialWithReason = ZRecordRefWithReason;
export type TCredentialWithReason = TRecordRefWithReason;

/** Size and declared presence of the scan; its real type is sniffed on the server. */
export function scanProblem(file: { size: number } | null | undefined): TScanProblemCode | null {
  if (!file || file.size === 0) return "scanRequired";
  if (file.size > MAX_SCAN_BYTES) return "scanTooLarge";
  return null;
}
