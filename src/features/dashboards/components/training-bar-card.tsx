import { getTranslations } from "next-intl/server";
import { SectionCard } from "@/components/ui/section-card";
import { ChartDataTable } from "@/components/ui/data-table";
import { ExportLink } from "@/components/ui/export-link";
import { BarListChart } from "@/components/charts/bar-list-chart";
import type { TTrainingExportTable } from "@/domain/dashboards/training-filter";

export type TBarRow = { key: string; label: string; value: number; cells: string[] };

/**
 * One chart of the training dashboard: horizontal bars of `value`, the figures as a table folded
 * under it (every column, not only the one drawn), and the table's export to Excel.
 */
export async function TrainingBarCard({
  id,
  title,
  note,
  head,
  rows,
  valueLabel,
  color,
  empty,
  table,
  exportParams,
}: {
  id: string;
  title: string;
  note?: string;
  head: string[];
  rows: TBarRow[];
  valueLabel: string;
  color: string;
  empty: string;
  table: TTrainingExportTable;
  exportParams: Record<string, string | undefined>;
}) {
  const [t, tc] = await Promise.all([getTranslations("trainingDashboard"), getTranslations("common")]);
  const link = <ExportLink href="/api/dashboard/training/export" params={{ ...exportParams, table }} label={t("export.label", { table: title })} size="sm" />;
  return (
    <SectionCard id={id} title={title} actions={link}>
      <div data-testid={id}>
        {rows.length ? (
          <>
            <BarListChart
              data={rows.map((r) => ({ label: r.label, value: r.value }))}
              color={color}
              valueLabel={valueLabel}
              summary={tc("labelled", { label: title, value: rows.map((r) => `${r.label} ${r.value}`).join(tc("listSeparator")) })}
            />
            <ChartDataTable caption={title} summary={t("showTable")} head={head} rows={rows.map((r) => [r.label, ...r.cells])} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{empty}</p>
        )}
        {note ? <p className="mt-2 text-xs text-slate-500">{note}</p> : null}
      </div>
    </SectionCard>
  );
}
