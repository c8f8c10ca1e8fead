import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { enumLabelKey, IMPORT_COLUMNS, isImportField, type TImportColumn } from "@/domain/staff/import-columns";
import { IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { errorReportRows } from "./queries";
import { messageKey, messageValues } from "@/lib/message-key";

// The two workbooks of the staff import, in the reader's language: the template (headers with
// notes, drop-down lists for every enumeration, a help sheet) and the error report (the refused
// rows' cells as typed plus an "errors" column; it reads back as an import file once fixed).

// The root translator (no namespace): getTranslations instantiated without one.
type TT = Awaited<ReturnType<typeof getTranslations<never>>>;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDECC8" } };

function headerLabel(t: TT, c: TImportColumn): string {
  return `${t(`practitioners.fields.${c.field}`)}${c.required ? "*" : ""}`;
}

/** A value as the reader sees it: an enumeration's label in their language, else the value itself. */
function valueLabel(t: TT, c: TImportColumn, value: string): string {
  const key = enumLabelKey(c, value);
  return key ? t(key) : value;
}

function exampleOf(t: TT, c: TImportColumn): string {
  if (c.kind === "enum") return valueLabel(t, c, c.example);
  if (c.kind === "multi") return c.example.split(";").map((v) => valueLabel(t, c, v)).join("、");
  return c.example;
}

function formatOf(t: TT, c: TImportColumn): string {
  return t(`staff.import.template.formats.${c.kind}`);
}

type TValidation = Omit<ExcelJS.DataValidation, "type" | "formulae"> & { type: ExcelJS.DataValidation["type"] | "any"; formulae?: string[] };
/** exceljs supports range-wide data validations but does not declare them in its types. */
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: TValidation): void } }).dataValidations;

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The template, as an .xlsx buffer, in the caller's language (staff.import). */
export async function buildTemplate(): Promise<{ buffer: Buffer; filename: string }> {
  await authorize("staff.import");
  const t = await getTranslations();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("staff.import.template.creator");
  const sheet = workbook.addWorksheet(t("staff.import.template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  const help = workbook.addWorksheet(t("staff.import.template.helpSheet"));
  const lists = workbook.addWorksheet(t("staff.import.template.listsSheet"), { state: "hidden" });

  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: headerLabel(t, c), key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.height = 20;
  let listColumn = 0;
  IMPORT_COLUMNS.forEach((c, i) => {
    const col = i + 1;
    const letter = columnLetter(col);
    const cell = header.getCell(col);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    const parts = [
      c.required ? t("staff.import.template.required") : t("staff.import.template.optional"),
      t("common.labelled", { label: t("staff.import.template.format"), value: formatOf(t, c) }),
      t("common.labelled", { label: t("staff.import.template.example"), value: exampleOf(t, c) }),
    ];
    if (c.values) parts.push(t("common.labelled", { label: t("staff.import.template.allowed"), value: c.values.map((v: string) => valueLabel(t, c, v)).join(" / ") }));
    cell.note = { texts: [{ text: parts.join("\n") }] } as ExcelJS.Comment;
    const range = `${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`;
    if (c.kind === "id" || c.kind === "text") sheet.getColumn(col).numFmt = "@";
    if (c.kind === "date") sheet.getColumn(col).numFmt = "yyyy-mm-dd";
    if (c.values) {
      listColumn++;
      const listLetter = columnLetter(listColumn);
      lists.getCell(1, listColumn).value = t(`practitioners.fields.${c.field}`);
      c.values.forEach((v: string, k: number) => (lists.getCell(k + 2, listColumn).value = valueLabel(t, c, v)));
      validations(sheet).add(range, {
        type: "list",
        allowBlank: !c.required,
        formulae: [`'${lists.name.replace(/'/g, "''")}'!$${listLetter}$2:$${listLetter}$${c.values.length + 1}`],
        // Several practice fields or target groups go in one cell (separated by 、 or ;): the list is a help there, not a rule.
        showErrorMessage: c.kind === "enum",
        errorStyle: "stop",
        errorTitle: t("staff.import.template.listErrorTitle"),
        error: t("staff.import.template.listError"),
        showInputMessage: true,
        promptTitle: t(`practitioners.fields.${c.field}`),
        prompt: c.kind === "multi" ? t("staff.import.template.multiPrompt") : t("staff.import.template.listPrompt"),
      });
    }
    // Formats of the other columns are in the header notes: a range-wide prompt on every column
    // would cost each upload of a filled-in template time to read back (exceljs expands ranges per cell).
  });

  help.columns = [
    { header: t("staff.import.template.helpColumns.column"), key: "column", width: 18 },
    { header: t("staff.import.template.helpColumns.required"), key: "required", width: 10 },
    { header: t("staff.import.template.helpColumns.format"), key: "format", width: 36 },
    { header: t("staff.import.template.helpColumns.example"), key: "example", width: 26 },
    { header: t("staff.import.template.helpColumns.allowed"), key: "allowed", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.views = [{ state: "frozen", ySplit: 1 }];
  for (const c of IMPORT_COLUMNS) {
    help.addRow({
      column: t(`practitioners.fields.${c.field}`),
      required: c.required ? t("staff.import.template.yes") : "",
      format: formatOf(t, c),
      example: exampleOf(t, c),
      allowed: c.values ? c.values.map((v: string) => valueLabel(t, c, v)).join(c.kind === "multi" ? "、" : " / ") : "",
    });
  }
  help.addRow({});
  for (const key of ["onePerRow", "idNumber", "existing", "entry", "multi", "dates", "limits", "languages"] as const) {
    const row = help.addRow({ column: t(`staff.import.template.notes.${key}`, { rows: IMPORT_MAX_ROWS }) });
    help.mergeCells(`A${row.number}:E${row.number}`);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.height = 32;
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `${t("staff.import.template.filename")}.xlsx` };
}

/** The refused rows of an import as an .xlsx (audited: it holds the ID numbers as typed). Null when the job is not the caller's. */
export async function buildErrorReport(jobId: string): Promise<{ buffer: Buffer; filename: string } | null> {
  const actor = await authorize("staff.import");
  const data = await errorReportRows(actor, jobId);
  if (!data) return null;
  const meta = await getRequestMeta();
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actor: auditActor(actor), action: "staff.import.errorReport", entity: "ImportJob", entityId: jobId, after: { rows: data.rows.length }, meta }),
  );
  const t = await getTranslations();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("staff.import.template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...IMPORT_COLUMNS.map((c) => ({ header: headerLabel(t, c), key: c.field, width: c.width, style: c.kind === "id" || c.kind === "text" ? { numFmt: "@" } : {} })),
    { header: t("staff.import.report.row"), key: "__row", width: 8 },
    { header: t("staff.import.report.errors"), key: "__errors", width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const errorColumn = IMPORT_COLUMNS.length + 2;
  sheet.getRow(1).getCell(errorColumn).fill = REQUIRED_FILL;
  for (const r of data.rows) {
    const message = r.errors
      .map((e) => {
        const column = isImportField(e.field) ? t(`practitioners.fields.${e.field}`) : "";
        const text = t(messageKey(e.key, "validation"), messageValues(e.key));
        return column ? t("staff.import.job.fieldMessage", { field: column, message: text }) : text;
      })
      .join("\n");
    const row = sheet.addRow({ ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, r.cells[c.field] ?? ""])), __row: r.rowNumber, __errors: message });
    row.getCell(errorColumn).alignment = { wrapText: true, vertical: "top" };
    row.getCell(errorColumn).font = { color: { argb: "FFB91C1C" } };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const base = data.job.originalName.replace(/\.xlsx$/i, "");
  return { buffer, filename: `${base}-${t("staff.import.report.suffix")}.xlsx` };
}
