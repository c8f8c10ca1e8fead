import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { AuthzError, authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { EXAM_IMPORT_FIELDS, EXAM_IMPORT_REQUIRED, type TExamImportField } from "@/domain/exams/import";
import { EXAM_FIRST_YEAR, EXAM_LEVELS, EXAM_RESULTS } from "@/domain/exams/rules";
import { todayInCity } from "@/domain/common/calendar-day";
import { canImportSittings } from "../scope";
import { examErrorReportRows } from "./queries";

// The exam import's two workbooks in the reader's language: the template (headers with notes,
// level and result as drop-downs, a help sheet) and the error report (the refused rows' cells plus
// the row number and its problems; once fixed it reads back as an import file).

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDECC8" } };
const WIDTHS: Record<TExamImportField, number> = { idNumber: 22, name: 14, year: 8, level: 20, result: 10 };
type TValidation = Omit<ExcelJS.DataValidation, "type" | "formulae"> & { type: ExcelJS.DataValidation["type"]; formulae?: string[] };
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: TValidation): void } }).dataValidations;
const col = (f: TExamImportField) => String.fromCharCode(65 + EXAM_IMPORT_FIELDS.indexOf(f));

async function importer() {
  const actor = await authorize("exams.record");
  if (!canImportSittings(actor)) throw new AuthzError("forbidden");
  return actor;
}

function dataSheet(workbook: ExcelJS.Workbook, t: Awaited<ReturnType<typeof getTranslations<"exams.import">>>) {
  const sheet = workbook.addWorksheet(t("template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXAM_IMPORT_FIELDS.map((f) => ({ header: `${t(`columns.${f}`)}${EXAM_IMPORT_REQUIRED.includes(f) ? "*" : ""}`, key: f, width: WIDTHS[f], style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  EXAM_IMPORT_FIELDS.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = EXAM_IMPORT_REQUIRED.includes(f) ? REQUIRED_FILL : HEADER_FILL;
    cell.note = { texts: [{ text: t(`template.notes.${f}`, { first: EXAM_FIRST_YEAR }) }] } as ExcelJS.Comment;
  });
  return sheet;
}

/** The template, in the caller's language. */
export async function buildExamTemplate(): Promise<{ buffer: Buffer; filename: string }> {
  await importer();
  const [t, tEnums, tExams] = await Promise.all([getTranslations("exams.import"), getTranslations("enums.qualificationLevel"), getTranslations("exams.results")]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("template.creator");
  const sheet = dataSheet(workbook, t);
  const levels = EXAM_LEVELS.map((l) => tEnums(l));
  const results = EXAM_RESULTS.map((r) => tExams(r));
  validations(sheet).add(`${col("level")}2:${col("level")}20001`, { type: "list", allowBlank: true, formulae: [`"${levels.join(",")}"`], showErrorMessage: false });
  validations(sheet).add(`${col("result")}2:${col("result")}20001`, { type: "list", allowBlank: true, formulae: [`"${results.join(",")}"`], showErrorMessage: false });
  const help = workbook.addWorksheet(t("template.helpSheet"));
  help.columns = [{ header: t("template.helpTitle"), key: "text", width: 100 }];
  help.getRow(1).font = { bold: true };
  for (const key of ["onePerRow", "person", "year", "values", "rerun"] as const) {
    const row = help.addRow({ text: t(`template.help.${key}`, { first: EXAM_FIRST_YEAR, current: todayInCity().getUTCFullYear(), levels: levels.join(t("listSeparator")), results: results.join(t("listSeparator")) }) });
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: `${t("template.filename")}.xlsx` };
}

/** The refused rows of an import as an .xlsx (audited: it may hold ID numbers as typed). Null when the job is not the caller's. */
export async function buildExamErrorReport(jobId: string): Promise<{ buffer: Buffer; filename: string } | null> {
  const actor = await importer();
  const data = await examErrorReportRows(actor, jobId);
  if (!data) return null;
  const meta = await getRequestMeta();
  await prisma.$transaction((tx) => recordAudit(tx, { actor: auditActor(actor), action: "exams.import.errorReport", entity: "ImportJob", entityId: jobId, after: { rows: data.rows.length }, meta }));
  const t = await getTranslations("exams.import");
  const workbook = new ExcelJS.Workbook();
  const sheet = dataSheet(workbook, t);
  const rowCol = EXAM_IMPORT_FIELDS.length + 1;
  sheet.getColumn(rowCol).width = 8;
  sheet.getColumn(rowCol + 1).width = 60;
  sheet.getRow(1).getCell(rowCol).value = t("report.row");
  sheet.getRow(1).getCell(rowCol + 1).value = t("report.errors");
  sheet.getRow(1).getCell(rowCol + 1).fill = REQUIRED_FILL;
  for (const r of data.rows) {
    const message = r.errors.map((e) => t("job.fieldMessage", { field: t(`columns.${e.field}`), message: t(e.key.replace("exams.import.", "") as "rowErrors.year") })).join("\n");
    const row = sheet.addRow([...EXAM_IMPORT_FIELDS.map((f) => r.cells[f] ?? ""), r.rowNumber, message]);
    row.getCell(rowCol + 1).alignment = { wrapText: true, vertical: "top" };
    row.getCell(rowCol + 1).font = { color: { argb: "FFB91C1C" } };
  }
  const base = data.job.originalName.replace(/\.xlsx$/i, "");
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: `${base}-${t("report.suffix")}.xlsx` };
}
