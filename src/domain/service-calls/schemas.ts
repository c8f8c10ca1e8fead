import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { PRACTICE_FIELDS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { AGENCY_RATING_LEVELS } from "@/domain/agencies/enums";
import { parseYuan } from "@/lib/money";
import { SERVICE_PROJECT_TYPES } from "./enums";
import { parseCityDateTime } from "./rules";

// One schema per form, shared by the client form and the server mutation. Messages are catalogue
// keys: plain ones under "validation", dotted ones full keys in the "serviceCalls" namespace.

const V = "serviceCalls.validation";
const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int("invalid").min(1, "invalid");
const ZRequiredDay = z.preprocess(blank, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);
const ZText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

export const MAX_CRITERIA = 12;
export const MAX_BUDGET_LINES = 30;
export const MAX_NAMED_STAFF = 100;
/** A call's budget, in yuan: a hundred million is far beyond any one service project. */
export const MAX_CALL_YUAN = 100_000_000;

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

/** Yuan as typed → fen (bigint), more than zero and at most `maxYuan`. */
function ZAmount(maxYuan: number) {
  return z
    .string("required")
    .trim()
    .min(1, "required")
    .transform((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null || fen <= 0n || fen > BigInt(maxYuan) * 100n) {
        ctx.addIssue({ code: "custom", message: `${V}.money` });
        return z.NEVER;
      }
      return fen;
    });
}

export const ZCriterion = z.object({
  name: ZText(100),
  weight: ZWhole(1, 100, `${V}.percent`),
  maxScore: ZWhole(1, 100),
});

const ZCallFields = z.object({
  title: ZText(200),
  description: ZText(4000),
  type: z.enum(SERVICE_PROJECT_TYPES, "required"),
  practiceField: z.enum(PRACTICE_FIELDS, "required"),
  targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid"),
  /** The city chooses the commissioning department (blank: the city itself); a department officer's own is forced on the server. */
  departmentId: z.preprocess(blank, z.string().trim().max(64, "invalid").optional()),
  /** The district the project serves. */
  regionId: ZId,
  budget: ZAmount(MAX_CALL_YUAN),
  budgetLineId: z.preprocess(blank, z.string().trim().max(64, "invalid").optional()),
  termStart: ZRequiredDay,
  termEnd: ZRequiredDay,
  minQualifiedStaff: ZWhole(0, MAX_NAMED_STAFF),
  minQualifiedPercent: ZWhole(0, 100, `${V}.percent`),
  minRating: z.preprocess(blank, z.enum(AGENCY_RATING_LEVELS, "invalid").optional()),
  /** Date and time in the city ("YYYY-MM-DDTHH:mm", as a datetime-local input sends it). */
  deadline: z
    .string("required")
    .trim()
    .min(1, "required")
    .refine((v) => parseCityDateTime(v) !== null, `${V}.deadline`)
    .transform((v) => parseCityDateTime(v)!),
  criteria: z.array(ZCriterion).min(1, `${V}.criteriaCount`).max(MAX_CRITERIA, `${V}.criteriaCount`),
});

function crossCheck(v: z.output<typeof ZCallFields>, ctx: z.RefinementCtx, parsed: (f: string) => boolean) {
  const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: key });
  if (parsed("termStart") && parsed("termEnd") && v.termEnd.getTime() < v.termStart.getTime()) issue("termEnd", `${V}.endBeforeStart`);
  if (parsed("deadline") && parsed("termStart") && v.deadline.getTime() > v.termStart.getTime() - 8 * 3_600_000) issue("deadline", `${V}.deadlineAfterStart`);
  if (parsed("criteria") && v.criteria.reduce((n, c) => n + c.weight, 0) !== 100) issue("criteria", `${V}.weightsSum`);
}

export const ZCreateCall = withCrossCheck(ZCallFields, crossCheck);
export type TCreateCall = z.infer<typeof ZCreateCall>;

export const ZUpdateCall = withCrossCheck(ZCallFields.extend({ id: ZId, version: ZVersion }), crossCheck);
export type TUpdateCall = z.infer<typeof ZUpdateCall>;

export const ZCallRef = z.object({ id: ZId, version: ZVersion });
export type TCallRef = z.infer<typeof ZCallRef>;

export const ZProposalBudgetLine = z.object({ item: ZText(200), amount: ZAmount(MAX_CALL_YUAN) });

export const ZSubmitProposal = z.object({
  callId: ZId,
  narrative: ZText(8000),
  lines: z.array(ZProposalBudgetLine).min(1, `${V}.budgetLinesCount`).max(MAX_BUDGET_LINES, `${V}.budgetLinesCount`),
  staffIds: z.array(ZId).max(MAX_NAMED_STAFF, `${V}.staffCount`),
});
export type TSubmitProposal = z.infer<typeof ZSubmitProposal>;

export const ZProposalRef = z.object({ id: ZId, version: ZVersion });
export type TProposalRef = z.infer<typeof ZProposalRef>;

/** The list fields of the call form (sent once per box or row). */
export const CALL_LIST_FIELDS = ["targetGroups", "criterionName", "criterionWeight", "criterionMax"] as const;
