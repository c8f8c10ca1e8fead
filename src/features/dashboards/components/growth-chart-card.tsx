import { getFormatter, getTranslations } from "next-intl/server";
import type { TGrowthDashboard } from "@/server/dashboards/growth";
import { monthFormatter } from "@/domain/common/day-format";
import { Card } from "@/components/ui/card";
import { ChartDataTable } from "@/components/ui/data-table";
import { GrowthLineChart, type TGrowthChartPoint } from "@/components/charts/growth-line-chart";

const tenths = (v: number) => Math.round(v * 10) / 10;

/** Qualified social workers month by month against the plan's target line (the city only), with the forecast. */
export async function GrowthChartCard({ d }: { d: TGrowthDashboard }) {
  const [t, tg, format] = await Promise.all([getTranslations("growth.chart"), getTranslations("growth"), getFormatter()]);
  const isCity = d.scope === "city";
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const month = monthFormatter(format);
  const first = d.series[0];
  const last = d.series.at(-1);
  const chart: TGrowthChartPoint[] = [
    ...d.series.map((p, i) => ({
      label: month(p.month),
      actual: p.actual,
      target: isCity ? tenths(p.target) : null,
      // The dashed forecast starts from the last actual point so the two lines join.
      forecast: i === d.series.length - 1 ? p.actual : null,
    })),
    ...d.forecast.map((p) => ({ label: month(p.month), actual: null, target: isCity ? tenths(p.target) : null, forecast: p.forecast })),
  ];
  const span = { from: first ? month(first.month) : "—", to: last ? month(last.month) : "—", first: first?.actual ?? 0, last: last?.actual ?? 0 };
  return (
    <Card title={isCity ? t("title") : t("titleDistrict")}>
      {!isCity ? <p className="mb-3 text-sm text-slate-600">{t("districtNote")}</p> : null}
      <GrowthLineChart
        data={chart}
        showTarget={isCity}
        summary={isCity ? t("summary", { ...span, target: n(d.kpi.targetToDate, 1) }) : t("summaryDistrict", span)}
        labels={{ actual: t("actual"), target: t("target"), forecast: t("forecast") }}
      />
      {/* The caption explains what this scope's chart draws: a district's has no target line. */}
      <p className="mt-2 text-xs text-slate-500" data-testid="growth-chart-method">{isCity ? t("method") : t("methodDistrict")}</p>
      <ChartDataTable
        caption={isCity ? t("tableCaption") : t("tableCaptionDistrict")}
        summary={tg("showTable")}
        head={[t("month"), t("actual"), ...(isCity ? [t("target")] : []), t("forecast")]}
        rows={[
          ...d.series.map((p) => [month(p.month), n(p.actual), ...(isCity ? [n(p.target, 1)] : []), "—"]),
          ...d.forecast.map((p) => [month(p.month), "—", ...(isCity ? [n(p.target, 1)] : []), n(p.forecast, 1)]),
        ]}
      />
    </Card>
  );
}
