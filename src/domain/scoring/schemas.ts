import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";
import { ZYuan } from "@/domain/funds/schemas";
import { contractProblems } from "./rules";

// The forms of a call's panel, scoring, selection and contract. Messages are catalogue codes.

const ZId = z.string().trim().min(1, "required").max(64, "invalid");

export const ZAddPanelMember = z.object({ callId: ZId, userId: ZId });
export type TAddPanelMember = z.infer<typeof ZAddPanelMember>;

export const ZRemovePanelMember = z.object({ callId: ZId, memberId: ZId });
export type TRemovePanelMember = z.infer<typeof ZRemovePanelMember>;

/** A scorer's declaration: a conflict of interest (with what it is), or none. */
export const ZDeclareConflict = z
  .object({
    callId: ZId,
    conflict: z.enum(["yes", "no"], "required").transform((v) => v === "yes"),
    conflictNote: z
      .string()
      .trim()
      .max(500, "tooLong")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.conflict && !v.conflictNote) ctx.addIssue({ code: "custom", path: ["conflictNote"], message: "scoring.validation.conflictNoteRequired" });
  });
export type TDeclareConflict = z.infer<typeof ZDeclareConflict>;

/** A whole integer as typed (no sign, no decimals); the criterion's range is checked on the server. */
const ZScoreValue = z
  .string()
  .trim()
  .min(1, "scoring.validation.scoreMissing")
  .regex(/^\d{1,4}$/, "scoring.validation.scoreRange")
  .transform(Number);

/** One scorer's scores of one proposal: `score.<criterionId>` fields. */
export const ZScoreProposal = z.object({
  callId: ZId,
  proposalId: ZId,
  score: z.record(z.string().min(1, "invalid").max(64, "invalid"), ZScoreValue),
});
export type TScoreProposal = z.infer<typeof ZScoreProposal>;

/** The form's entries, with the `score.<criterionId>` fields gathered under `score`. */
export function scoreFormInput(formData: FormData) {
  const score: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("score.") && typeof value === "string") score[key.slice(6)] = value;
  return { callId: formData.get("callId"), proposalId: formData.get("proposalId"), score };
}

export const ZSelectProposal = z.object({
  callId: ZId,
  version: z.coerce.number().int().min(1),
  proposalId: z.string().trim().min(1, "scoring.validation.proposalRequired").max(64, "invalid"),
  reason: z.string().trim().min(1, "scoring.validation.reasonRequired").max(2000, "tooLong"),
});
export type TSelectProposal = z.infer<typeof ZSelectProposal>;

export const MAX_MILESTONES = 24;

const ZMilestone = z.object({
  title: z.string().trim().min(1, "required").max(200, "tooLong"),
  deliverable: z.string().trim().min(1, "required").max(1000, "tooLong"),
  dueDate: ZDay,
  amount: ZYuan,
});

/** A contract from the selected proposal: value, term and milestones (staffing comes from the call). */
export const ZCreateContract = z
  .object({
    callId: ZId,
    value: ZYuan,
    termStart: ZDay,
    termEnd: ZDay,
    milestones: z.array(ZMilestone).max(MAX_MILESTONES, "invalid"),
  })
  .superRefine((v, ctx) => {
    const problems = contractProblems({ valueFen: v.value, termStart: v.termStart, termEnd: v.termEnd, milestones: v.milestones.map((m) => ({ dueDate: m.dueDate, amountFen: m.amount })) });
    for (const [field, message] of Object.entries(problems)) ctx.addIssue({ code: "custom", path: field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message });
  });
export type TCreateContract = z.infer<typeof ZCreateContract>;

/** The form's entries, with `milestones.<i>.<field>` rows gathered in order. */
export function contractFormInput(formData: FormData) {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of formData.entries()) {
    const m = /^milestones\.(\d{1,3})\.(title|deliverable|dueDate|amount)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]!]: value });
  }
  const milestones = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => r);
  return { callId: formData.get("callId"), value: formData.get("value"), termStart: formData.get("termStart"), termEnd: formData.get("termEnd"), milestones };
}
