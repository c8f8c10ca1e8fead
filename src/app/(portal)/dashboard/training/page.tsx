import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { getTrainingDashboardCached, resolveTrainingView, trainingViewOptions } from "@/server/dashboards/training";
import { trainingTables } from "@/server/dashboards/training-tables";
import { parseTrainingDashboardFilter, trainingDashboardParams } from "@/domain/dashboards/training-filter";
import { dayFormatter } from "@/domain/common/day-format";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";
import { TrainingFilter } from "@/features/dashboards/components/training-filter";
import { TrainingKpis } from "@/features/dashboards/components/training-kpis";
import { TrainingTableCards } from "@/features/dashboards/components/training-table-cards";
import { TrainingSubsidyCard } from "@/features/dashboards/components/training-subsidy-card";
import { CoverageCard } from "@/features/supervision/components/coverage-card";
import { LoadsCard } from "@/features/supervision/components/loads-card";
import { CoverageCard as RotationCoverageCard } from "@/features/rotation/components/coverage-card";
import { FunnelCard } from "@/features/exams/components/funnel-card";
import { DeadlineCard } from "@/features/civil-servants/components/deadline-card";
import { ExportLink } from "@/components/ui/export-link";
import { Badge, PageHeader } from "@/components/ui/card";

/** A dashboard shows the busiest supervisors; the city's full list is on /supervision and in the export. */
const LOADS_SHOWN = 20;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainingDashboard");
  return { title: t("title") };
}

export default async function TrainingDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate comes first: nothing is queried for someone who may not see it.
  const user = await requirePermission("dashboard.training.read");
  const today = todayInCity();
  const filter = parseTrainingDashboardFilter(await searchParams, today);
  // The scope comes from the caller's matrix row; only the city's choice of district or department is read from the URL.
  const view = await resolveTrainingView(user, filter);
  // An officer whose account lacks its district or department has no scope to show.
  if (!view) forbidden();
  const [t, locale, format, d, options] = await Promise.all([
    getTranslations(),
    getLocale(),
    getFormatter(),
    getTrainingDashboardCached(view.scope, filter),
    trainingViewOptions(view),
  ]);
  const tables = await trainingTables(d);
  const day = dayFormatter(format);
  const scopeName = view.subject ? localName(view.subject, locale) : t("home.wholeCity");
  const period = filter.from && filter.to ? t("trainingDashboard.periodRange", { from: day(d.from), to: day(d.to) }) : t("trainingDashboard.periodYear", { year: filter.year });
  const exportParams = trainingDashboardParams(filter);
  const years = Array.from({ length: today.getUTCFullYear() - 2020 + 2 }, (_, i) => today.getUTCFullYear() + 1 - i);
  if (!years.includes(filter.year)) years.push(filter.year);
  const exportTo = (table: "funnel" | "deadlines" | "rotation" | "coverage" | "loads", title: string) => (
    <ExportLink href="/api/dashboard/training/export" params={{ ...exportParams, table }} label={t("trainingDashboard.export.label", { table: title })} size="sm" />
  );
  return (
    <div className="space-y-6">
      <DashboardTabs user={user} current="trainingDashboard" />
      <PageHeader
        title={t("trainingDashboard.title")}
        description={t("trainingDashboard.description", { scope: scopeName, period, date: day(d.today) })}
        actions={<Badge tone={view.subject ? "slate" : "blue"}>{scopeName}</Badge>}
      />
      <TrainingFilter filter={filter} years={years} districts={options.districts} departments={options.departments} />
      <TrainingKpis d={d} />
      <TrainingTableCards d={d} tables={tables} exportParams={exportParams} />
      <FunnelCard data={d.funnel} scopeName={scopeName} actions={exportTo("funnel", tables.funnel.title)} />
      <DeadlineCard summary={d.deadlines} actions={exportTo("deadlines", tables.deadlines.title)} />
      <RotationCoverageCard coverage={d.rotation} actions={exportTo("rotation", tables.rotation.title)} />
      <TrainingSubsidyCard d={d} scopeName={scopeName} exportParams={exportParams} />
      <section aria-labelledby="supervision-title" className="space-y-4">
        <div>
          <h2 id="supervision-title" className="text-lg font-semibold text-slate-900">{t("trainingDashboard.supervision.title")}</h2>
          <p className="text-sm text-slate-600">{t("trainingDashboard.supervision.description")}</p>
        </div>
        <CoverageCard coverage={d.coverage} id="supervision-coverage" actions={exportTo("coverage", tables.coverage.title)} />
        <LoadsCard rows={d.loads.rows.slice(0, LOADS_SHOWN)} cap={d.loads.cap} manage={can(user, "supervision.manage")} id="supervisor-loads" actions={exportTo("loads", tables.loads.title)} />
        {d.loads.rows.length > LOADS_SHOWN ? (
          <p className="text-sm text-slate-600" data-testid="loads-more">{t("trainingDashboard.supervision.loadsMore", { shown: LOADS_SHOWN, total: d.loads.rows.length })}</p>
        ) : null}
      </section>
    </div>
  );
}
