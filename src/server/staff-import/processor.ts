import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { employerRegion, recomputePractitioner } from "@/server/practitioners/derived-facts";
import { practitionerImportCompareSelect } from "@/server/practitioners/select";
import { auditDiff } from "@/domain/audit/diff";
import { g1Flags, qualificationLevel, qualifiedPeriods } from "@/domain/practitioners/qualification";
import { parseIsoDay, todayInCity } from "@/domain/common/calendar-day";
import { entryOf, profileColumns, type TInvalidData, type TPendingData } from "./stored";
import { IMPORT_ERRORS } from "@/domain/staff/import-validate";
import { CERTIFICATE_AUTHORITY, CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { credentialAuditSelect } from "@/server/credentials/select";

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
  const skip = new Set(["idNumberEncrypted", "idNumberHash", "idNumberMasked", "certificate"]);
  const raw = Object.fromEntries(Object.entries(d).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : v === null || v === undefined ? "" : String(v)]));
  if (d.certificate) Object.assign(raw, { certificateLevel: d.certificate.kind, certificateNumber: d.certificate.number, certificateIssueDate: d.certificate.issueDate });
  return { raw, idNumberEncrypted: d.idNumberEncrypted };
}

/** Who holds each certificate number on record (pending or verified): the holders' ID-number hashes. */
export async function certificateHolders(tx: TTx | typeof prisma, numbers: string[]): Promise<Map<string, Set<string | null>>> {
  const holders = new Map<string, Set<string | null>>();
  if (numbers.length === 0) return holders;
  const found = await tx.credential.findMany({
    where: { number: { in: numbers }, kind: { in: [...CERTIFICATE_KINDS] }, status: { in: ["SUBMITTED", "VERIFIED"] } },
    select: { number: true, practitioner: { select: { idNumberHash: true } } },
  });
  for (const f of found) holders.set(f.number, (holders.get(f.number) ?? new Set()).add(f.practitioner.idNumberHash));
  return holders;
}

/**
 * What to do with a row's certificate: nothing to submit (none given, or the person already has it
 * on record: importing the same file again submits nothing twice), submit it, or refuse the row
 * (the number is on record for someone else).
 */
export function certificateStep(d: TPendingData, holders: Map<string, Set<string | null>>): "none" | "submit" | "taken" {
  if (!d.certificate) return "none";
  const held = holders.get(d.certificate.number);
  if (!held) return "submit";
  if ([...held].some((h) => h !== d.idNumberHash)) return "taken";
  return "none";
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
      const actor = await tx.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, role: true, name: true } });
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
      const refused: { id: bigint; data: TInvalidData; field: "idNumber" | "certificateNumber"; key: string; value?: string }[] = [];
      const creates: typeof pending = [];
      // Certificates to submit, each with the row it came from (the person is known once the rows are written).
      const certificateRows: (typeof pending)[number][] = [];
      const holders = await certificateHolders(tx, pending.flatMap((r) => (r.d.certificate ? [r.d.certificate.number] : [])));
      const seenNumbers = new Set<string>();
      const audits: Prisma.AuditEventCreateManyInput[] = [];
      const actorCols = { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, actorRole: actor?.role ?? null };
      // Duplicates are refused at upload; should one slip through, the second row is refused too.
      const seen = new Set<string>();

      for (const r of pending) {
        const p = byHash.get(r.d.idNumberHash);
        const next = profileColumns(r.d);
        if (p && p.organizationId !== job.organizationId) {
          // Registered elsewhere since the preview (or already then, on a stale preview): the agency may only update its own staff.
          refused.push({ id: r.id, data: cellsOf(r.d), field: "idNumber", key: IMPORT_ERRORS.otherEmployer });
          continue;
        }
        // A certificate number taken by someone else since the preview (or twice in this chunk, should a duplicate slip through): the row is refused whole.
        const step = certificateStep(r.d, holders);
        if (step === "taken" || (step === "submit" && seenNumbers.has(r.d.certificate!.number))) {
          refused.push({ id: r.id, data: cellsOf(r.d), field: "certificateNumber", key: step === "taken" ? IMPORT_ERRORS.certificateNumberTaken : IMPORT_ERRORS.duplicateCertificateInFile, value: r.d.certificate!.number });
          continue;
        }
        if (!p) {
          if (seen.has(r.d.idNumberHash)) {
            refused.push({ id: r.id, data: cellsOf(r.d), field: "idNumber", key: IMPORT_ERRORS.duplicateInFile });
            continue;
          }
          seen.add(r.d.idNumberHash);
          creates.push(r);
          if (step === "submit") {
            seenNumbers.add(r.d.certificate!.number);
            certificateRows.push(r);
          }
          continue;
        }
        if (step === "submit") {
          seenNumbers.add(r.d.certificate!.number);
          certificateRows.push(r);
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

      // The certificates, SUBMITTED for the district to verify, as submitCredential would write them
      // (a credential, its first event, an audit entry each), with the import as their source. No
      // scan: the district checks the particulars (the queue says so). A submitted credential
      // changes no derived fact (deriveFacts goes by verified ones), so nobody is recomputed.
      let credentialCount = 0;
      if (certificateRows.length) {
        // Every written row has its person in `outcomes` (created, updated or unchanged).
        const personOfRow = new Map(outcomes.map((o) => [o.id, o.practitionerId]));
        const credentials = await tx.credential.createManyAndReturn({
          data: certificateRows.map((r) => ({
            practitionerId: personOfRow.get(r.id)!,
            kind: r.d.certificate!.kind,
            number: r.d.certificate!.number,
            issuingAuthority: CERTIFICATE_AUTHORITY,
            issueDate: parseIsoDay(r.d.certificate!.issueDate)!,
            status: "SUBMITTED" as const,
            submittedById: actor?.id ?? null,
            importJobId: jobId,
          })),
          select: { ...credentialAuditSelect, importJobId: true },
        });
        await tx.credentialEvent.createMany({ data: credentials.map((c) => ({ credentialId: c.id, fromStatus: null, toStatus: "SUBMITTED" as const, actorId: actor?.id ?? null, actorName: actor?.name ?? null })) });
        const rowOf = new Map(certificateRows.map((r) => [r.d.certificate!.number, r.rowNumber]));
        for (const c of credentials) {
          audits.push({ ...actorCols, action: "credentials.submit", entity: "Credential", entityId: c.id, after: { ...auditDiff(null, c).after, rowNumber: rowOf.get(c.number) } as Prisma.InputJsonValue });
        }
        credentialCount = credentials.length;
      }

      if (outcomes.length) {
        await tx.$executeRaw`
          UPDATE "ImportRow" AS r SET status = 'DONE', outcome = v.outcome::"ImportOutcome", "practitionerId" = v.pid, data = NULL
          FROM (SELECT unnest(${outcomes.map((o) => o.id.toString())}::bigint[]) AS id, unnest(${outcomes.map((o) => o.outcome)}::text[]) AS outcome, unnest(${outcomes.map((o) => o.practitionerId)}::text[]) AS pid) AS v
          WHERE r.id = v.id`;
      }
      for (const x of refused) {
        const error = x.value ? { field: x.field, key: x.key, value: x.value } : { field: x.field, key: x.key };
        await tx.importRow.update({ where: { id: x.id }, data: { status: "INVALID", data: x.data as unknown as Prisma.InputJsonValue, errors: [error] } });
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
          credentialCount: { increment: credentialCount },
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
