import { getFormatter, getTranslations } from "next-intl/server";
import type { TGrowthDashboard } from "@/server/dashboards/growth";
import { monthFormatter } from "@/domain/common/day-format";
import { Card } from "@/components/ui/card";
import { ChartDataTable } from "@/components/ui/data-table";
import { StackedAreaChart } from "@/components/charts/stacked-area-chart";

const ENTRY_COLORS = { BASELINE: "#7aaed9", RECRUITED: "#174877", CULTIVATED: "#2f9e8f" } as const;
const ENTRY_PATHS = ["BASELINE", "RECRUITED", "CULTIVATED"] as const;

/** The counted people month by month, split by how they entered: the baseline, recruited, cultivated. */
export async function GrowthSplitCard({ d }: { d: TGrowthDashboard }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const month = monthFormatter(format);
  const last = d.series.at(-1);
  return (
    <Card title={t("growth.split.title")}>
      <StackedAreaChart
        xKey="label"
        summary={t("growth.split.summary", { baseline: last?.baseline ?? 0, recruited: last?.recruited ?? 0, cultivated: last?.cultivated ?? 0 })}
        data={d.series.map((p) => ({ label: month(p.month), BASELINE: p.baseline, RECRUITED: p.recruited, CULTIVATED: p.cultivated }))}
        series={ENTRY_PATHS.map((key) => ({ key, label: t(`enums.entryPath.${key}`), color: ENTRY_COLORS[key] }))}
      />
      <ChartDataTable
        caption={t("growth.split.title")}
        summary={t("growth.showTable")}
        head={[t("growth.chart.month"), ...ENTRY_PATHS.map((key) => t(`enums.entryPath.${key}`)), t("growth.chart.actual")]}
        rows={d.series.map((p) => [month(p.month), n(p.baseline), n(p.recruited), n(p.cultivated), n(p.actual)])}
      />
    </Card>
  );
}
