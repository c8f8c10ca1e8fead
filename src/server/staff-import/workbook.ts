import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import { errorReportRows } from "./queries";
import { headerLabel, REQUIRED_FILL, templateWorkbook } from "./template";
import { rowErrorText } from "./row-messages";

// The two workbooks of the staff import, in the reader's language: the template (./template.ts)
// and the error report (the refused rows' cells as typed plus an "errors" column; it reads back as
// an import file once fixed).

/** The template, as an .xlsx buffer, in the caller's language (staff.import). */
export async function buildTemplate(): Promise<{ buffer: Buffer; filename: string }> {
  await authorize("staff.import");
  const t = await getTranslations();
  return { buffer: await templateWorkbook(t), filename: `${t("staff.import.template.filename")}.xlsx` };
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
    const message = r.errors.map((e) => rowErrorText(t, e, { birthYearOnly: data.birthYearOnly })).join("\n");
    const row = sheet.addRow({ ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, r.cells[c.field] ?? ""])), __row: r.rowNumber, __errors: message });
    row.getCell(errorColumn).alignment = { wrapText: true, vertical: "top" };
    row.getCell(errorColumn).font = { color: { argb: "FFB91C1C" } };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const base = data.job.originalName.replace(/\.xlsx$/i, "");
  return { buffer, filename: `${base}-${t("staff.import.report.suffix")}.xlsx` };
}
