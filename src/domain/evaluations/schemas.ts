import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";
import { TALENT_TRACKS } from "@/domain/practitioners/enums";
import { checkIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { EVALUATION_KINDS, EVALUATION_STATUSES, isProjectKind, MAX_CRITERIA } from "./enums";

// The forms of rubrics, assignment, the panel and the scoring sheet. Messages are catalogue codes.

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(0).max(1_000_000);
const optionalId = z
  .string()
  .trim()
  .max(64, "invalid")
  .optional()
  .transform((v) => (v ? v : null));

// ─── Rubrics ───────────────────────────────────────────────────────────────────────────────

const ZCriterion = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  weight: z
    .string()
    .trim()
    .min(1, "required")
    .regex(/^\d{1,3}$/, "evaluations.validation.scoreInteger")
    .transform(Number)
    .refine((v) => v >= 1 && v <= 100, "evaluations.validation.scoreRange"),
  descriptor: z.string().trim().min(1, "required").max(2000, "tooLong"),
});

/**
 * A new version of a kind's rubric: its name and criteria (weights in whole percents adding up to
 * 100). `basedOn` is the newest version the form was drawn from (0 for the first): another version
 * written meanwhile makes the form stale.
 */
export const ZRubricVersion = z
  .object({
    kind: z.enum(EVALUATION_KINDS, "invalid"),
    basedOn: ZVersion,
    name: z.string().trim().min(1, "required").max(200, "tooLong"),
    criteria: z.array(ZCriterion).max(MAX_CRITERIA, "evaluations.validation.criteriaTooMany"),
  })
  .superRefine((v, ctx) => {
    if (v.criteria.length === 0) return void ctx.addIssue({ code: "custom", path: ["criteria"], message: "evaluations.validation.criteriaRequired" });
    const sum = v.criteria.reduce((s, c) => s + c.weight, 0);
    if (sum !== 100) ctx.addIssue({ code: "custom", path: ["criteria"], message: "evaluations.validation.weightsSum" });
  });
export type TRubricVersion = z.infer<typeof ZRubricVersion>;

/** The form's entries, with `criteria.<i>.<field>` rows gathered in order. */
export function rubricFormInput(formData: FormData) {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of formData.entries()) {
    const m = /^criteria\.(\d{1,3})\.(name|weight|descriptor)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]!]: value });
  }
  const criteria = [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
  return { kind: formData.get("kind"), basedOn: formData.get("basedOn"), name: formData.get("name"), criteria };
}

export const ZRetireRubric = z.object({ rubricId: ZId });
export type TRetireRubric = z.infer<typeof ZRetireRubric>;

// ─── Assignment and panel ──────────────────────────────────────────────────────────────────

const ZIdNumber = z
  .string()
  .trim()
  .max(32, "evaluations.validation.idNumber")
  .transform((v) => normaliseIdNumber(v))
  .refine((v) => checkIdNumber(v) === null, "evaluations.validation.idNumber");

/**
 * An assignment: the kind, what is evaluated (a contract; an agency; a practitioner, by their ID
 * number, and a talent track), the body, the panel and the due date. The rubric is the kind's
 * current version, chosen on the server.
 */
