import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { EXPIRING_DAYS, EXPIRING_LIST_LIMIT } from "@/server/dashboards/growth";
import { getGrowthDashboardCached } from "@/server/dashboards/cache";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { GrowthLineChart, type TGrowthChartPoint } from "@/components/charts/growth-line-chart";
import { StackedAreaChart } from "@/components/charts/stacked-area-chart";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { PlanTargetForm } from "@/features/dashboards/components/plan-target-form";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("growth");
  return { title: t("title") };
}

function Kpi({ label, value, note, tone = "brand", testId }: { label: string; value: string; note?: ReactNode; tone?: "brand" | "amber" | "green"; testId: string }) {
  const tones = { brand: "text-brand-800", amber: "text-amber-800", green: "text-emerald-800" } as const;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold tabular-nums ${tones[tone]}`} data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** The figures behind a chart, as a table: charts are never the only way to read them. */
function DataTable({ caption, summary, head, rows }: { caption: string; summary: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">{summary}</summary>
      <div className="mt-2">
        <Table caption={caption}>
          <thead>
            <tr>
              {head.map((h, i) => (
                <Th key={h} className={i > 0 ? "text-right" : undefined}>{h}</Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={String(r[0])}>
                {r.map((c, i) => (
                  <Td key={i} className={i > 0 ? "text-right tabular-nums" : undefined}>{c}</Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </details>
  );
}

export default async function GrowthDashboardPage() {
  // The gate comes first: nothing is queried or streamed for someone who may not see it.
  const user = await requirePermission("dashboard.growth.read");
  const [t, locale, format, d] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getGrowthDashboardCached(user)]);
  const isCity = d.scope === "city";
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const monthLabel = (m: string) => format.dateTime(new Date(`${m}-01T00:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
  const dayLabel = (s: string) => format.dateTime(new Date(`${s}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const k = d.kpi;
  const scopeName = isCity ? t("home.wholeCity") : localName(user.regionName, locale);
  const last = d.series.at(-1);

  const chart: TGrowthChartPoint[] = [
    ...d.series.map((p, i) => ({
      label: monthLabel(p.month),
      actual: p.actual,
      target: isCity ? Math.round(p.target * 10) / 10 : null,
      // The dashed forecast starts from the last actual point so the two lines join.
      forecast: i === d.series.length - 1 ? p.actual : null,
    })),
    ...d.forecast.map((p) => ({ label: monthLabel(p.month), actual: null, target: isCity ? Math.round(p.target * 10) / 10 : null, forecast: p.forecast })),
  ];
  const span = { from: d.series[0] ? monthLabel(d.series[0].month) : "—", to: last ? monthLabel(last.month) : "—", first: d.series[0]?.actual ?? 0, last: last?.actual ?? 0 };
  const chartSummary = isCity ? t("growth.chart.summary", { ...span, target: n(k.targetToDate, 1) }) : t("growth.chart.summaryDistrict", span);

  const entryColors = { BASELINE: "#7aaed9", RECRUITED: "#174877", CULTIVATED: "#2f9e8f" } as const;
  const bars = (rows: { key: string; count: number }[], label: (key: string) => string) => rows.map((r) => ({ label: label(r.key), value: r.count }));
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
    <div className="space-y-6">
      <DashboardTabs user={user} current="growth" />
      <PageHeader
        title={t("growth.title")}
        description={t("growth.description", { scope: scopeName, date: dayLabel(d.today) })}
        actions={isCity ? <Badge tone="blue">{t("growth.planBadge", { start: dayLabel(d.plan.startDate), startValue: d.plan.startValue, yearly: d.plan.yearlyTarget })}</Badge> : <Badge>{scopeName}</Badge>}
      />

      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Kpi testId="kpi-qualified-now" label={t("growth.kpi.qualifiedNow")} value={n(k.qualifiedNow)} note={t("growth.kpi.qualifiedNowNote", { atStart: k.atStart })} />
        {isCity ? (
          <>
            <Kpi testId="kpi-target-to-date" label={t("growth.kpi.targetToDate")} value={n(k.targetToDatePeople)} note={t("growth.kpi.targetToDateNote", { year: k.planYear, end: k.yearEndTarget })} />
            <Kpi
              testId="kpi-gap"
              label={t("growth.kpi.gap")}
              value={n(k.gap)}
              tone={k.gap > 0 ? "amber" : "green"}
              note={k.gap > 0 ? t("growth.kpi.gapBehind") : t("growth.kpi.gapOnTrack")}
            />
            <Kpi
              testId="kpi-needed-per-month"
              label={t("growth.kpi.neededPerMonth")}
              value={n(k.neededPerMonth, 1)}
              note={t("growth.kpi.neededPerMonthNote", { months: k.monthsLeft, end: k.yearEndTarget, forecast: k.forecastYearEnd })}
            />
          </>
        ) : (
          <>
            <Kpi testId="kpi-joined" label={t("growth.kpi.joinedThisYear")} value={n(k.joinedThisPlanYear)} note={t("growth.kpi.joinedThisYearNote", { year: k.planYear })} />
            <Kpi testId="kpi-forecast" label={t("growth.kpi.forecastYearEnd")} value={n(k.forecastYearEnd)} note={t("growth.kpi.forecastYearEndNote")} />
            <Kpi testId="kpi-expiring" label={t("growth.kpi.expiring")} value={n(d.expiring.total)} tone={d.expiring.total > 0 ? "amber" : "green"} note={t("growth.kpi.expiringNote", { days: EXPIRING_DAYS })} />
          </>
        )}
      </dl>

      <Card title={isCity ? t("growth.chart.title") : t("growth.chart.titleDistrict")}>
        {!isCity ? <p className="mb-3 text-sm text-slate-600">{t("growth.chart.districtNote")}</p> : null}
        <GrowthLineChart
          data={chart}
          showTarget={isCity}
          summary={chartSummary}
          labels={{ actual: t("growth.chart.actual"), target: t("growth.chart.target"), forecast: t("growth.chart.forecast") }}
        />
        <p className="mt-2 text-xs text-slate-500">{t("growth.chart.method")}</p>
        <DataTable
          caption={t("growth.chart.tableCaption")}
          summary={t("growth.showTable")}
          head={[t("growth.chart.month"), t("growth.chart.actual"), ...(isCity ? [t("growth.chart.target")] : []), t("growth.chart.forecast")]}
          rows={[
            ...d.series.map((p) => [monthLabel(p.month), n(p.actual), ...(isCity ? [n(p.target, 1)] : []), "—"]),
            ...d.forecast.map((p) => [monthLabel(p.month), "—", ...(isCity ? [n(p.target, 1)] : []), n(p.forecast, 1)]),
          ]}
        />
      </Card>

      <Card title={t("growth.split.title")}>
        <StackedAreaChart
          xKey="label"
          summary={t("growth.split.summary", {
            baseline: last?.baseline ?? 0,
            recruited: last?.recruited ?? 0,
            cultivated: last?.cultivated ?? 0,
          })}
          data={d.series.map((p) => ({ label: monthLabel(p.month), BASELINE: p.baseline, RECRUITED: p.recruited, CULTIVATED: p.cultivated }))}
          series={(["BASELINE", "RECRUITED", "CULTIVATED"] as const).map((key) => ({ key, label: t(`enums.entryPath.${key}`), color: entryColors[key] }))}
        />
        <DataTable
          caption={t("growth.split.title")}
          summary={t("growth.showTable")}
          head={[t("growth.chart.month"), t("enums.entryPath.BASELINE"), t("enums.entryPath.RECRUITED"), t("enums.entryPath.CULTIVATED"), t("growth.chart.actual")]}
          rows={d.series.map((p) => [monthLabel(p.month), n(p.baseline), n(p.recruited), n(p.cultivated), n(p.actual)])}
        />
      </Card>

      <section aria-labelledby="breakdowns-title">
        <h2 id="breakdowns-title" className="mb-1 text-lg font-semibold text-slate-900">{t("growth.breakdowns.title")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("growth.breakdowns.description", { count: k.qualifiedNow })}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          {breakdowns.map((b) => (
            <Card key={b.id} title={b.title} className={b.id === "practiceField" ? "lg:col-span-2" : undefined}>
              <div data-testid={`breakdown-${b.id}`}>
                <BarListChart
                  data={b.data}
                  color={b.color}
                  valueLabel={t("growth.people")}
                  summary={`${b.title}: ${b.data.map((r) => `${r.label} ${r.value}`).join("; ")}`}
                />
                <DataTable caption={b.title} summary={t("growth.showTable")} head={[b.title, t("growth.people")]} rows={b.data.map((r) => [r.label, n(r.value)])} />
              </div>
            </Card>
          ))}
        </div>
        {d.breakdowns.g1.length ? <p className="mt-2 text-xs text-slate-500">{t("growth.breakdowns.g1Note")}</p> : null}
      </section>

      <Card
        title={t("growth.expiring.title", { days: EXPIRING_DAYS })}
        actions={<span className="text-sm text-slate-600" data-testid="expiring-total">{t("growth.expiring.total", { count: d.expiring.total })}</span>}
      >
        {d.expiring.items.length === 0 ? (
          <EmptyState title={t("growth.expiring.empty")} />
        ) : (
          <>
            <Table caption={t("growth.expiring.title", { days: EXPIRING_DAYS })}>
              <thead>
                <tr>
                  <Th>{t("growth.expiring.practitioner")}</Th>
                  <Th>{t("growth.expiring.credential")}</Th>
                  <Th>{t("growth.expiring.validUntil")}</Th>
                  <Th className="text-right">{t("growth.expiring.daysLeft")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.expiring.items.map((c) => (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <Td>
                      <Link href={`/practitioners/${c.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{c.practitioner.name}</Link>
                      {c.practitioner.organization ? <span className="block text-xs text-slate-500">{localName(c.practitioner.organization, locale)}</span> : null}
                    </Td>
                    <Td>
                      {t(`enums.credentialKind.${c.kind}`)}
                      <span className="block font-mono text-xs text-slate-500">{c.number}</span>
                    </Td>
                    <Td className="whitespace-nowrap">{dayLabel(c.validUntil)}</Td>
                    <Td className="text-right">
                      <Badge tone={c.daysLeft <= 30 ? "red" : "amber"}>{t("growth.expiring.days", { count: c.daysLeft })}</Badge>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {d.expiring.total > d.expiring.items.length ? (
              <p className="mt-2 text-sm text-slate-600">
                {t("growth.expiring.more", { shown: EXPIRING_LIST_LIMIT, total: d.expiring.total })}{" "}
                <Link href={`/practitioners?expiring=${EXPIRING_DAYS}`} className="font-medium text-brand-700 hover:underline">{t("growth.expiring.all")}</Link>
              </p>
            ) : null}
          </>
        )}
      </Card>

      {can(user, "plan.updateTarget") ? (
        <Card title={t("growth.settings.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("growth.settings.description")}</p>
          <PlanTargetForm plan={{ startDate: d.plan.startDate, startValue: d.plan.startValue, yearlyTarget: d.plan.yearlyTarget, version: d.plan.version }} />
        </Card>
      ) : null}
    </div>
  );
}
