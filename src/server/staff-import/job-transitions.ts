import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import type { TCurrentUser } from "@/server/auth/session";
import { DomainError, StaleEditError, type TDomainErrorCode } from "@/domain/common/errors";
import type { TImportRef } from "@/domain/staff/schemas";
import { enqueueImport } from "./queue";

// A previewed import job's two ways out, shared by every kind of import (staff, attendance): start
// it (PREVIEW → QUEUED, then the queue runs it) or discard it (PREVIEW → CANCELLED, rows deleted).
// The caller has authorized; `jobWhere` is its scope over jobs, so another's job is "not found".

export type TPreviewJobKind = {
  /** The caller's jobs of this kind (scope and kind). */
  jobWhere: Prisma.ImportJobWhereInput;
  /** The audit action's prefix, e.g. "staff.import" → "staff.import.start". */
  auditPrefix: string;
  /** The kind's own messages for a job past its preview, and one with nothing to import. */
  notPreview: TDomainErrorCode;
  nothingToImport: TDomainErrorCode;
};

async function previewJob(tx: Prisma.TransactionClient, kind: TPreviewJobKind, ref: TImportRef) {
  const job = await tx.importJob.findFirst({ where: { AND: [{ id: ref.jobId }, kind.jobWhere] }, select: { id: true, status: true, version: true } });
  if (!job) throw new DomainError("notFound");
  if (job.version !== ref.version) throw new StaleEditError();
  if (job.status !== "PREVIEW") throw new DomainError(kind.notPreview);
  return job;
}

/** Start: PREVIEW → QUEUED, then the queue runs it. Rows with errors are skipped (the preview says so). */
export async function startPreviewJob(actor: TCurrentUser, kind: TPreviewJobKind, ref: TImportRef): Promise<{ id: string }> {
  const meta = await getRequestMeta();
  await prisma.$transaction(async (tx) => {
    const job = await previewJob(tx, kind, ref);
    const pending = await tx.importRow.count({ where: { jobId: job.id, status: "PENDING" } });
    if (pending === 0) throw new DomainError(kind.nothingToImport);
    const result = await tx.importJob.updateMany({ where: { id: job.id, version: ref.version, status: "PREVIEW" }, data: { status: "QUEUED", version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    await recordAudit(tx, { actor: auditActor(actor), action: `${kind.auditPrefix}.start`, entity: "ImportJob", entityId: job.id, before: { status: "PREVIEW" }, after: { status: "QUEUED", rows: pending }, meta });
  });
  // After the commit: a lost send is caught up by the queue's sweep (and at the next start-up).
  await enqueueImport(ref.jobId).catch((error: unknown) => console.warn("[imports] could not queue", ref.jobId, error instanceof Error ? error.message : error));
  return { id: ref.jobId };
}

/** Discard a preview: nothing was written; its rows are deleted. */
export async function discardPreviewJob(actor: TCurrentUser, kind: TPreviewJobKind, ref: TImportRef): Promise<{ id: string }> {
  const meta = await getRequestMeta();
  await prisma.$transaction(async (tx) => {
    const job = await previewJob(tx, kind, ref);
    const result = await tx.importJob.updateMany({ where: { id: job.id, version: ref.version, status: "PREVIEW" }, data: { status: "CANCELLED", finishedAt: new Date(), version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    await tx.importRow.deleteMany({ where: { jobId: job.id } });
    await recordAudit(tx, { actor: auditActor(actor), action: `${kind.auditPrefix}.discard`, entity: "ImportJob", entityId: job.id, before: { status: "PREVIEW" }, after: { status: "CANCELLED" }, meta });
  });
  return { id: ref.jobId };
}
