import ExcelJS from "exceljs";
import type { getTranslations } from "next-intl/server";
import { enumLabelKey, IMPORT_COLUMNS, type TImportColumn } from "@/domain/staff/import-columns";
import { IMPORT_MAX_ROWS } from "@/domain/staff/schemas";

// The staff-import template in one language: headers with notes, drop-down lists for every
// enumeration, a help sheet. No I/O and no session, so a script can write it too
// (tests/fixtures/staff-import/generate.sh re-saves it with other spreadsheet programs).

/** The root translator (no namespace): getTranslations() without one (a script passes use-intl's createTranslator()). */
export type TT = Awaited<ReturnType<typeof getTranslations<never>>>;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
export const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDECC8" } };
/** The qualification certificate's three columns, told apart from the person's. */
const CERTIFICATE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE3F1E6" } };

export function headerLabel(t: TT, c: TImportColumn): string {
  return `${t(`practitioners.fields.${c.field}`)}${c.required ? "*" : ""}`;
}

/** A value as the reader sees it: an enumeration's label in their language, else the value itself. */
export function valueLabel(t: TT, c: TImportColumn, value: string): string {
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

/** The template in the language of `t` (also written by tests/fixtures/staff-import/generate.sh, to re-save with other programs). */
export async function templateWorkbook(t: TT): Promise<Buffer> {
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
    cell.fill = c.required ? REQUIRED_FILL : c.certificate ? CERTIFICATE_FILL : HEADER_FILL;
    const parts = [
      c.required ? t("staff.import.template.required") : c.certificate ? t("staff.import.template.certificateGroup") : t("staff.import.template.optional"),
      t("common.labelled", { label: t("staff.import.template.format"), value: formatOf(t, c) }),
      t("common.labelled", { label: t("staff.import.template.example"), value: exampleOf(t, c) }),
    ];
    if (c.values) parts.push(t("common.labelled", { label: t("staff.import.template.allowed"), value: c.values.map((v: string) => valueLabel(t, c, v)).join(" / ") }));
    cell.note = { texts: [{ text: parts.join("\n") }] } as ExcelJS.Comment;
    const range = `${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`;
    if (c.kind === "id" || c.kind === "text" || c.kind === "number") sheet.getColumn(col).numFmt = "@";
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
    { header: t("staff.import.template.helpColumns.required"), key: "required", width: 24 },
    { header: t("staff.import.template.helpColumns.format"), key: "format", width: 36 },
    { header: t("staff.import.template.helpColumns.example"), key: "example", width: 26 },
    { header: t("staff.import.template.helpColumns.allowed"), key: "allowed", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.views = [{ state: "frozen", ySplit: 1 }];
  for (const c of IMPORT_COLUMNS) {
    help.addRow({
      column: t(`practitioners.fields.${c.field}`),
      required: c.required ? t("staff.import.template.yes") : c.certificate ? t("staff.import.template.certificateGroup") : "",
      format: formatOf(t, c),
      example: exampleOf(t, c),
      allowed: c.values ? c.values.map((v: string) => valueLabel(t, c, v)).join(c.kind === "multi" ? "、" : " / ") : "",
    });
  }
  help.addRow({});
  for (const key of ["onePerRow", "idNumber", "existing", "entry", "certificate", "multi", "dates", "limits", "languages"] as const) {
    const row = help.addRow({ column: t(`staff.import.template.notes.${key}`, { rows: IMPORT_MAX_ROWS }) });
    help.mergeCells(`A${row.number}:E${row.number}`);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.height = 32;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

