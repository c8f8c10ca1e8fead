import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getLocale } from "next-intl/server";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { AuthzError, authorize, type TCurrentUser } from "@/server/auth/session";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isLocale, localeToDb } from "@/lib/locales";
import type { TImportRef } from "@/domain/staff/schemas";
import { readImportFile } from "./read";
import { labelIndex } from "./labels";
import { flagDuplicates, IMPORT_ERRORS, validateRow, type TCheckedRow, type TRowError } from "@/domain/staff/import-validate";
import { invalidData, pendingData, type TPendingData } from "./stored";
import { enqueueImport } from "./queue";
import { discardPreviewJob, startPreviewJob, type TPreviewJobKind } from "./job-transitions";
import { certificateHolders, certificateStep } from "./processor";

const ACTION = "staff.import" as const;
const INSERT_BATCH = 1000;
const LOOKUP_BATCH = 5000;
const SLICE = 500;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export type TUpload = { name: string; bytes: Uint8Array };

function agencyOf(actor: TCurrentUser): string {
  // staff.import is held with organisation scope only: an agency administrator imports into their own agency.
  if (!actor.organizationId) throw new AuthzError("forbidden");
  return actor.organizationId;
}

function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "import.xlsx";
}

/**
 * Upload: read and validate every row (nothing is written to the register), store the job in
 * PREVIEW with one ImportRow per data row: PENDING with the validated values (ID number
 * encrypted) or INVALID with its errors. File-level problems throw ImportFileError.
 */
export async function createImport(upload: TUpload | null): Promise<{ id: string; totalRows: number; errorRows: number }> {
  const actor = await authorize(ACTION);
  const organizationId = agencyOf(actor);
  const meta = await getRequestMeta();
  const key = env.ID_ENCRYPTION_KEY;
  const index = labelIndex();
  const { rows } = await readImportFile(upload?.bytes ?? null, index);
  // CPU-bound work in slices, yielding between them, so other requests on this server keep being answered.
  const validated: TCheckedRow[] = [];
  for (let i = 0; i < rows.length; i += SLICE) {
    for (const r of rows.slice(i, i + SLICE)) validated.push(validateRow(r, index, organizationId));
    await yieldToOthers();
  }
  const checked = flagDuplicates(validated, index);
  const prepared: { rowNumber: number; raw: Record<string, string>; pending: TPendingData | null; errors: TRowError[] | null }[] = [];
  for (let i = 0; i < checked.length; i += SLICE) {
    for (const r of checked.slice(i, i + SLICE)) prepared.push(r.ok ? { rowNumber: r.rowNumber, raw: r.raw, pending: pendingData(key, r.value, r.certificate), errors: null } : { rowNumber: r.rowNumber, raw: r.raw, pending: null, errors: r.errors });
    await yieldToOthers();
  }
  // An ID number already in the register under another employer (or none): not this agency's to update.
  const hashes = prepared.flatMap((p) => (p.pending ? [p.pending.idNumberHash] : []));
  const owner = new Map<string, string | null>();
  for (let i = 0; i < hashes.length; i += LOOKUP_BATCH) {
    const found = await prisma.practitioner.findMany({ where: { idNumberHash: { in: hashes.slice(i, i + LOOKUP_BATCH) } }, select: { idNumberHash: true, organizationId: true } });
    for (const f of found) owner.set(f.idNumberHash!, f.organizationId);
  }
  // A certificate number on record (pending or verified) for someone else: a row error. The same
  // person's own is already on record, and the row submits nothing (the import stays idempotent).
  const numbers = prepared.flatMap((p) => (p.pending?.certificate ? [p.pending.certificate.number] : []));
  const holders = new Map<string, Set<string | null>>();
  for (let i = 0; i < numbers.length; i += LOOKUP_BATCH) {
    for (const [n, h] of await certificateHolders(prisma, numbers.slice(i, i + LOOKUP_BATCH))) holders.set(n, h);
  }
  for (const p of prepared) {
    if (p.pending && owner.has(p.pending.idNumberHash) && owner.get(p.pending.idNumberHash) !== organizationId) {
      p.errors = [{ field: "idNumber", key: IMPORT_ERRORS.otherEmployer }];
      p.pending = null;
    } else if (p.pending && certificateStep(p.pending, holders) === "taken") {
      p.errors = [{ field: "certificateNumber", key: IMPORT_ERRORS.certificateNumberTaken, value: p.raw.certificateNumber?.trim() || p.pending.certificate!.number }];
      p.pending = null;
    }
  }
  const errorRows = prepared.filter((p) => p.errors).length;
  const locale = await getLocale().catch(() => null);

  const job = await prisma.$transaction(
    async (tx) => {
      const created = await tx.importJob.create({
        data: {
          kind: "staff",
          organizationId,
          createdById: actor.id,
          originalName: safeName(upload!.name),
          locale: isLocale(locale) ? localeToDb(locale) : null,
          totalRows: prepared.length,
          errorRows,
        },
        select: { id: true },
      });
      for (let i = 0; i < prepared.length; i += INSERT_BATCH) {
        await tx.importRow.createMany({
          data: prepared.slice(i, i + INSERT_BATCH).map((p) => ({
            jobId: created.id,
            rowNumber: p.rowNumber,
            status: p.pending ? ("PENDING" as const) : ("INVALID" as const),
            data: (p.pending ?? invalidData(key, p.raw)) as unknown as Prisma.InputJsonValue,
            errors: (p.errors ?? undefined) as Prisma.InputJsonValue | undefined,
          })),
        });
      }
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: "staff.import.upload",
        entity: "ImportJob",
        entityId: created.id,
        after: { originalName: safeName(upload!.name), organizationId, totalRows: prepared.length, errorRows },
        meta,
      });
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { id: job.id, totalRows: prepared.length, errorRows };
}

