import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { trainingScope } from "@/server/authz/scope";
import { ATTENDANCE_FIELDS, ATTENDANCE_REQUIRED, type TAttendanceRowError } from "@/domain/trainings/attendance-import";
import { recordAudit, auditActor } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { attendanceJobScope } from "./mutations";

// The attendance import's template in the reader's language: headers with notes, "present" as a
// drop-down of yes / no, a help sheet. For one programme (`trainingId`), pre-filled with a row per
// participant holding a place and session, "present" left to fill in.

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDECC8" } };
const WIDTHS: Record<(typeof ATTENDANCE_FIELDS)[number], number> = { reference: 16, session: 10, number: 12, name: 14, phone: 16, present: 10 };
type TValidation = Omit<ExcelJS.DataValidation, "type" | "formulae"> & { type: ExcelJS.DataValidation["type"]; formulae?: string[] };
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: TValidation): void } }).dataValidations;

export async function buildAttendanceTemplate(trainingId: string | null): Promise<{ buffer: Buffer; filename: string } | null> {
  const actor = await authorize("trainings.attendance");
  const t = await getTranslations("trainings.import");
  const training = trainingId
    ? await prisma.training.findFirst({
        where: { AND: [{ id: trainingId }, trainingScope(actor, "trainings.attendance")] },
        select: {
          reference: true,
          sessions: { orderBy: { number: "asc" }, select: { number: true } },
          enrolments: { where: { status: "ENROLLED" }, orderBy: { number: "asc" }, select: { number: true, practitioner: { select: { name: true } } } },
        },
      })
    : null;
  if (trainingId && !training) return null;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("template.creator");
  const sheet = workbook.addWorksheet(t("template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ATTENDANCE_FIELDS.map((f) => ({ header: `${t(`columns.${f}`)}${ATTENDANCE_REQUIRED.includes(f) ? "*" : ""}`, key: f, width: WIDTHS[f], style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ATTENDANCE_FIELDS.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = ATTENDANCE_REQUIRED.includes(f) ? REQUIRED_FILL : HEADER_FILL;
    cell.note = { texts: [{ text: t(`template.notes.${f}`) }] } as ExcelJS.Comment;
  });
  const yes = t("template.yes");
  const no = t("template.no");
  validations(sheet).add(`F2:F20001`, { type: "list", allowBlank: true, formulae: [`"${yes},${no}"`], showErrorMessage: false });
  if (training) {
    for (const s of training.sessions) for (const e of training.enrolments) sheet.addRow({ reference: training.reference, session: String(s.number), number: String(e.number), name: e.practitioner.name, phone: "", present: "" });
  }
  const help = workbook.addWorksheet(t("template.helpSheet"));
  help.columns = [{ header: t("template.helpTitle"), key: "text", width: 100 }];
  help.getRow(1).font = { bold: true };
  for (const key of ["onePerRow", "participant", "present", "languages", "rerun"] as const) {
    const row = help.addRow({ text: t(`template.help.${key}`, { yes, no }) });
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `${training ? `${training.reference}-` : ""}${t("template.filename")}.xlsx` };
}

/**
 * The refused rows of one of the caller's attendance imports, as typed, with the row number and
 * the problems in the reader's language: a sheet to correct and upload again (the staff import's
 * error report, for attendance). Audited like every download of an import's rows.
 */
export async function buildAttendanceErrorReport(jobId: string): Promise<{ buffer: Buffer; filename: string } | null> {
  const actor = await authorize("trainings.attendance");
  const job = await prisma.importJob.findFirst({ where: { AND: [{ id: jobId }, attendanceJobScope(actor)] }, select: { id: true, originalName: true } });
  if (!job) return null;
  const rows = await prisma.importRow.findMany({ where: { jobId, status: "INVALID" }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, data: true, errors: true } });
  const meta = await getRequestMeta();
  await prisma.$transaction((tx) => recordAudit(tx, { actor: auditActor(actor), action: "trainings.attendanceImport.errorReport", entity: "ImportJob", entityId: jobId, after: { rows: rows.length }, meta }));
  const t = await getTranslations("trainings.import");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...ATTENDANCE_FIELDS.map((f) => ({ header: `${t(`columns.${f}`)}${ATTENDANCE_REQUIRED.includes(f) ? "*" : ""}`, key: f, width: WIDTHS[f], style: { numFmt: "@" } })),
    { header: t("job.row"), key: "__row", width: 8 },
    { header: t("job.problems"), key: "__errors", width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const errorColumn = ATTENDANCE_FIELDS.length + 2;
  sheet.getRow(1).getCell(errorColumn).fill = REQUIRED_FILL;
  for (const r of rows) {
    const raw = ((r.data ?? {}) as { raw?: Record<string, string> }).raw ?? {};
    const errors = (r.errors ?? []) as TAttendanceRowError[];
    const message = errors.map((e) => t("job.fieldMessage", { field: t(`columns.${e.field}`), message: t(e.key.replace("trainings.import.", "") as "rowErrors.reference") })).join("\n");
    const row = sheet.addRow({ ...Object.fromEntries(ATTENDANCE_FIELDS.map((f) => [f, raw[f] ?? ""])), __row: r.rowNumber, __errors: message });
    row.getCell(errorColumn).alignment = { wrapText: true, vertical: "top" };
    row.getCell(errorColumn).font = { color: { argb: "FFB91C1C" } };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `${job.originalName.replace(/\.xlsx$/i, "")}-${t("report.suffix")}.xlsx` };
}
