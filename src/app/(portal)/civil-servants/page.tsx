import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { deadlineSummaryFor, listDeadlines } from "@/server/civil-servants/queries";
import { scopeOf } from "@/domain/authz/matrix";
import { deadlineListParams, parseDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Card, PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { DeadlineSummary } from "@/features/civil-servants/components/deadline-summary";
import { DeadlineCard } from "@/features/civil-servants/components/deadline-card";
import { DeadlineList } from "@/features/civil-servants/components/deadline-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("civilServants");
  return { title: t("title") };
}

/** New civil servants' two-year qualification deadline (plan.md T2), for officials in their scope. */
export default async function CivilServantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("civilServants.read");
  const filter = parseDeadlineListFilter(await searchParams);
  const [summary, result, t, locale, format] = await Promise.all([deadlineSummaryFor(user), listDeadlines(user, filter), getTranslations(), getLocale(), getFormatter()]);
  const scope = scopeOf(user.role, "civilServants.read");
  const scopeName = scope === "city" ? t("home.wholeCity") : scope === "district" ? localName(user.regionName, locale) : localName(user.organizationName, locale);
  // An official without the anchor of their scope (a department officer without a department) has nothing to see.
  if (!summary) forbidden();
  const settings = summary.settings;
  return (
    <div className="space-y-6">
      <PageHeader title={t("civilServants.title")} description={t("civilServants.description", { scope: scopeName, years: settings.civilServantDeadlineYears })} actions={<ExportLink href="/api/civil-servants/export" params={deadlineListParams(filter)} />} />
      <Card>
        <p className="text-sm text-slate-700" data-testid="deadline-rule">
          <span className="font-medium text-slate-900">{t("civilServants.ruleTitle")}</span>{" "}
          {t("civilServants.rule", {
            who: t(settings.civilServantDeadlineIncludesPublicInstitutions ? "civilServants.who.withInstitutions" : "civilServants.who.civilServants"),
            start: dayFormatter(format)(settings.planStart),
            years: settings.civilServantDeadlineYears,
            days: settings.civilServantDueDays,
          })}
        </p>
      </Card>
      <DeadlineCard listLink={false} summary={{ ...summary, years: settings.civilServantDeadlineYears, dueDays: settings.civilServantDueDays, includesPublicInstitutions: settings.civilServantDeadlineIncludesPublicInstitutions, planStart: settings.planStart }} />
      {summary.total.total ? <DeadlineSummary summary={summary} /> : null}
      <DeadlineList filter={filter} result={result} summary={summary} />
    </div>
  );
}