export const ZAssignEvaluation = z
  .object({
    kind: z.enum(EVALUATION_KINDS, "required"),
    bodyId: ZId,
    contractId: optionalId,
    organizationId: optionalId,
    practitionerIdNumber: z
      .string()
      .trim()
      .max(32, "evaluations.validation.idNumber")
      .optional()
      .transform((v) => (v ? v : null)),
    track: z
      .union([z.enum(TALENT_TRACKS, "invalid"), z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    year: z.coerce.number("year").int("year").min(2000, "year").max(2100, "year"),
    dueDate: ZDay,
    scorerIds: z.array(ZId).max(30, "invalid"),
  })
  .superRefine((v, ctx) => {
    if (isProjectKind(v.kind) && !v.contractId) ctx.addIssue({ code: "custom", path: ["contractId"], message: "evaluations.validation.contractRequired" });
    if (v.kind === "AGENCY_GRADING" && !v.organizationId) ctx.addIssue({ code: "custom", path: ["organizationId"], message: "evaluations.validation.agencyRequired" });
    if (v.kind === "PERSONAL_APPRAISAL") {
      if (!v.practitionerIdNumber) ctx.addIssue({ code: "custom", path: ["practitionerIdNumber"], message: "evaluations.validation.practitionerRequired" });
      else if (checkIdNumber(normaliseIdNumber(v.practitionerIdNumber)) !== null) ctx.addIssue({ code: "custom", path: ["practitionerIdNumber"], message: "evaluations.validation.idNumber" });
      if (!v.track) ctx.addIssue({ code: "custom", path: ["track"], message: "evaluations.validation.trackRequired" });
    }
    if (v.scorerIds.length === 0) ctx.addIssue({ code: "custom", path: ["scorerIds"], message: "evaluations.validation.scorersRequired" });
  });
export type TAssignEvaluation = z.infer<typeof ZAssignEvaluation>;

/** The form's entries, with the checked scorers gathered as a list. */
export function assignFormInput(formData: FormData) {
  const entries = Object.fromEntries([...formData.entries()].filter(([k]) => k !== "scorerIds"));
  return { ...entries, scorerIds: formData.getAll("scorerIds").filter((v) => typeof v === "string") };
}

export const ZAddScorer = z.object({ evaluationId: ZId, version: ZVersion, userId: z.string().trim().min(1, "required").max(64, "invalid") });
export type TAddScorer = z.infer<typeof ZAddScorer>;

/** A scorer declares a conflict of interest, saying what it is: they are recused. */
export const ZDeclareRecusal = z.object({
  evaluationId: ZId,
  note: z.string().trim().min(1, "evaluations.validation.noteRequired").max(500, "tooLong"),
});
export type TDeclareRecusal = z.infer<typeof ZDeclareRecusal>;

// ─── Scoring sheet ─────────────────────────────────────────────────────────────────────────

/** A score as typed: blank (not yet scored), or a whole number 0–100. */
const ZSheetScore = z
  .string()
  .trim()
  .max(8, "evaluations.validation.scoreInteger")
  .refine((v) => v === "" || /^\d+$/.test(v), "evaluations.validation.scoreInteger")
  .refine((v) => v === "" || Number(v) <= 100, "evaluations.validation.scoreRange")
  .transform((v) => (v === "" ? null : Number(v)));

/**
 * A scorer's sheet: `score.<criterionId>` fields, saved as a draft (blanks allowed) or submitted
 * (every criterion scored: checked on the server against the rubric).
 */
export const ZScoreSheet = z.object({
  evaluationId: ZId,
  intent: z.enum(["save", "submit"], "invalid"),
  score: z.record(z.string().min(1, "invalid").max(64, "invalid"), ZSheetScore),
});
export type TScoreSheet = z.infer<typeof ZScoreSheet>;

/** The form's entries, with the `score.<criterionId>` fields gathered under `score`. */
export function sheetFormInput(formData: FormData) {
  const score: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("score.") && typeof value === "string") score[key.slice(6)] = value;
  return { evaluationId: formData.get("evaluationId"), intent: formData.get("intent"), score };
}

// ─── An evaluator's own register entry ─────────────────────────────────────────────────────

/** Links an evaluator's account to their register entry by its ID number; blank unlinks. */
export const ZLinkPerson = z.object({
  userId: ZId,
  idNumber: z.union([z.literal(""), ZIdNumber]).transform((v) => (v ? v : null)),
});
export type TLinkPerson = z.infer<typeof ZLinkPerson>;

// ─── List filter ───────────────────────────────────────────────────────────────────────────

export type TEvaluationListFilter = { status: (typeof EVALUATION_STATUSES)[number] | null; kind: (typeof EVALUATION_KINDS)[number] | null; mine: boolean };

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => (typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : null);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * Reads the list's filters leniently. `waiting` (the evaluator's default): the evaluations waiting
 * for my sheet; `?waiting=0` shows all of the body's.
 */
export function parseEvaluationListFilter(sp: Record<string, string | string[] | undefined>, evaluator: boolean): TEvaluationListFilter {
  const waiting = first(sp.waiting);
  return {
    status: oneOf(EVALUATION_STATUSES, first(sp.status)),
    kind: oneOf(EVALUATION_KINDS, first(sp.kind)),
    mine: evaluator && waiting !== "0",
  };
}

export function evaluationListParams(f: TEvaluationListFilter, evaluator: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.status) out.status = f.status;
  if (f.kind) out.kind = f.kind;
  if (evaluator && !f.mine) out.waiting = "0";
  return out;
}
