import "server-only";
import { importJobQueries } from "@/server/imports/job-queries";
import type { TAttendanceRowError } from "@/domain/trainings/attendance-import";
import { attendanceJobScope } from "./mutations";

// Attendance imports the caller may see (a provider its own, the city every one); another's job id
// reads like a missing one.

const queries = importJobQueries<TAttendanceRowError>(attendanceJobScope);
export const listAttendanceImports = queries.list;
export const getAttendanceImport = queries.get;
/** The figures the progress bar polls. */
export const attendanceImportProgress = queries.progress;
/** A page of the rows refused, with their problems. */
export const attendanceImportErrors = queries.errors;
