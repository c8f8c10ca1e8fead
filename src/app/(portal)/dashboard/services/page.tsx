import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getServicesDashboardCached } from "@/server/services-dashboard/dashboard";
import { servicesScopeOf } from "@/server/services-dashboard/money";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";
import { ServicesKpis } from "@/features/services-dashboard/components/services-kpis";
import { MoneyBarCard } from "@/features/services-dashboard/components/money-bar-card";
import { ShareCard } from "@/features/services-dashboard/components/share-card";
import { StagesCard } from "@/features/services-dashboard/components/stages-card";
import { DelaysCard } from "@/features/services-dashboard/components/delays-card";
import { contractShortfallsCached } from "@/server/contracts/staffing";
import { ShortfallsCard, type TShortfallRow } from "@/features/services-dashboard/components/shortfalls-card";
import { FundLinesCard } from "@/features/services-dashboard/components/fund-lines-card";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { evaluationBands } from "@/server/services-dashboard/evaluation-bands";
import { EvaluationBandsCard } from "@/features/services-dashboard/components/evaluation-bands-card";
import { ServicesSettingsForm } from "@/features/services-dashboard/components/services-settings-form";
import { getServicesSettingsForEdit } from "@/server/plan/services-settings";
import { can } from "@/domain/authz/matrix";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("servicesDashboard");
  return { title: t("title") };
}

export default async function ServicesDashboardPage() {
  // The gate comes first: nothing is queried for someone who may not see it.
  const user = await requirePermission("dashboard.services.read");
  // The scope comes from the caller's matrix row: the city everything, a district its district, a department its projects.
  const scope = servicesScopeOf(user);
  if (!scope) forbidden();
  const [t, tf, te, tc, ts, locale, format, d, live, bands, settings] = await Promise.all([
    getTranslations("servicesDashboard"),
    getTranslations("funds"),
    getTranslations("enums"),
    getTranslations("contracts"),
    getTranslations("servicesSettings"),
    getLocale(),
    getFormatter(),
    getServicesDashboardCached(scope),
    // Live: reused only while nothing has changed, so a shortfall shows the moment someone leaves or lapses (src/server/contracts/staffing.ts).
    contractShortfallsCached(user, "dashboard.services.read"),
    // Live, in the reader's scope of evaluations (src/server/services-dashboard/evaluation-bands.ts).
    evaluationBands(user),
    // The city's evaluation and purchased-services settings, for the city administrator only.
    can(user, "plan.updateServicesSettings") ? getServicesSettingsForEdit() : null,
  ]);
  const day = dayFormatter(format);
  const subject = scope.kind === "district" ? (user.regionName ?? null) : scope.kind === "department" ? (user.organizationName ?? null) : null;
  const scopeName = subject ? localName(subject, locale) : t("cityItself");
  const named = (k: string | null, none: string) => (k ? localName(d.names[k], locale) || k : none);
  const shortfalls: TShortfallRow[] = live.map((s) => ({ ...s, people: s.people.map((p) => ({ name: p.name, reason: tc(`reasons.${p.reason}`) })) }));
  return (
    <div className="space-y-6">
      <DashboardTabs user={user} current="servicesDashboard" />
      <PageHeader
        title={t("title")}
        description={t("description", { scope: scopeName, date: day(new Date(`${d.today}T00:00:00Z`)) })}
        actions={<Badge tone={subject ? "slate" : "blue"}>{scopeName}</Badge>}
      />
      <ServicesKpis d={d} />
      <div className="grid gap-6 xl:grid-cols-2">
        <MoneyBarCard id="by-district" title={t("byDistrict")} head={tf("breakdown.district")} rows={d.money.district} label={(k) => named(k, t("cityLevel"))} color="#2f6fae" />
        <MoneyBarCard id="by-type" title={t("byType")} head={tf("breakdown.type")} rows={d.money.type} label={(k) => (k ? t(`type.${k as "OTHER"}`) : "")} color="#0f766e" />
        <MoneyBarCard id="by-field" title={t("byField")} head={t("name")} rows={d.money.field} label={(k) => (k ? te(`practiceField.${k as "SCHOOLS"}`) : "")} color="#7c3aed" />
        <MoneyBarCard id="by-department" title={t("byDepartment")} head={t("name")} rows={d.money.department} label={(k) => named(k, t("cityItself"))} color="#b45309" />
      </div>
      <ShareCard d={d} />
      <StagesCard d={d} />
      <DelaysCard delays={d.delays} />
      <EvaluationBandsCard bands={bands} />
      <ShortfallsCard rows={shortfalls} />
      <FundLinesCard lines={d.lines} year={Number(d.today.slice(0, 4))} />
      {settings ? (
        <section id="services-settings" aria-labelledby="services-settings-title" className="scroll-mt-20">
          <Card title={<span id="services-settings-title">{ts("title")}</span>}>
            <p className="mb-4 text-sm text-slate-600">{ts("description")}</p>
            <ServicesSettingsForm settings={settings} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
