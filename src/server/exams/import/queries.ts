import "server-only";
import { env } from "@/env";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import { decryptIdNumber } from "@/lib/id-crypto";
import { maskIdNumber } from "@/lib/id-number";
import type { TExamRowError } from "@/domain/exams/import";
import { examJobScope, type TInvalidSitting } from "./mutations";

// Exam imports the caller may see (the city every one, a district officer their district's);
// another's job id reads like a missing one.

export const JOBS_PAGE_SIZE = 20;
export const ERRORS_PAGE_SIZE = 25;

const jobSelect = {
  id: true,
  originalName: true,
  status: true,
  totalRows: true,
  errorRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  failureMessage: true,
  version: true,
  createdAt: true,
  createdById: true,
} as const;

export async function listExamImports(user: TCurrentUser, page: number) {
  const where = examJobScope(user);
  const [items, total] = await Promise.all([
    prisma.importJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * JOBS_PAGE_SIZE, take: JOBS_PAGE_SIZE, select: jobSelect }),
    prisma.importJob.count({ where }),
  ]);
  return toPage(items, total, page, JOBS_PAGE_SIZE);
}

export async function getExamImport(user: TCurrentUser, jobId: string) {
  const job = await prisma.importJob.findFirst({ where: { AND: [{ id: jobId }, examJobScope(user)] }, select: jobSelect });
  if (!job) return null;
  const pendingRows = await prisma.importRow.count({ where: { jobId, status: "PENDING" } });
  return { ...job, pendingRows };
}

/** The figures the progress bar polls (the staff import's shape, so its progress component reads them). */
export async function examImportProgress(user: TCurrentUser, jobId: string) {
  const job = await getExamImport(user, jobId);
  if (!job) return null;
  const percent = job.status === "DONE" ? 100 : job.processedRows + job.pendingRows === 0 ? 0 : Math.floor((100 * job.processedRows) / (job.processedRows + job.pendingRows));
  return { status: job.status, percent, totalRows: job.totalRows, processedRows: job.processedRows, pendingRows: job.pendingRows, errorRows: job.errorRows, created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount };
}

/** A page of the rows refused, with their problems. */
export async function examImportErrors(user: TCurrentUser, jobId: string, page: number) {
  const where = { jobId, status: "INVALID" as const, job: examJobScope(user) };
  const [rows, total] = await Promise.all([
    prisma.importRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (page - 1) * ERRORS_PAGE_SIZE, take: ERRORS_PAGE_SIZE, select: { rowNumber: true, errors: true } }),
    prisma.importRow.count({ where }),
  ]);
  return toPage(rows.map((r) => ({ rowNumber: r.rowNumber, errors: (r.errors ?? []) as TExamRowError[] })), total, page, ERRORS_PAGE_SIZE);
}

/**
 * Every refused row with its cells for the downloadable error report: the ID number as typed to
 * whoever uploaded the file (to correct and upload again), masked to a colleague.
 */
export async function examErrorReportRows(user: TCurrentUser, jobId: string) {
  const job = await prisma.importJob.findFirst({ where: { AND: [{ id: jobId }, examJobScope(user)] }, select: { id: true, originalName: true, createdById: true } });
  if (!job) return null;
  const rows = await prisma.importRow.findMany({ where: { jobId, status: "INVALID" }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, errors: true, data: true } });
  const asTyped = job.createdById === user.id;
  return {
    job: { id: job.id, originalName: job.originalName },
    rows: rows.map((r) => {
      const d = (r.data ?? { raw: {}, idNumberEncrypted: null }) as unknown as TInvalidSitting;
      const id = d.idNumberEncrypted ? decryptIdNumber(env.ID_ENCRYPTION_KEY, d.idNumberEncrypted) : "";
      return { rowNumber: r.rowNumber, errors: (r.errors ?? []) as TExamRowError[], cells: { ...d.raw, idNumber: asTyped || !id ? id : maskIdNumber(id) } as Record<string, string> };
    }),
  };
}
