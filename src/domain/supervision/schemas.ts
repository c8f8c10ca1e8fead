import { z } from "zod";
import { isNotInFuture, isoDay, ZDay } from "@/domain/common/calendar-day";
import { ZRecordRef } from "@/domain/common/record-ref";
import { withCrossCheck } from "@/domain/common/cross-check";
import { ZHours } from "@/domain/registrations/schemas";
import { DISPUTE_REASON_MAX, TOPIC_MAX } from "./rules";

// Supervision forms (plan.md T7), shared by the client forms and the server mutations. Messages
// are catalogue keys: plain ones under "validation", dotted ones full keys (supervision.validation.*).

// A picker's id: an unanswered radio group submits nothing, which reads as "" (so its own message, not zod's).
const orEmpty = (v: unknown) => (v === undefined || v === null ? "" : v);
const ZSupervisorId = z.preprocess(orEmpty, z.string().trim().min(1, "supervision.validation.supervisorNotFound").max(64, "invalid"));
const ZSuperviseeId = z.preprocess(orEmpty, z.string().trim().min(1, "supervision.validation.superviseeNotFound").max(64, "invalid"));
const ZPairId = z.preprocess(orEmpty, z.string().trim().min(1, "supervision.validation.pairNotFound").max(64, "invalid"));

/** A day on which something happened: YYYY-MM-DD, from 1950 to today. */
const ZPastFormDay = z
  .string()
  .trim()
  .min(1, "required")
  .pipe(ZDay.refine((d) => d.getUTCFullYear() >= 1950, "date").refine((d) => isNotInFuture(d), "dateInFuture"));

/** Start a pair: a supervisor (anywhere in the city), a supervisee (in the caller's scope), the first day. */
export const ZStartSupervision = withCrossCheck(
  z.object({
    supervisorId: ZSupervisorId,
    superviseeId: ZSuperviseeId,
    startDate: ZPastFormDay,
  }),
  (v, ctx, parsed) => {
    if (parsed("supervisorId") && parsed("superviseeId") && v.supervisorId === v.superviseeId) ctx.addIssue({ code: "custom", path: ["superviseeId"], message: "supervision.validation.selfSupervision" });
  },
);
export type TStartSupervision = z.infer<typeof ZStartSupervision>;

/** End a pair: its last day (after its start, which the server checks, and not in the future). */
export const ZEndSupervision = ZRecordRef.extend({ endDate: ZPastFormDay });
export type TEndSupervision = z.infer<typeof ZEndSupervision>;

/** The city approves a supervisor who does not meet the level-and-years rule; the note says on what grounds. */
export const ZApproveSupervisor = z.object({
  practitionerId: ZSupervisorId,
  note: z.string().trim().min(1, "required").max(500, "tooLong"),
});
export type TApproveSupervisor = z.infer<typeof ZApproveSupervisor>;

/** The city withdraws its approval of a supervisor (current pairs go on; new ones follow the rule). */
export const ZWithdrawSupervisorApproval = z.object({ practitionerId: ZSupervisorId });
export type TWithdrawSupervisorApproval = z.infer<typeof ZWithdrawSupervisorApproval>;

/** A session, logged by the pair's supervisor: day, hours (whole or half), topic. */
export const ZLogSession = z
  .object({
    supervisionId: ZPairId,
    date: ZPastFormDay.transform((d) => isoDay(d)),
    hours: ZHours,
    topic: z.string().trim().min(1, "required").max(TOPIC_MAX, "tooLong"),
  })
  .transform(({ hours, ...v }) => ({ ...v, halfHours: hours }));
export type TLogSession = z.infer<typeof ZLogSession>;

export const ZConfirmSession = ZRecordRef;
export type TConfirmSession = z.infer<typeof ZConfirmSession>;

/** A dispute says why: the supervisor reads it. */
export const ZDisputeSession = ZRecordRef.extend({ reason: z.string().trim().min(1, "reasonRequired").max(DISPUTE_REASON_MAX, "tooLong") });
export type TDisputeSession = z.infer<typeof ZDisputeSession>;
