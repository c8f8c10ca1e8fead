import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { QUALIFICATION_LEVELS } from "@/domain/practitioners/enums";
import { parseYuan } from "@/lib/money";
import { AUDIENCE_DEPARTMENT_TYPES, AUDIENCE_ORGANIZATION_KINDS, TRAINING_KINDS, TRAINING_SCOPES } from "./enums";

// One schema per form, shared by the client form and the server mutation. Messages are catalogue
// keys: plain ones under "validation", dotted ones full keys in the "trainings" namespace.

const V = "trainings.validation";
const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int("invalid").min(1, "invalid");
const ZRequiredDay = z.preprocess(blank, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

export const MAX_CAPACITY = 10_000;
/** A programme's length, in hours (a year of full days is far below it). */
export const MAX_HOURS = 999;
/** Cost and subsidy per participant, in yuan: well inside an int32 of fen. */
export const MAX_FEE_YUAN = 1_000_000;
/** At most this many people enrolled in one step (a cohort). */
export const MAX_ENROL_AT_ONCE = 200;

/** A whole number from `min` to `max` as typed ("" is required; "2.5", "-1", "abc" are not whole numbers). */
function ZWhole(min: number, max: number, message: string = `${V}.wholeNumber`) {
  return z.preprocess(
    (v) => {
      const b = blank(typeof v === "string" ? v.trim() : v);
      return typeof b === "string" ? (/^\d{1,9}$/.test(b.normalize("NFKC")) ? Number(b.normalize("NFKC")) : Number.NaN) : b;
    },
    z.number({ error: (issue) => (issue.input === undefined ? "required" : message) }).int(message).min(min, message).max(max, message),
  );
}

/** Hours as typed ("7", "7.5"; full-width digits accepted) → half hours; `zero` allows 0 (CPD hours). */
export function ZHalfHours({ zero = false }: { zero?: boolean } = {}) {
  return z
    .string("required")
    .trim()
    .min(1, "required")
    .transform((v) => v.normalize("NFKC"))
    .pipe(z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, `${V}.hours`))
    .transform(Number)
    .refine((n) => (zero ? n >= 0 : n > 0) && n <= MAX_HOURS, `${V}.hours`)
    .refine((n) => Number.isInteger(n * 2), `${V}.halfHours`)
    .transform((n) => Math.round(n * 2));
}

/** Yuan per participant, blank = 0 → fen (a number: far below 2^31). */
const ZFee = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return 0;
    const fen = parseYuan(v);
    if (fen === null || fen > BigInt(MAX_FEE_YUAN) * 100n) {
      ctx.addIssue({ code: "custom", message: `${V}.money` });
      return z.NEVER;
    }
    return Number(fen);
  });

const ZText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const ZIdList = z.array(z.string().trim().min(1, "invalid").max(64, "invalid")).max(100, "invalid");

// ─── Providers ──────────────────────────────────────────────────────────────────────────────

export const ZApproveProvider = withCrossCheck(
  z.object({
    organizationId: ZId,
    scopes: z.array(z.enum(TRAINING_SCOPES, `${V}.scopes`)).min(1, `${V}.scopes`).max(TRAINING_SCOPES.length, `${V}.scopes`),
    validFrom: ZRequiredDay,
    validTo: ZRequiredDay,
  }),
  (v, ctx, parsed) => {
    if (parsed("validFrom") && parsed("validTo") && v.validTo.getTime() < v.validFrom.getTime()) ctx.addIssue({ code: "custom", path: ["validTo"], message: `${V}.validToBeforeFrom` });
  },
);
export type TApproveProvider = z.infer<typeof ZApproveProvider>;

export const ZRevokeApproval = z.object({ id: ZId, version: ZVersion, reason: z.string().trim().min(1, "reasonRequired").max(500, "tooLong") });
export type TRevokeApproval = z.infer<typeof ZRevokeApproval>;

// ─── Programmes ─────────────────────────────────────────────────────────────────────────────

