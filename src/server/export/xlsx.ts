import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { AuthzError, type TCurrentUser } from "@/server/auth/session";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// Every list officials work from can be taken away as Excel: the rows the list's filter selects
// (all pages, in the list's order, within the caller's scope), the columns the list shows plus
// those its filter is about, headers in the reader's language. Each export is audited with its
// filter and row count before the first byte is sent. A list's export is then a query, its
// columns and a call to `xlsxExport` (docs/decisions/010-list-exports.md).

/** More rows than the city will ever hold; a guard against a runaway export, not a page size. */
export const EXPORT_MAX_ROWS = 200_000;
const BATCH = 2000;

export type TCell = string | number | null | undefined;
export type TExportColumn<R> = { header: string; width: number; cell: (row: R) => TCell };
export type TXlsxExport = { stream: ReadableStream; filename: string; rows: number };

/** An instant as the city reads it: YYYY-MM-DD HH:mm in Asia/Shanghai (UTC+8, no DST). */
export function cityDateTime(d: Date | null | undefined): string {
  return d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ") : "";
}

type TExportInput<R> = {
  actor: TCurrentUser;
  /** The audit action, e.g. "agencies.export". */
  action: string;
  /** The audited entity (the rows' model). */
  entity: string;
  /** The list's filter as search params (what the list URL carries), for the audit. */
  filter: Record<string, string | undefined>;
  sheet: string;
  /** Without date or extension: "<name>-<today>.xlsx". */
  filename: string;
  columns: readonly TExportColumn<R>[];
  /** How many rows the filter selects (capped at EXPORT_MAX_ROWS). */
  count: () => Promise<number>;
  /** A page of rows in the list's order. */
  page: (skip: number, take: number) => Promise<R[]>;
};

/** Audits the export, then streams the rows into one worksheet with a bold header row. */
export async function xlsxExport<R>(input: TExportInput<R>): Promise<TXlsxExport> {
  const meta = await getRequestMeta();
  const total = Math.min(await input.count(), EXPORT_MAX_ROWS);
  const filter = Object.fromEntries(Object.entries(input.filter).filter((e): e is [string, string] => !!e[1]));
  await prisma.$transaction((tx) => recordAudit(tx, { actor: auditActor(input.actor), action: input.action, entity: input.entity, after: { filter, rows: total }, meta }));

  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(input.sheet);
  sheet.columns = input.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (let skip = 0; skip < total; skip += BATCH) {
        const rows = await input.page(skip, Math.min(BATCH, total - skip));
        for (const row of rows) sheet.addRow(input.columns.map((c) => c.cell(row) ?? "")).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error(`[export] ${input.action}`, error);
      pass.destroy(error as Error);
    }
  })();
  return { stream: Readable.toWeb(pass) as ReadableStream, filename: `${input.filename}-${todayInCityIso()}.xlsx`, rows: total };
}

/** An export that cannot be made as asked (e.g. a filter value that is not one): the reader's message, answered with 400. */
export class ExportRefused extends Error {}

/** The route's answer: the workbook as a download, 401 or 403 when the caller may not have it, 400 with the reason when the filter is not one. */
export async function xlsxResponse(run: () => Promise<TXlsxExport>, asciiFallback: string): Promise<Response> {
  try {
    const { stream, filename } = await run();
    return new Response(stream, { headers: attachmentHeaders(XLSX_TYPE, filename, asciiFallback) });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    if (error instanceof ExportRefused) return new Response(error.message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    throw error;
  }
}
