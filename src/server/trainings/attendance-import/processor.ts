import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import type { TChunkResult } from "@/server/staff-import/processor";
import { recordAttendance } from "@/server/trainings/attendance";
import type { TAttendanceRowError } from "@/domain/trainings/attendance-import";

// The attendance import's chunks, run by the staff import's queue and runner (runImport with this
// processChunk; docs/decisions/006): one transaction per chunk, under the job's row lock, checked
// against the run's token. Rows still right are written through recordAttendance (the page's own
// rules); a row that went wrong since the preview (the person withdrew, the programme closed) is
// refused with its reason. A restart picks up the rows still PENDING: each is written once.

export const ATTENDANCE_CHUNK = 500;

type TPending = { trainingId: string; sessionId: string; enrolmentId: string; present: boolean };
type TJobLock = { status: string; version: number; organizationId: string; createdById: string };

async function lockJob(tx: TTx, jobId: string): Promise<TJobLock | null> {
  const rows = await tx.$queryRaw<TJobLock[]>`SELECT status::text AS status, version, "organizationId", "createdById" FROM "ImportJob" WHERE id = ${jobId} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function processAttendanceChunk(jobId: string, token: number, size = ATTENDANCE_CHUNK): Promise<TChunkResult> {
  return prisma.$transaction(
    async (tx) => {
      const job = await lockJob(tx, jobId);
      if (!job || job.status !== "RUNNING") return "gone";
      if (job.version !== token) return "superseded";
      const actor = await tx.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, role: true } });
      const actorCols = { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, actorRole: actor?.role ?? null };
      const rows = await tx.importRow.findMany({ where: { jobId, status: "PENDING" }, orderBy: { rowNumber: "asc" }, take: size, select: { id: true, rowNumber: true, data: true } });
      if (rows.length === 0) {
        const done = await tx.importJob.update({ where: { id: jobId }, data: { status: "DONE", finishedAt: new Date() }, select: { totalRows: true, errorRows: true, createdCount: true, updatedCount: true, unchangedCount: true } });
        await tx.auditEvent.create({ data: { ...actorCols, action: "trainings.attendanceImport.finish", entity: "ImportJob", entityId: jobId, after: done } });
        return "done";
      }
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
      const outcomes = ok.map((m) => {
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
      if (outcomes.length) {
        await tx.$executeRaw`
          UPDATE "ImportRow" AS r SET status = 'DONE', outcome = v.outcome::"ImportOutcome", "practitionerId" = v.pid, data = NULL
          FROM (SELECT unnest(${outcomes.map((o) => o.id.toString())}::bigint[]) AS id, unnest(${outcomes.map((o) => o.outcome)}::text[]) AS outcome, unnest(${outcomes.map((o) => o.practitionerId)}::text[]) AS pid) AS v
          WHERE r.id = v.id`;
      }
      for (const x of refused) await tx.importRow.update({ where: { id: x.id }, data: { status: "INVALID", errors: [x.error] as unknown as Prisma.InputJsonValue } });
      if (audits.length) await tx.auditEvent.createMany({ data: audits });
      const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
      await tx.importJob.update({
        where: { id: jobId },
        data: {
          processedRows: { increment: rows.length },
          createdCount: { increment: count("CREATED") },
          updatedCount: { increment: count("UPDATED") },
          unchangedCount: { increment: count("UNCHANGED") },
          errorRows: { increment: refused.length },
        },
      });
      return "more";
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