const ZTrainingFields = z.object({
  /** The city chooses the provider; a provider's own organisation is forced on the server. */
  providerId: z.preprocess(blank, z.string().trim().max(64, "invalid").optional()),
  kind: z.enum(TRAINING_KINDS, "required"),
  scope: z.enum(TRAINING_SCOPES, "required"),
  title: ZText(200),
  venue: ZText(200),
  startDate: ZRequiredDay,
  endDate: ZRequiredDay,
  capacity: ZWhole(1, MAX_CAPACITY),
  hours: ZHalfHours(),
  cpdHours: ZHalfHours({ zero: true }),
  completionPercent: ZWhole(1, 100, `${V}.percent`),
  audienceDepartmentTypes: z.array(z.enum(AUDIENCE_DEPARTMENT_TYPES, "invalid")).max(AUDIENCE_DEPARTMENT_TYPES.length, "invalid"),
  audienceRegionIds: ZIdList,
  audienceOrganizationKinds: z.array(z.enum(AUDIENCE_ORGANIZATION_KINDS, "invalid")).max(AUDIENCE_ORGANIZATION_KINDS.length, "invalid"),
  audienceLevels: z.array(z.enum(QUALIFICATION_LEVELS, "invalid")).max(QUALIFICATION_LEVELS.length, "invalid"),
  cost: ZFee,
  subsidy: ZFee,
  budgetLineId: z.preprocess(blank, z.string().trim().max(64, "invalid").optional()),
});

function crossCheck(v: z.output<typeof ZTrainingFields>, ctx: z.RefinementCtx, parsed: (f: string) => boolean) {
  const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: key });
  if (parsed("startDate") && parsed("endDate") && v.endDate.getTime() < v.startDate.getTime()) issue("endDate", `${V}.endBeforeStart`);
  if (parsed("hours") && parsed("cpdHours") && v.cpdHours > v.hours) issue("cpdHours", `${V}.cpdAboveLength`);
  if (parsed("cost") && parsed("subsidy") && v.subsidy > v.cost) issue("subsidy", `${V}.subsidyAboveCost`);
  if (parsed("subsidy") && v.subsidy > 0 && !v.budgetLineId) issue("budgetLineId", `${V}.subsidyNeedsLine`);
}

export const ZCreateTraining = withCrossCheck(ZTrainingFields, crossCheck);
export type TCreateTraining = z.infer<typeof ZCreateTraining>;

export const ZUpdateTraining = withCrossCheck(ZTrainingFields.extend({ id: ZId, version: ZVersion }), crossCheck);
export type TUpdateTraining = z.infer<typeof ZUpdateTraining>;

/** The multi-valued fields of the programme form, as the schema expects them. */
export const TRAINING_LIST_FIELDS = ["audienceDepartmentTypes", "audienceRegionIds", "audienceOrganizationKinds", "audienceLevels"] as const;

export const ZTrainingRef = z.object({ id: ZId, version: ZVersion });
export type TTrainingRef = z.infer<typeof ZTrainingRef>;

// ─── Sessions ───────────────────────────────────────────────────────────────────────────────

const ZSessionFields = z.object({
  date: ZRequiredDay,
  startsAt: z
    .string()
    .trim()
    .min(1, "required")
    .transform((v) => v.normalize("NFKC").replace("：", ":"))
    .pipe(z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, `${V}.time`))
    .transform((v) => v.padStart(5, "0")),
  hours: ZHalfHours(),
  topic: ZText(200),
});

export const ZAddSession = ZSessionFields.extend({ trainingId: ZId });
export type TAddSession = z.infer<typeof ZAddSession>;

export const ZUpdateSession = ZSessionFields.extend({ id: ZId });
export type TUpdateSession = z.infer<typeof ZUpdateSession>;

export const ZRemoveSession = z.object({ id: ZId });
export type TRemoveSession = z.infer<typeof ZRemoveSession>;

// ─── Enrolment and attendance ───────────────────────────────────────────────────────────────

export const ZEnrol = z.object({
  trainingId: ZId,
  practitionerIds: z.array(z.string().trim().min(1, "invalid").max(64, "invalid")).min(1, `${V}.nobodyChosen`).max(MAX_ENROL_AT_ONCE, `${V}.tooMany`),
});
export type TEnrol = z.infer<typeof ZEnrol>;

export const ZWithdraw = z.object({ enrolmentId: ZId });
export type TWithdraw = z.infer<typeof ZWithdraw>;

/** One session's sheet: every enrolment listed on it, and those marked present. */
export const ZSaveAttendance = z.object({
  sessionId: ZId,
  listed: z.array(ZId).min(1, "invalid").max(MAX_CAPACITY, "invalid"),
  present: z.array(ZId).max(MAX_CAPACITY, "invalid"),
});
export type TSaveAttendance = z.infer<typeof ZSaveAttendance>;
