import "server-only";
import { birthYearOfCell, roleSeesFullBirthDates } from "@/domain/practitioners/privacy";
import { maskIdNumber } from "@/lib/id-number";
import { env } from "@/env";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { importJobQueries } from "@/server/imports/job-queries";
import { invalidCells, type TInvalidData } from "./stored";
import type { TRowError } from "@/domain/staff/import-validate";

// Every query is limited to the caller's own agency (staff.import has organisation scope only):
// another agency's job id reads exactly like a missing one.

const own = (user: TCurrentUser) => ({ organizationId: user.organizationId ?? "\u0000none", kind: "staff" });
const queries = importJobQueries<TRowError>(own);

export const listImports = queries.list;

export async function getImport(user: TCurrentUser, jobId: string) {
  const job = await queries.get(user, jobId);
  if (!job) return null;
  // Valid rows that give a qualification certificate (submitted for verification when they run).
  const certificates = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ImportRow" WHERE "jobId" = ${jobId} AND status = 'PENDING' AND jsonb_typeof(data->'certificate') = 'object'`;
  return { ...job, pendingCertificates: certificates[0]?.n ?? 0 };
}

/** The small JSON the progress bar polls. */
export const importProgress = queries.progress;

/** Whether `user` reads the rows of an import as typed: its uploader, or a role that sees full birth dates (issue 10, hole 1). */
const readsAsTyped = (user: TCurrentUser, createdById: string) => createdById === user.id || roleSeesFullBirthDates(user.role);

/** A page of the rows with errors: row number and [{ field, key, value }]; `birthYearOnly` when the reader sees a birth date's year only. */
export async function importErrors(user: TCurrentUser, jobId: string, page: number) {
  const [rows, job] = await Promise.all([queries.errors(user, jobId, page), prisma.importJob.findFirst({ where: { ...own(user), id: jobId }, select: { createdById: true } })]);
  return { ...rows, birthYearOnly: !job || !readsAsTyped(user, job.createdById) };
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
