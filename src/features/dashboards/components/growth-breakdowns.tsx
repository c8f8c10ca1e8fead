import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCount, TGrowthDashboard } from "@/server/dashboards/growth";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { ChartDataTable } from "@/components/ui/data-table";
import { BarListChart } from "@/components/charts/bar-list-chart";

/** Who counts today, broken down by entry path, level, area, G1 profile and practice field: a bar chart and its table each. */
export async function GrowthBreakdowns({ d }: { d: TGrowthDashboard }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const isCity = d.scope === "city";
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const bars = <K extends string>(rows: TCount<K>[], label: (key: K) => string) => rows.map((r) => ({ label: label(r.key), value: r.count }));
  const areaRows = [
    ...d.breakdowns.area.map((a) => ({ label: localName(a, locale), value: a.count })),
    ...(d.breakdowns.areaDirect > 0 ? [{ label: isCity ? t("growth.breakdowns.cityLevel") : t("growth.breakdowns.districtLevel"), value: d.breakdowns.areaDirect }] : []),
  ];
  const breakdowns = [
    { id: "entryPath", title: t("growth.breakdowns.entryPath"), data: bars(d.breakdowns.entryPath, (key) => t(`enums.entryPath.${key}`)), color: "#174877" },
    { id: "level", title: t("growth.breakdowns.level"), data: bars(d.breakdowns.level, (key) => t(`enums.qualificationLevel.${key}`)), color: "#1f5a94" },
    { id: "area", title: isCity ? t("growth.breakdowns.district") : t("growth.breakdowns.street"), data: areaRows, color: "#2f6fae" },
    { id: "g1", title: t("growth.breakdowns.g1"), data: bars(d.breakdowns.g1, (key) => t(`enums.g1Profile.${key}`)), color: "#5b6b8c" },
    { id: "practiceField", title: t("growth.breakdowns.practiceField"), data: bars(d.breakdowns.practiceField, (key) => t(`enums.practiceField.${key}`)), color: "#2f9e8f" },
  ];
  return (
    <section aria-labelledby="breakdowns-title">
      <h2 id="breakdowns-title" className="mb-1 text-lg font-semibold text-slate-900">{t("growth.breakdowns.title")}</h2>
      <p className="mb-4 text-sm text-slate-600">{t("growth.breakdowns.description", { count: d.kpi.qualifiedNow })}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        {breakdowns.map((b) => (
          <Card key={b.id} title={b.title} className={b.id === "practiceField" ? "lg:col-span-2" : undefined}>
            <div data-testid={`breakdown-${b.id}`}>
              <BarListChart data={b.data} color={b.color} valueLabel={t("growth.people")} summary={t("common.labelled", { label: b.title, value: b.data.map((r) => `${r.label} ${r.value}`).join(t("common.listSeparator")) })} />
              <ChartDataTable caption={b.title} summary={t("growth.showTable")} head={[b.title, t("growth.people")]} rows={b.data.map((r) => [r.label, n(r.value)])} />
            </div>
          </Card>
        ))}
      </div>
      {d.breakdowns.g1.length ? <p className="mt-2 text-xs text-slate-500">{t("growth.breakdowns.g1Note")}</p> : null}
    </section>
  );
}