async function ownJob(tx: Prisma.TransactionClient, actor: TCurrentUser, jobId: string) {
  const job = await tx.importJob.findFirst({ where: { id: jobId, organizationId: agencyOf(actor) }, select: { id: true, status: true, version: true } });
  if (!job) throw new DomainError("notFound");
  return job;
}

/** The staff import's previewed jobs: the administrator's own agency's. */
const staffJobs = (actor: TCurrentUser): TPreviewJobKind => ({
  jobWhere: { organizationId: agencyOf(actor) },
  auditPrefix: "staff.import",
  notPreview: "staff.import.errors.notPreview",
  nothingToImport: "staff.import.errors.nothingToImport",
});

/** Start: PREVIEW → QUEUED, then the queue runs it. Rows with errors are skipped (the preview says so). */
export async function startImport(input: TImportRef): Promise<{ id: string }> {
  const actor = await authorize(ACTION);
  return startPreviewJob(actor, staffJobs(actor), input);
}

/** Try a FAILED import again: its remaining rows are still PENDING (the rows already written stay written). */
export async function retryImport(input: TImportRef): Promise<{ id: string }> {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  await prisma.$transaction(async (tx) => {
    const job = await ownJob(tx, actor, input.jobId);
    if (job.version !== input.version) throw new StaleEditError();
    if (job.status !== "FAILED") throw new DomainError("staff.import.errors.notFailed");
    const result = await tx.importJob.updateMany({ where: { id: job.id, version: input.version, status: "FAILED" }, data: { status: "QUEUED", failureMessage: null, finishedAt: null, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    await recordAudit(tx, { actor: auditActor(actor), action: "staff.import.retry", entity: "ImportJob", entityId: job.id, before: { status: "FAILED" }, after: { status: "QUEUED" }, meta });
  });
  await enqueueImport(input.jobId).catch((error: unknown) => console.warn("[imports] could not queue", input.jobId, error instanceof Error ? error.message : error));
  return { id: input.jobId };
}

/** Discard a preview: nothing was written; its rows are deleted. */
export async function discardImport(input: TImportRef): Promise<{ id: string }> {
  const actor = await authorize(ACTION);
  return discardPreviewJob(actor, staffJobs(actor), input);
}
