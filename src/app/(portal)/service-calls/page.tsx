import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { callFilterDistricts, listCalls } from "@/server/service-calls/queries";
import { can, scopeOf } from "@/domain/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { callListParams, parseCallListFilter } from "@/domain/service-calls/list-filter";
import { CALL_STATUSES, SERVICE_PROJECT_TYPES } from "@/domain/service-calls/enums";
import { CallTable } from "@/features/service-calls/components/call-table";
import { PageHeader } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls");
  return { title: t("title") };
}

/** The calls the caller may read (serviceCalls.read, scoped): filtered by status, type, district and text; paged. */
export default async function ServiceCallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("serviceCalls.read");
  const sp = await searchParams;
  const filter = parseCallListFilter(sp);
  const [t, tc, locale, result, districts] = await Promise.all([getTranslations("serviceCalls"), getTranslations("common"), getLocale(), listCalls(user, filter, parsePage(sp.page)), callFilterDistricts(user)]);
  const scope = scopeOf(user.role, "serviceCalls.read");
  const description = user.role === "AGENCY_ADMIN" ? t("agencyDescription") : scope === "self" ? t("expertDescription") : t("description");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={description} actions={can(user, "serviceCalls.manage") ? <Link href="/service-calls/new" className={buttonClass("primary")}>{t("new")}</Link> : null} />
      <FilterBar basePath="/service-calls" className="sm:grid-cols-2 lg:grid-cols-4">
        <FilterInput label={t("filters.search")} name="q" defaultValue={filter.q} />
        <FilterChoice label={t("filters.status")} name="status" value={filter.status ?? undefined} allLabel={tc("all")} options={CALL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <FilterChoice label={t("filters.type")} name="type" value={filter.type ?? undefined} allLabel={tc("all")} options={SERVICE_PROJECT_TYPES.map((k) => ({ value: k, label: t(`types.${k}`) }))} />
        {districts.length > 1 ? <DistrictFilter label={t("filters.district")} allLabel={tc("all")} districts={districts} value={filter.districtId ?? undefined} locale={locale} /> : null}
      </FilterBar>
      <CallTable rows={result.items} caption={t("title")} />
      {result.total > result.pageSize ? <ListPagination result={result} basePath="/service-calls" params={callListParams(filter)} /> : null}
    </div>
  );
}
