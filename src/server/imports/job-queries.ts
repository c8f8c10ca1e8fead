import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import { namedSelect } from "@/server/select";

// The reads every Excel import shares (staff, exam sittings, attendance): the caller's jobs a page at
// a time, one job with its rows still to run, the figures its progress bar polls, and a page of the
// rows it refused. Each import passes its own scope, so another's job id reads like a missing one.

export const IMPORT_JOBS_PAGE_SIZE = 20;
export const IMPORT_ERRORS_PAGE_SIZE = 25;

export const importJobSelect = {
  id: true,
  originalName: true,
  status: true,
  totalRows: true,
  errorRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  credentialCount: true,
  failureMessage: true,
  startedAt: true,
  finishedAt: true,
  version: true,
  createdAt: true,
  createdById: true,
  organization: { select: namedSelect },
} as const satisfies Prisma.ImportJobSelect;

export type TImportJob = Prisma.ImportJobGetPayload<{ select: typeof importJobSelect }> & { pendingRows: number };

/** What the progress bar shows: percent of the rows run (100 once done), and the counts so far. */
export function importProgressOf(job: TImportJob) {
  const percent = job.status === "DONE" ? 100 : job.processedRows + job.pendingRows === 0 ? 0 : Math.floor((100 * job.processedRows) / (job.processedRows + job.pendingRows));
  return {
    status: job.status,
    percent,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    pendingRows: job.pendingRows,
    errorRows: job.errorRows,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
  };
}

export type TImportProgress = ReturnType<typeof importProgressOf>;

/** The four reads of one kind of import, limited by `scope` (its row errors typed `TErr`). */
export function importJobQueries<TErr>(scope: (user: TCurrentUser) => Prisma.ImportJobWhereInput) {
  async function list(user: TCurrentUser, page: number) {
    const where = scope(user);
    const [items, total] = await Promise.all([
      prisma.importJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * IMPORT_JOBS_PAGE_SIZE, take: IMPORT_JOBS_PAGE_SIZE, select: importJobSelect }),
      prisma.importJob.count({ where }),
    ]);
    return toPage(items, total, page, IMPORT_JOBS_PAGE_SIZE);
  }

  async function get(user: TCurrentUser, jobId: string): Promise<TImportJob | null> {
    const job = await prisma.importJob.findFirst({ where: { AND: [{ id: jobId }, scope(user)] }, select: importJobSelect });
    if (!job) return null;
    const pendingRows = await prisma.importRow.count({ where: { jobId, status: "PENDING" } });
    return { ...job, pendingRows };
  }

  async function progress(user: TCurrentUser, jobId: string) {
    const job = await get(user, jobId);
    return job ? importProgressOf(job) : null;
  }

  /** A page of the rows refused, with their problems. */
  async function errors(user: TCurrentUser, jobId: string, page: number) {
    const where = { jobId, status: "INVALID" as const, job: scope(user) };
    const [rows, total] = await Promise.all([
      prisma.importRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (page - 1) * IMPORT_ERRORS_PAGE_SIZE, take: IMPORT_ERRORS_PAGE_SIZE, select: { rowNumber: true, errors: true } }),
      prisma.importRow.count({ where }),
    ]);
    return toPage(rows.map((r) => ({ rowNumber: r.rowNumber, errors: (r.errors ?? []) as TErr[] })), total, page, IMPORT_ERRORS_PAGE_SIZE);
  }

  return { list, get, progress, errors };
}
