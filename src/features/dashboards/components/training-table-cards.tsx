import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TTrainingDashboard } from "@/server/dashboards/training";
import type { TDashboardTable, TTableColumn } from "@/server/dashboards/training-tables";
import type { TTrainingExportTable } from "@/domain/dashboards/training-filter";
import { formatFen } from "@/lib/money";
import { TrainingBarCard } from "./training-bar-card";

/** Hours delivered by month, then people trained by kind, practice field, area and department: a chart, its table and its export each. */
export async function TrainingTableCards({ d, tables, exportParams }: { d: TTrainingDashboard; tables: Record<TTrainingExportTable, TDashboardTable>; exportParams: Record<string, string | undefined> }) {
  const [t, format, locale] = await Promise.all([getTranslations("trainingDashboard"), getFormatter(), getLocale()]);
  const cell = (c: TTableColumn, v: string | number | null): string => {
    if (v === null) return "—";
    if (typeof v === "string") return v;
    if (c.kind === "hours") return format.number(v / 2, { maximumFractionDigits: 1 });
    if (c.kind === "money") return formatFen(v, locale);
    if (c.kind === "percent") return format.number(v, { style: "percent", maximumFractionDigits: 0 });
    return format.number(v);
  };
  const rows = (table: TDashboardTable) => table.rows.map((r) => ({ key: r.key, label: String(r.cells[0]), value: r.value, cells: r.cells.slice(1).map((v, i) => cell(table.columns[i + 1]!, v)) }));
  const card = (id: string, table: TTrainingExportTable, color: string, valueLabel: string, empty: string, note?: string) => (
    <TrainingBarCard
      id={id}
      title={tables[table].title}
      head={tables[table].columns.map((c) => c.label)}
      rows={rows(tables[table])}
      color={color}
      valueLabel={valueLabel}
      empty={empty}
      note={note}
      table={table}
      exportParams={exportParams}
    />
  );
  return (
    <>
      <section aria-labelledby="hours-title">
        <h2 id="hours-title" className="mb-1 text-lg font-semibold text-slate-900">{t("kpi.hours")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("hours.description")}</p>
        {card("hours-by-month", "months", "#174877", t("hours.hours"), t("hours.empty"))}
      </section>
      <section aria-labelledby="trained-title">
        <h2 id="trained-title" className="mb-1 text-lg font-semibold text-slate-900">{t("trained.title")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("trained.description")}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          {card("trained-by-kind", "kinds", "#1f5a94", t("trained.people"), t("trained.empty"))}
          {card("trained-by-area", "areas", "#2f6fae", t("trained.people"), t("trained.empty"))}
          {card("trained-by-field", "fields", "#2f9e8f", t("trained.people"), t("trained.empty"), d.stats.byField.length ? t("trained.fieldNote") : undefined)}
          {card("trained-by-department", "departments", "#5b6b8c", t("trained.people"), t("trained.empty"), d.stats.byDepartment.length ? t("trained.departmentNote") : undefined)}
        </div>
      </section>
    </>
  );
}
