import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { trainingScope } from "@/server/authz/scope";
import { ATTENDANCE_FIELDS, ATTENDANCE_REQUIRED } from "@/domain/trainings/attendance-import";

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
