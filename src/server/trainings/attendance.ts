import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit, type TAuditActor } from "@/server/audit/record";
import { getRequestMeta, type TRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { trainingScope } from "@/server/authz/scope";
import { DomainError } from "@/domain/common/errors";
import type { TSaveAttendance } from "@/domain/trainings/schemas";

// Attendance per session (plan.md T2), taken by the provider (or the city) on the phone page or
// imported from Excel (attendance-import/). Only people holding a place are on a session's sheet;
// a mark for anyone else, or for a session of another programme, is refused and nothing is written.

export type TMark = { enrolmentId: string; present: boolean };

/**
 * Writes one session's marks inside the caller's transaction (which holds the programme's lock
 * when it matters): every enrolment must hold a place in the session's own programme, and nobody's
 * attended hours may pass the programme's length. Returns how many marks were new or changed.
 */
export async function recordAttendance(tx: TTx, session: { id: string; trainingId: string }, marks: TMark[], actorId: string | null): Promise<{ created: number; changed: number; unchanged: number }> {
  const ids = [...new Set(marks.map((m) => m.enrolmentId))];
  const enrolments = await tx.trainingEnrolment.findMany({ where: { id: { in: ids } }, select: { id: true, trainingId: true, status: true } });
  const byId = new Map(enrolments.map((e) => [e.id, e]));
  for (const id of ids) {
    const e = byId.get(id);
    if (e && e.trainingId !== session.trainingId) throw new DomainError("trainings.errors.sessionOfOtherProgramme");
    if (!e || e.status !== "ENROLLED") throw new DomainError("trainings.errors.notEnrolled");
  }
  const existing = await tx.trainingAttendance.findMany({ where: { sessionId: session.id, enrolmentId: { in: ids } }, select: { enrolmentId: true, present: true } });
  const was = new Map(existing.map((a) => [a.enrolmentId, a.present]));
  const last = new Map(marks.map((m) => [m.enrolmentId, m.present]));
  const fresh = [...last].filter(([id]) => !was.has(id));
  const changed = [...last].filter(([id, present]) => was.has(id) && was.get(id) !== present);
  if (fresh.length) await tx.trainingAttendance.createMany({ data: fresh.map(([enrolmentId, present]) => ({ sessionId: session.id, enrolmentId, present, recordedById: actorId })), skipDuplicates: true });
  for (const present of [true, false]) {
    const group = changed.filter(([, p]) => p === present).map(([id]) => id);
    if (group.length) await tx.trainingAttendance.updateMany({ where: { sessionId: session.id, enrolmentId: { in: group } }, data: { present, recordedById: actorId, recordedAt: new Date() } });
  }
  // Attended hours never pass the programme's length (sessions are kept within it; this is the guard).
  const training = await tx.training.findUniqueOrThrow({ where: { id: session.trainingId }, select: { lengthHalfHours: true } });
  const over = await tx.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT a."enrolmentId" FROM "TrainingAttendance" a JOIN "TrainingSession" s ON s.id = a."sessionId"
       WHERE a."enrolmentId" = ANY(${ids}) AND a.present
       GROUP BY a."enrolmentId" HAVING sum(s."halfHours") > ${training.lengthHalfHours}) x`;
  if (Number(over[0]?.n ?? 0) > 0) throw new DomainError("trainings.errors.attendanceBeyondLength");
  return { created: fresh.length, changed: changed.length, unchanged: last.size - fresh.length - changed.length };
}

/** The session if the caller may take attendance for its programme, and the programme is running. */
export async function attendableSession(tx: TTx, actor: Parameters<typeof trainingScope>[0], sessionId: string) {
  const session = await tx.trainingSession.findFirst({
    where: { id: sessionId, training: trainingScope(actor, "trainings.attendance") },
    select: { id: true, trainingId: true, number: true, training: { select: { status: true, reference: true } } },
  });
  if (!session) throw new DomainError("notFound");
  if (session.training.status !== "PUBLISHED") throw new DomainError("trainings.errors.attendanceClosed");
  return session;
}

/** Saves one session's sheet from the attendance page: those listed, present or absent. */
export async function saveAttendance(input: TSaveAttendance) {
  const actor = await authorize("trainings.attendance");
  const meta: TRequestMeta = await getRequestMeta();
  const present = new Set(input.present);
  if ([...present].some((id) => !input.listed.includes(id))) throw new DomainError("trainings.errors.notEnrolled");
  return prisma.$transaction(async (tx) => {
    const session = await attendableSession(tx, actor, input.sessionId);
    const result = await recordAttendance(tx, session, input.listed.map((id) => ({ enrolmentId: id, present: present.has(id) })), actor.id);
    const audit: TAuditActor = auditActor(actor);
    await recordAudit(tx, {
      actor: audit,
      action: "trainings.attendance",
      entity: "TrainingSession",
      entityId: session.id,
      after: { reference: session.training.reference, session: session.number, present: present.size, absent: input.listed.length - present.size, ...result },
      meta,
    });
    return { ...result, sessionId: session.id, trainingId: session.trainingId };
  });
}
