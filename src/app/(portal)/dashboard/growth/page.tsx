import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { getGrowthDashboardCached } from "@/server/dashboards/cache";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";
import { GrowthKpis } from "@/features/dashboards/components/growth-kpis";
import { GrowthChartCard } from "@/features/dashboards/components/growth-chart-card";
import { GrowthSplitCard } from "@/features/dashboards/components/growth-split-card";
import { GrowthBreakdowns } from "@/features/dashboards/components/growth-breakdowns";
import { RegistrationsDueCard } from "@/features/dashboards/components/registrations-due-card";
import { QualificationSettingsForm } from "@/features/dashboards/components/qualification-settings-form";
import { getQualificationSettingsForEdit } from "@/server/plan/qualification-settings";
import { TrainingSettingsForm } from "@/features/dashboards/components/training-settings-form";
import { getTrainingSettingsForEdit } from "@/server/plan/training-settings";
import { PlanTargetForm } from "@/features/dashboards/components/plan-target-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { examFunnelCached, examFunnelScopeOf } from "@/server/exams/funnel";
import { FunnelCard } from "@/features/exams/components/funnel-card";
import { EXAM_FIRST_YEAR, examYears } from "@/domain/exams/rules";
import { todayInCity } from "@/domain/common/calendar-day";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("growth");
  return { title: t("title") };
}

export default async function GrowthDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate comes first: nothing is queried or streamed for someone who may not see it.
  const user = await requirePermission("dashboard.growth.read");
  // The cultivation funnel's year (?year=, this year by default) and the viewer's scope (plan.md G2).
  const thisYear = todayInCity().getUTCFullYear();
  const askedYear = Number((await searchParams).year);
  const funnelYear = Number.isInteger(askedYear) && askedYear >= EXAM_FIRST_YEAR && askedYear <= thisYear ? askedYear : thisYear;
  const funnelScope = examFunnelScopeOf(user);
  const [t, locale, format, d, funnel] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getGrowthDashboardCached(user), funnelScope ? examFunnelCached({ year: funnelYear, scope: funnelScope }) : null]);
  const isCity = d.scope === "city";
  const day = dayFormatter(format);
  const scopeName = isCity ? t("home.wholeCity") : localName(user.regionName, locale);
  return (
    <div className="space-y-6">
      <DashboardTabs user={user} current="growth" />
      <PageHeader
        title={t("growth.title")}
        description={t("growth.description", { scope: scopeName, date: day(d.today) })}
        actions={isCity ? <Badge tone="blue">{t("growth.planBadge", { start: day(d.plan.startDate), startValue: d.plan.startValue, yearly: d.plan.yearlyTarget })}</Badge> : <Badge>{scopeName}</Badge>}
      />
      <GrowthKpis d={d} />
      <GrowthChartCard d={d} />
      <GrowthSplitCard d={d} />
      <GrowthBreakdowns d={d} />
      <RegistrationsDueCard due={d.registrationsDue} />
      {funnel ? <FunnelCard data={funnel} scopeName={scopeName} yearChoice={{ basePath: "/dashboard/growth", years: examYears(thisYear) }} /> : null}
      {can(user, "plan.updateTarget") ? (
        <Card title={t("growth.settings.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("growth.settings.description")}</p>
          <PlanTargetForm plan={{ startDate: d.plan.startDate, startValue: d.plan.startValue, yearlyTarget: d.plan.yearlyTarget, version: d.plan.version }} />
        </Card>
      ) : null}
      {can(user, "plan.updateQualificationSettings") ? (
        <Card title={t("growth.qualificationSettings.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("growth.qualificationSettings.description")}</p>
          <QualificationSettingsForm settings={await getQualificationSettingsForEdit()} />
        </Card>
      ) : null}
      {can(user, "plan.updateTrainingSettings") ? (
        <section id="training-settings" aria-labelledby="training-settings-title" className="scroll-mt-20">
          <Card title={<span id="training-settings-title">{t("trainingSettings.title")}</span>}>
            <p className="mb-4 text-sm text-slate-600">{t("trainingSettings.description")}</p>
            <TrainingSettingsForm settings={await getTrainingSettingsForEdit()} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
