import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { runImportChunk, type TChunkDecisions } from "@/server/imports/chunk";
import type { TChunkResult } from "@/server/staff-import/processor";
import { recordAttendance } from "@/server/trainings/attendance";
import type { TAttendanceRowError } from "@/domain/trainings/attendance-import";

// The attendance import's chunks, run by the staff import's queue and runner (runImport with this
// processChunk through runImportChunk; docs/decisions/006). Rows still right are written through recordAttendance (the page's own
// rules); a row that went wrong since the preview (the person withdrew, the programme closed) is
// refused with its reason. A restart picks up the rows still PENDING: each is written once.

export const ATTENDANCE_CHUNK = 500;

type TPending = { trainingId: string; sessionId: string; enrolmentId: string; present: boolean };

export async function processAttendanceChunk(jobId: string, token: number, size = ATTENDANCE_CHUNK): Promise<TChunkResult> {
  return runImportChunk<TAttendanceRowError>(jobId, token, size, {
    finishAction: "trainings.attendanceImport.finish",
    handle: async ({ tx, jobId, job, actor, actorCols, rows }) => {
      const marks = rows.map((r) => ({ ...r, d: r.data as unknown as TPending }));
      // What holds now: the provider's running programmes, and who still holds a place.
      const enrolments = await tx.trainingEnrolment.findMany({
        where: { id: { in: marks.map((m) => m.d.enrolmentId) } },
        select: { id: true, status: true, practitionerId: true, training: { select: { status: true, providerId: true } } },
      });
      const enrolment = new Map(enrolments.map((e) => [e.id, e]));
      const refused: { id: bigint; error: TAttendanceRowError }[] = [];
      const ok: typeof marks = [];
      for (const m of marks) {
        const e = enrolment.get(m.d.enrolmentId);
        if (!e || e.training.providerId !== job.organizationId) refused.push({ id: m.id, error: { field: "number", key: "trainings.import.rowErrors.participantNotFound" } });
        else if (e.training.status !== "PUBLISHED") refused.push({ id: m.id, error: { field: "reference", key: "trainings.import.rowErrors.notRunning" } });
        else if (e.status !== "ENROLLED") refused.push({ id: m.id, error: { field: "number", key: "trainings.import.rowErrors.notEnrolled" } });
        else ok.push(m);
      }
      // Outcome of each mark against what is recorded: new, changed or the same.
      const existing = ok.length
        ? await tx.trainingAttendance.findMany({ where: { OR: ok.map((m) => ({ sessionId: m.d.sessionId, enrolmentId: m.d.enrolmentId })) }, select: { sessionId: true, enrolmentId: true, present: true } })
        : [];
      const was = new Map(existing.map((a) => [`${a.sessionId}|${a.enrolmentId}`, a.present]));
      const outcomes = ok.map((m): TChunkDecisions<TAttendanceRowError>["outcomes"][number] => {
        const before = was.get(`${m.d.sessionId}|${m.d.enrolmentId}`);
        return { id: m.id, outcome: before === undefined ? "CREATED" : before === m.d.present ? "UNCHANGED" : "UPDATED", practitionerId: enrolment.get(m.d.enrolmentId)!.practitionerId };
      });
      const audits: Prisma.AuditEventCreateManyInput[] = [];
      const bySession = new Map<string, typeof ok>();
      for (const m of ok) bySession.set(m.d.sessionId, [...(bySession.get(m.d.sessionId) ?? []), m]);
      for (const [sessionId, group] of bySession) {
        const result = await recordAttendance(tx, { id: sessionId, trainingId: group[0]!.d.trainingId }, group.map((m) => ({ enrolmentId: m.d.enrolmentId, present: m.d.present })), actor?.id ?? null);
        audits.push({ ...actorCols, action: "trainings.attendance", entity: "TrainingSession", entityId: sessionId, after: { ...result, importJobId: jobId, rows: group.map((m) => m.rowNumber) } as Prisma.InputJsonValue });
      }
      return { outcomes, refused, audits };
    },
  });
}
