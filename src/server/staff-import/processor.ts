import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { employerRegion, recomputePractitioner } from "@/server/practitioners/derived-facts";
import { practitionerImportCompareSelect } from "@/server/practitioners/select";
import { auditDiff } from "@/domain/audit/diff";
import { g1Flags, qualificationLevel, qualifiedPeriods } from "@/domain/practitioners/qualification";
import { todayInCity } from "@/domain/common/calendar-day";
import { entryOf, profileColumns, type TInvalidData, type TPendingData } from "./stored";
import { IMPORT_ERRORS } from "@/domain/staff/import-validate";

// The import job's work: PENDING rows in chunks, each chunk ONE transaction that writes the
// practitioners, their history, the rows' outcomes, the job's counters and the audit events
// together. A crash rolls the chunk back; a restart picks up the rows still PENDING, so every row
// is written exactly once. See docs/decisions/006-import-jobs.md.

export const CHUNK_SIZE = 500;

type TProfile = ReturnType<typeof profileColumns>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
  return (a ?? null) === (b ?? null);
}

export function changedFields(current: Record<string, unknown>, next: TProfile): string[] {
  return (Object.keys(next) as (keyof TProfile)[]).filter((k) => !sameValue(current[k], next[k]));
}

/** Derived facts of a new person without credentials, from the same pure rules recomputePractitioner uses. */
function derivedForNew(p: TProfile, entryDate: Date, today: Date) {
  const periods = qualifiedPeriods([], [{ status: "ACTIVE", effectiveFrom: entryDate }], entryDate);
  const current = periods.find((x) => x.from.getTime() <= today.getTime() && (x.to === null || today.getTime() < x.to.getTime())) ?? null;
  return {
    periods,
    columns: {
      isQualified: current !== null,
      qualifiedSince: current?.from ?? null,
      qualificationLevel: current ? qualificationLevel([], today) : ("NONE" as const),
      ...g1Flags([], { degree: p.degree, professionalTitle: p.professionalTitle, keyPost: false, awardLevels: [] }, today),
    },
  };
}

/** A pending row refused while running goes back to cells (codes rather than labels; the ID number stays encrypted). */
function cellsOf(d: TPendingData): TInvalidData {
  const skip = new Set(["idNumberEncrypted", "idNumberHash", "idNumberMasked"]);
  const raw = Object.fromEntries(Object.entries(d).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : v === null ? "" : String(v)]));
  return { raw, idNumberEncrypted: d.idNumberEncrypted };
}

type TJobLock = { status: string; version: number; organizationId: string; createdById: string };

