import "server-only";
import { env } from "@/env";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { importJobQueries } from "@/server/imports/job-queries";
import { decryptIdNumber } from "@/lib/id-crypto";
import { maskIdNumber } from "@/lib/id-number";
import type { TExamRowError } from "@/domain/exams/import";
import { examJobScope, type TInvalidSitting } from "./mutations";

// Exam imports the caller may see (the city every one, a district officer their district's);
// another's job id reads like a missing one.

const queries = importJobQueries<TExamRowError>(examJobScope);
export const listExamImports = queries.list;
export const getExamImport = queries.get;
/** The figures the progress bar polls (the shape every import shares, so one progress component reads them). */
export const examImportProgress = queries.progress;
/** A page of the rows refused, with their problems. */
export const examImportErrors = queries.errors;

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
