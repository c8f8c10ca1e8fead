import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getWorkforceDashboard } from "@/server/dashboards/workforce";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";
import { WorkforceKpis } from "@/features/dashboards/components/workforce-kpis";
import { WorkforcePostTables } from "@/features/dashboards/components/workforce-post-tables";
import { WorkforceAgencyCards } from "@/features/dashboards/components/workforce-agency-cards";
import { Badge, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workforce");
  return { title: t("title") };
}

export default async function WorkforceDashboardPage() {
  // The gate comes first: nothing is queried for someone who may not see it.
  const user = await requirePermission("dashboard.workforce.read");
  const [t, locale, format, d] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getWorkforceDashboard(user)]);
  const scopeName = d.scope === "city" ? t("home.wholeCity") : localName(user.regionName, locale);
  return (
    <div className="space-y-6">
      <DashboardTabs user={user} current="workforce" />
      <PageHeader title={t("workforce.title")} description={t("workforce.description", { scope: scopeName, date: dayFormatter(format)(d.today) })} actions={<Badge>{scopeName}</Badge>} />
      <WorkforceKpis d={d} />
      <WorkforcePostTables d={d} />
      <WorkforceAgencyCards agencies={d.agencies} />
    </div>
  );
}