async function lockJob(tx: TTx, jobId: string): Promise<TJobLock | null> {
  const rows = await tx.$queryRaw<TJobLock[]>`SELECT status::text AS status, version, "organizationId", "createdById" FROM "ImportJob" WHERE id = ${jobId} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Claims the job for a run: QUEUED or RUNNING → RUNNING with a new version, which is the run's
 * token. A later claim (a retry, a restart's re-queue) supersedes an earlier run, which stops at its
 * next chunk; the chunk lock below means two runs can never write the same rows.
 */
export async function claimImport(jobId: string): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ version: number }[]>`
    UPDATE "ImportJob" SET status = 'RUNNING', version = version + 1, "startedAt" = COALESCE("startedAt", now()), "updatedAt" = now()
    WHERE id = ${jobId} AND status IN ('QUEUED', 'RUNNING') RETURNING version`;
  return rows[0]?.version ?? null;
}

export type TChunkResult = "more" | "done" | "superseded" | "gone";

/** One chunk, one transaction. */
export async function processChunk(jobId: string, token: number, size = CHUNK_SIZE, today = todayInCity()): Promise<TChunkResult> {
  return prisma.$transaction(
    async (tx) => {
      const job = await lockJob(tx, jobId);
      if (!job || job.status !== "RUNNING") return "gone";
      if (job.version !== token) return "superseded";
      const actor = await tx.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, role: true } });
      const rows = await tx.importRow.findMany({ where: { jobId, status: "PENDING" }, orderBy: { rowNumber: "asc" }, take: size, select: { id: true, rowNumber: true, data: true } });
      if (rows.length === 0) {
        const done = await tx.importJob.update({
          where: { id: jobId },
          data: { status: "DONE", finishedAt: new Date() },
          select: { totalRows: true, errorRows: true, createdCount: true, updatedCount: true, unchangedCount: true },
        });
        await tx.auditEvent.create({
          data: { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, actorRole: actor?.role ?? null, action: "staff.import.finish", entity: "ImportJob", entityId: jobId, after: done },
        });
        return "done";
      }

      const pending = rows.map((r) => ({ ...r, d: r.data as unknown as TPendingData }));
      const existing = await tx.practitioner.findMany({ where: { idNumberHash: { in: pending.map((r) => r.d.idNumberHash) } }, select: practitionerImportCompareSelect });
      const byHash = new Map(existing.map((p) => [p.idNumberHash!, p]));
      const region = await employerRegion(tx, job.organizationId);

      const outcomes: { id: bigint; outcome: "CREATED" | "UPDATED" | "UNCHANGED"; practitionerId: string | null }[] = [];
      const refused: { id: bigint; data: TInvalidData; key: string }[] = [];
      const creates: typeof pending = [];
      const audits: Prisma.AuditEventCreateManyInput[] = [];
      const actorCols = { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, actorRole: actor?.role ?? null };
      // Duplicates are refused at upload; should one slip through, the second row is refused too.
      const seen = new Set<string>();

      for (const r of pending) {
        const p = byHash.get(r.d.idNumberHash);
        const next = profileColumns(r.d);
        if (p && p.organizationId !== job.organizationId) {
          // Registered elsewhere since the preview (or already then, on a stale preview): the agency may only update its own staff.
          refused.push({ id: r.id, data: cellsOf(r.d), key: IMPORT_ERRORS.otherEmployer });
          continue;
        }
        if (!p) {
          if (seen.has(r.d.idNumberHash)) {
            refused.push({ id: r.id, data: cellsOf(r.d), key: IMPORT_ERRORS.duplicateInFile });
            continue;
          }
          seen.add(r.d.idNumberHash);
          creates.push(r);
          continue;
        }
        const changed = changedFields(p as unknown as Record<string, unknown>, next);
        if (changed.length === 0) {
          outcomes.push({ id: r.id, outcome: "UNCHANGED", practitionerId: p.id });
          continue;
        }
        await tx.practitioner.update({ where: { id: p.id }, data: { ...next, version: { increment: 1 } } });
        await recomputePractitioner(tx, p.id, today);
        outcomes.push({ id: r.id, outcome: "UPDATED", practitionerId: p.id });
        const before = Object.fromEntries(changed.map((k) => [k, (p as Record<string, unknown>)[k]]));
        const after = Object.fromEntries(changed.map((k) => [k, next[k as keyof TProfile]]));
        const diff = auditDiff(before, after);
        audits.push({ ...actorCols, action: "staff.import.update", entity: "Practitioner", entityId: p.id, before: diff.before as Prisma.InputJsonValue, after: { ...diff.after, importJobId: jobId, rowNumber: r.rowNumber } as Prisma.InputJsonValue });
      }

      if (creates.length) {
        const prepared = creates.map((r) => {
          const profile = profileColumns(r.d);
          const entry = entryOf(r.d);
          return { r, profile, entry, derived: derivedForNew(profile, entry.entryDate, today) };
        });
        const created = await tx.practitioner.createManyAndReturn({
          data: prepared.map(({ r, profile, entry, derived }) => ({
            ...profile,
            ...region,
            ...entry,
            ...derived.columns,
            organizationId: job.organizationId,
            idNumberEncrypted: r.d.idNumberEncrypted,
            idNumberHash: r.d.idNumberHash,
            idNumberMasked: r.d.idNumberMasked,
            keyPost: false,
            status: "ACTIVE" as const,
            statusSince: entry.entryDate,
          })),
          select: { id: true, idNumberHash: true },
        });
        const idOf = new Map(created.map((c) => [c.idNumberHash!, c.id]));
        const actorId = actor?.id ?? null;
        await tx.practitionerStatusChange.createMany({
          data: prepared.map(({ r, entry }) => ({ practitionerId: idOf.get(r.d.idNumberHash)!, status: "ACTIVE" as const, effectiveFrom: entry.entryDate, actorId })),
        });
        await tx.employmentRecord.createMany({
          data: prepared.map(({ r, profile, entry }) => ({ practitionerId: idOf.get(r.d.idNumberHash)!, organizationId: job.organizationId, from: profile.hireDate ?? entry.entryDate, actorId })),
        });
        const periods = prepared.flatMap(({ r, entry, derived }) =>
          derived.periods.map((x) => ({ practitionerId: idOf.get(r.d.idNumberHash)!, from: x.from, to: x.to, regionPath: region.regionPath, entryPath: entry.entryPath })),
        );
        if (periods.length) await tx.qualifiedPeriod.createMany({ data: periods });
        for (const { r, profile, entry } of prepared) {
          const id = idOf.get(r.d.idNumberHash)!;
          outcomes.push({ id: r.id, outcome: "CREATED", practitionerId: id });
          const after = auditDiff(null, { ...profile, ...entry, idNumberMasked: r.d.idNumberMasked, organizationId: job.organizationId, regionId: region.regionId }).after;
          audits.push({ ...actorCols, action: "staff.import.create", entity: "Practitioner", entityId: id, after: { ...after, importJobId: jobId, rowNumber: r.rowNumber } as Prisma.InputJsonValue });
        }
      }

      if (outcomes.length) {
        await tx.$executeRaw`
          UPDATE "ImportRow" AS r SET status = 'DONE', outcome = v.outcome::"ImportOutcome", "practitionerId" = v.pid, data = NULL
          FROM (SELECT unnest(${outcomes.map((o) => o.id.toString())}::bigint[]) AS id, unnest(${outcomes.map((o) => o.outcome)}::text[]) AS outcome, unnest(${outcomes.map((o) => o.practitionerId)}::text[]) AS pid) AS v
          WHERE r.id = v.id`;
      }
      for (const x of refused) {
        await tx.importRow.update({ where: { id: x.id }, data: { status: "INVALID", data: x.data as unknown as Prisma.InputJsonValue, errors: [{ field: "idNumber", key: x.key }] } });
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

export type TRunOptions = {
  chunkSize?: number;
  /** Asked before each chunk: a stopping server ends the run between chunks (the rest resumes later). */
  shouldStop?: () => boolean;
  /** Test hook, called after each committed chunk. */
  afterChunk?: (n: number) => void | Promise<void>;
  /** The chunk's work for another kind of import (attendance); the staff import's by default. */
  processChunk?: (jobId: string, token: number, size?: number) => Promise<TChunkResult>;
};

export type TRunResult = "done" | "stopped" | "superseded" | "gone";

/** Runs an import to the end (or until superseded / told to stop). Safe to call twice: see claimImport. */
export async function runImport(jobId: string, options: TRunOptions = {}): Promise<TRunResult> {
  const token = await claimImport(jobId);
  if (token === null) return "gone";
  for (let n = 1; ; n++) {
    if (options.shouldStop?.()) return "stopped";
    const result = await (options.processChunk ?? processChunk)(jobId, token, options.chunkSize);
    if (result !== "more") return result;
    await options.afterChunk?.(n);
  }
}

/** Marks a job FAILED (after the queue gave up on it); its remaining rows stay PENDING. */
export async function failImport(jobId: string, message: string): Promise<void> {
  await prisma.importJob.updateMany({ where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", failureMessage: message.slice(0, 500), finishedAt: new Date() } });
}
