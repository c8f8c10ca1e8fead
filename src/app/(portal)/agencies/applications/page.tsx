import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { applicationCounts, applicationDistricts, listApplications } from "@/server/agencies/application-queries";
import { APPLICATION_STATUSES, type TApplicationStatus } from "@/domain/agencies/enums";
import { ApplicationStatusChips } from "@/features/agencies/components/application-status-chips";
import { ApplicationQueueTable } from "@/features/agencies/components/application-queue-table";
import { parsePage } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/card";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";
import { ExportLink } from "@/components/ui/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("queue.title") };
}

type TSearch = { q?: string; status?: string; district?: string; page?: string };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("agencyApplications.read");
  const sp = await searchParams;
  const [t, ta, tEnums, locale, result, districts, counts] = await Promise.all([
    getTranslations("common"),
    getTranslations("agencyApplications"),
    getTranslations("enums"),
    getLocale(),
    listApplications(user, { q: sp.q, status: sp.status, district: sp.district, page: parsePage(sp.page) }),
    applicationDistricts(user),
    applicationCounts(user),
  ]);
  const params = { q: sp.q || undefined, status: result.status, district: sp.district || undefined };
  const chipHref = (status?: TApplicationStatus) => {
    const qs = new URLSearchParams(Object.entries({ ...params, status }).filter((e): e is [string, string] => !!e[1])).toString();
    return `/agencies/applications${qs ? `?${qs}` : ""}`;
  };
  return (
    <div>
      <PageHeader title={ta("queue.title")} description={ta("queue.description")} actions={<ExportLink href="/api/agencies/applications/export" params={params} />} />
      <ApplicationStatusChips current={result.status} counts={counts} href={chipHref} />
      <FilterBar basePath="/agencies/applications" className="sm:grid-cols-3">
        <FilterInput label={t("search")} name="q" defaultValue={sp.q ?? ""} placeholder={ta("queue.searchPlaceholder")} hint={t("numberSearchHint")} />
        <FilterChoice label={ta("queue.status")} name="status" value={result.status} allLabel={t("all")} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: tEnums(`applicationStatus.${s}`) }))} />
        <DistrictFilter label={ta("queue.district")} allLabel={t("all")} districts={districts} value={sp.district} locale={locale} />
      </FilterBar>
      <ApplicationQueueTable user={user} result={result} params={params} filtered={!!(sp.q || result.status || sp.district)} />
    </div>
  );
}
