import "server-only";
import type { TTx } from "@/server/db";
import { creditCpd } from "@/server/registrations/mutations";
import { releaseCommitment, spendCommitment } from "@/server/funds/ledger";
import { notify, practitionerAudience } from "@/server/notifications/notify";
import { enrolmentSourceRef, isCompleted } from "@/domain/trainings/rules";
import type { TLockedTraining } from "./common";

// Completion (decided when the programme is closed, not as attendance comes in: a late sheet can
// still be corrected until then). Each enrolment with sessions attended ≥ the programme's share
// is COMPLETED: its CPD hours are credited to the person's ledger and its subsidy is paid; any
// other is NOT_COMPLETED and its subsidy promise is given back. Everything is keyed on
// training:<enrolmentId>, so running it again writes nothing twice.

export type TCompletionResult = { completed: string[]; notCompleted: string[]; emails: string[] };

export async function completeTraining(tx: TTx, t: TLockedTraining, actorId: string | null): Promise<TCompletionResult> {
  const sessions = await tx.trainingSession.count({ where: { trainingId: t.id } });
  const enrolments = await tx.trainingEnrolment.findMany({
    where: { trainingId: t.id, status: { in: ["ENROLLED", "COMPLETED"] } },
    orderBy: { number: "asc" },
    select: { id: true, status: true, practitionerId: true, _count: { select: { attendance: { where: { present: true } } } } },
  });
  const provider = await tx.organization.findUniqueOrThrow({ where: { id: t.providerId }, select: { name: true } });
  const completed: string[] = [];
  const notCompleted: string[] = [];
  const emails: string[] = [];
  const now = new Date();
  for (const e of enrolments) {
    const ref = enrolmentSourceRef(e.id);
    if (e.status === "COMPLETED" || isCompleted(e._count.attendance, sessions, t.completionPercent)) {
      if (e.status !== "COMPLETED") await tx.trainingEnrolment.update({ where: { id: e.id }, data: { status: "COMPLETED", completedAt: now, version: { increment: 1 } } });
      if (t.cpdHalfHours > 0) {
        await creditCpd(tx, { practitionerId: e.practitionerId, kind: "TRAINING_PROGRAMME", title: t.title, provider: provider.name, startDate: t.startDate, endDate: t.endDate, halfHours: t.cpdHalfHours, sourceRef: ref });
      }
      await spendCommitment(tx, ref, actorId, t.reference);
      if (e.status !== "COMPLETED") {
        completed.push(e.id);
        const person = await tx.practitioner.findUniqueOrThrow({ where: { id: e.practitionerId }, select: { id: true, name: true, organizationId: true } });
        const sent = await notify(tx, await practitionerAudience(tx, person), {
          kind: "trainingCompleted",
          params: { name: person.name, title: t.title, reference: t.reference, hours: t.cpdHalfHours / 2 },
          href: (u) => (u.practitionerId === person.id ? `/trainings/completions/${e.id}` : `/trainings/${t.id}`),
          dedupeKey: (u) => `trainingCompleted:${e.id}:${u.id}`,
        });
        emails.push(...sent.emails);
      }
    } else {
      await tx.trainingEnrolment.update({ where: { id: e.id }, data: { status: "NOT_COMPLETED", version: { increment: 1 } } });
      await releaseCommitment(tx, ref, actorId, t.reference);
      notCompleted.push(e.id);
    }
  }
  // Still waiting when the programme ends: they never had a place.
  await tx.trainingEnrolment.updateMany({ where: { trainingId: t.id, status: "WAITLISTED" }, data: { status: "WITHDRAWN", waitlistPosition: null, withdrawnAt: now } });
  return { completed, notCompleted, emails };
}
