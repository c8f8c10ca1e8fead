import "server-only";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { namedSelect } from "@/server/select";
import { toPage } from "@/lib/pagination";
import type { TAttendanceRowError } from "@/domain/trainings/attendance-import";
import { attendanceJobScope } from "./mutations";

// Attendance imports the caller may see (a provider its own, the city every one); another's job id
// reads like a missing one.

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
  organization: { select: namedSelect },
} as const;

export async function listAttendanceImports(user: TCurrentUser, page: number) {
  const where = attendanceJobScope(user);
  const [items, total] = await Promise.all([
    prisma.importJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * JOBS_PAGE_SIZE, take: JOBS_PAGE_SIZE, select: jobSelect }),
    prisma.importJob.count({ where }),
  ]);
  return toPage(items, total, page, JOBS_PAGE_SIZE);
}

export async function getAttendanceImport(user: TCurrentUser, jobId: string) {
  const job = await prisma.importJob.findFirst({ where: { AND: [{ id: jobId }, attendanceJobScope(user)] }, select: jobSelect });
  if (!job) return null;
  const pendingRows = await prisma.importRow.count({ where: { jobId, status: "PENDING" } });
  return { ...job, pendingRows };
}

/** The figures the progress bar polls (the staff import's shape, so its progress component reads them). */
export async function attendanceImportProgress(user: TCurrentUser, jobId: string) {
  const job = await getAttendanceImport(user, jobId);
  if (!job) return null;
  const percent = job.status === "DONE" ? 100 : job.processedRows + job.pendingRows === 0 ? 0 : Math.floor((100 * job.processedRows) / (job.processedRows + job.pendingRows));
  return { status: job.status, percent, totalRows: job.totalRows, processedRows: job.processedRows, pendingRows: job.pendingRows, errorRows: job.errorRows, created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount };
}

/** A page of the rows refused, with their problems. */
export async function attendanceImportErrors(user: TCurrentUser, jobId: string, page: number) {
  const where = { jobId, status: "INVALID" as const, job: attendanceJobScope(user) };
  const [rows, total] = await Promise.all([
    prisma.importRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (page - 1) * ERRORS_PAGE_SIZE, take: ERRORS_PAGE_SIZE, select: { rowNumber: true, errors: true } }),
    prisma.importRow.count({ where }),
  ]);
  return toPage(rows.map((r) => ({ rowNumber: r.rowNumber, errors: (r.errors ?? []) as TAttendanceRowError[] })), total, page, ERRORS_PAGE_SIZE);
}
