import "server-only";
import { birthYearOfCell, roleSeesFullBirthDates } from "@/domain/practitioners/privacy";
import { maskIdNumber } from "@/lib/id-number";
import { env } from "@/env";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import { invalidCells, type TInvalidData } from "./stored";
import type { TRowError } from "@/domain/staff/import-validate";

// Every query is limited to the caller's own agency (staff.import has organisation scope only):
// another agency's job id reads exactly like a missing one.

export const IMPORTS_PAGE_SIZE = 20;
export const ERRORS_PAGE_SIZE = 25;

const own = (user: TCurrentUser) => ({ organizationId: user.organizationId ?? "\u0000none", kind: "staff" });

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
  credentialCount: true,
  failureMessage: true,
  startedAt: true,
  finishedAt: true,
  version: true,
  createdAt: true,
} as const;

export async function listImports(user: TCurrentUser, page: number) {
  const where = own(user);
  const [items, total] = await Promise.all([
    prisma.importJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * IMPORTS_PAGE_SIZE, take: IMPORTS_PAGE_SIZE, select: jobSelect }),
    prisma.importJob.count({ where }),
  ]);
  return toPage(items, total, page, IMPORTS_PAGE_SIZE);
}

export async function getImport(user: TCurrentUser, jobId: string) {
  const job = await prisma.importJob.findFirst({ where: { ...own(user), id: jobId }, select: jobSelect });
  if (!job) return null;
  const [pendingRows, certificates] = await Promise.all([
    prisma.importRow.count({ where: { jobId, status: "PENDING" } }),
    // Valid rows that give a qualification certificate (submitted for verification when they run).
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ImportRow" WHERE "jobId" = ${jobId} AND status = 'PENDING' AND jsonb_typeof(data->'certificate') = 'object'`,
  ]);
  return { ...job, pendingRows, pendingCertificates: certificates[0]?.n ?? 0 };
}

/** The small JSON the progress bar polls. */
export async function importProgress(user: TCurrentUser, jobId: string) {
  const job = await getImport(user, jobId);
  if (!job) return null;
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

/** Whether `user` reads the rows of an import as typed: its uploader, or a role that sees full birth dates (issue 10, hole 1). */
const readsAsTyped = (user: TCurrentUser, createdById: string) => createdById === user.id || roleSeesFullBirthDates(user.role);

/** A page of the rows with errors: row number and [{ field, key, value }]; `birthYearOnly` when the reader sees a birth date's year only. */
export async function importErrors(user: TCurrentUser, jobId: string, page: number) {
  const where = { jobId, status: "INVALID" as const, job: own(user) };
  const [rows, total, job] = await Promise.all([
    prisma.importRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (page - 1) * ERRORS_PAGE_SIZE, take: ERRORS_PAGE_SIZE, select: { rowNumber: true, errors: true } }),
    prisma.importRow.count({ where }),
    prisma.importJob.findFirst({ where: { ...own(user), id: jobId }, select: { createdById: true } }),
  ]);
  return {
    ...toPage(
      rows.map((r) => ({ rowNumber: r.rowNumber, errors: (r.errors ?? []) as TRowError[] })),
      total,
      page,
      ERRORS_PAGE_SIZE,
    ),
    birthYearOnly: !job || !readsAsTyped(user, job.createdById),
  };
}

/** Every refused row with its cells as typed (ID number decrypted) for the downloadable error report. */
export async function errorReportRows(user: TCurrentUser, jobId: string) {
  const job = await prisma.importJob.findFirst({ where: { ...own(user), id: jobId }, select: { id: true, originalName: true, createdById: true } });
  if (!job) return null;
  const rows = await prisma.importRow.findMany({ where: { jobId, status: "INVALID" }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, errors: true, data: true } });
  // The cells go back as typed to whoever uploaded them (to correct and upload again). A colleague
  // of the same agency who may not reveal ID numbers gets the number masked and the year of birth
  // only, as everywhere else (issue 10, hole 1).
  const asTyped = readsAsTyped(user, job.createdById);
  const shown = (cells: Record<string, string>) =>
    asTyped ? cells : { ...cells, idNumber: cells.idNumber ? maskIdNumber(cells.idNumber) : "", birthDate: birthYearOfCell(cells.birthDate ?? "") };
  return {
    job: { id: job.id, originalName: job.originalName },
    birthYearOnly: !asTyped,
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      errors: (r.errors ?? []) as TRowError[],
      cells: r.data ? shown(invalidCells(env.ID_ENCRYPTION_KEY, r.data as unknown as TInvalidData)) : {},
    })),
  };
}
