import "server-only";
import { getTranslations } from "next-intl/server";
import { AuthzError, authorize } from "@/server/auth/session";
import { ExportRefused, xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { todayInCity } from "@/domain/common/calendar-day";
import { parseExportTable, parseTrainingDashboardFilter, trainingDashboardParams } from "@/domain/dashboards/training-filter";
import { getTrainingDashboard, resolveTrainingView } from "./training";
import { trainingTables, type TColumnKind, type TTableRow } from "./training-tables";

const excelValue = (kind: TColumnKind, v: string | number | null) => {
  if (v === null || typeof v === "string") return v ?? "";
  if (kind === "hours") return v / 2;
  if (kind === "money") return v / 100;
  return v;
};

/**
 * One table of the training dashboard as Excel (`table`), for the caller's scope (the city may name a
 * district or a department, as on the page) and the page's period; audited with its filter.
 */
export async function exportTrainingTable(params: URLSearchParams): Promise<TXlsxExport> {
  const actor = await authorize("dashboard.training.read");
  const t = await getTranslations("trainingDashboard");
  const table = parseExportTable(params.get("table"));
  if (!table) throw new ExportRefused(t("export.unknownTable"));
  const filter = parseTrainingDashboardFilter(params, todayInCity());
  const view = await resolveTrainingView(actor, filter);
  if (!view) throw new AuthzError("forbidden");
  // Figures computed afresh (not the page's reuse): a file is a record of what was asked for at that moment.
  const d = await getTrainingDashboard(view.scope, filter);
  const tab = (await trainingTables(d))[table];
  const columns: TExportColumn<TTableRow>[] = tab.columns.map((c, i) => ({ header: c.label, width: i === 0 ? 36 : c.kind === "text" ? 30 : 14, cell: (r) => excelValue(c.kind, r.cells[i] ?? null) }));
  return xlsxExport({
    actor,
    action: "dashboard.training.export",
    entity: "TrainingDashboard",
    filter: { ...trainingDashboardParams(filter), table },
    sheet: tab.title.slice(0, 31),
    filename: `${t("export.filename")}-${tab.title}`,
    columns,
    count: async () => tab.rows.length,
    page: async (skip, take) => tab.rows.slice(skip, skip + take),
  });
}
