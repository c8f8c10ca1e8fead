import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import type { TChunkResult } from "@/server/staff-import/processor";

// One chunk of an import that runs on the staff import's queue and runner (runImport with a
// processChunk; docs/decisions/006): one transaction per chunk, under the job's row lock, checked
// against the run's token. The import's own `handle` decides each pending row (written: CREATED,
// UPDATED or UNCHANGED; or refused with its problem); this writes the rows' outcomes, the audit
// events and the job's counts, and finishes the job (audited as `finishAction`) when no row is left.

export type TImportJobLock = { status: string; version: number; regionPath: string | null; organizationId: string | null; createdById: string };

async function lockJob(tx: TTx, jobId: string): Promise<TImportJobLock | null> {
  const rows = await tx.$queryRaw<TImportJobLock[]>`SELECT status::text AS status, version, "regionPath", "organizationId", "createdById" FROM "ImportJob" WHERE id = ${jobId} FOR UPDATE`;
  return rows[0] ?? null;
}

export type TChunkContext = {
  tx: TTx;
  jobId: string;
  job: TImportJobLock;
  actor: { id: string; email: string; role: string } | null;
  /** The audit columns of whoever started the import. */
  actorCols: { actorId: string | null; actorEmail: string | null; actorRole: Prisma.AuditEventCreateManyInput["actorRole"] };
  rows: { id: bigint; rowNumber: number; data: Prisma.JsonValue }[];
};

export type TChunkDecisions<TErr> = {
  outcomes: { id: bigint; outcome: "CREATED" | "UPDATED" | "UNCHANGED"; practitionerId: string }[];
  refused: { id: bigint; error: TErr }[];
  audits: Prisma.AuditEventCreateManyInput[];
};

export async function runImportChunk<TErr>(
  jobId: string,
  token: number,
  size: number,
  opts: {
    finishAction: string;
    /** What a refused row keeps instead of its pending data (default: the data as it is). */
    refusedData?: Prisma.InputJsonValue;
    handle: (ctx: TChunkContext) => Promise<TChunkDecisions<TErr>>;
  },
): Promise<TChunkResult> {
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
        await tx.auditEvent.create({ data: { ...actorCols, action: opts.finishAction, entity: "ImportJob", entityId: jobId, after: done } });
        return "done";
      }
      const { outcomes, refused, audits } = await opts.handle({ tx, jobId, job, actor, actorCols, rows });
      if (outcomes.length) {
        await tx.$executeRaw`
          UPDATE "ImportRow" AS r SET status = 'DONE', outcome = v.outcome::"ImportOutcome", "practitionerId" = v.pid, data = NULL
          FROM (SELECT unnest(${outcomes.map((o) => o.id.toString())}::bigint[]) AS id, unnest(${outcomes.map((o) => o.outcome)}::text[]) AS outcome, unnest(${outcomes.map((o) => o.practitionerId)}::text[]) AS pid) AS v
          WHERE r.id = v.id`;
      }
      for (const x of refused) {
        await tx.importRow.update({ where: { id: x.id }, data: { status: "INVALID", errors: [x.error] as unknown as Prisma.InputJsonValue, ...(opts.refusedData === undefined ? {} : { data: opts.refusedData }) } });
      }
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
