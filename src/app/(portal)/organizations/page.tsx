import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { districtOptions, listOrganizations, ORGANIZATION_KINDS } from "@/server/organizations/queries";
import { parsePage } from "@/lib/pagination";
import { OrganizationTable } from "@/features/organizations/components/organization-table";
import { Notice, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("organizations") };
}

type TSearch = { q?: string; kind?: string; district?: string; page?: string; saved?: string };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("organizations.read");
  const sp = await searchParams;
  const [t, locale, result, districts] = await Promise.all([
    getTranslations(),
    getLocale(),
    listOrganizations(user, { q: sp.q, kind: sp.kind, district: sp.district, page: parsePage(sp.page) }),
    can(user, "regions.read") ? districtOptions(user) : Promise.resolve([]),
  ]);
  return (
    <div>
      <PageHeader title={t("nav.organizations")} description={t("organizations.description")} />
      {sp.saved ? (
        <div className="mb-4">
          <Notice tone="success">{t("organizations.supervision.saved")}</Notice>
        </div>
      ) : null}
      <FilterBar basePath="/organizations">
        <FilterInput className="sm:col-span-2" label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={t("organizations.searchPlaceholder")} />
        <FilterChoice label={t("organizations.kind")} name="kind" value={sp.kind} allLabel={t("common.all")} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
        <DistrictFilter label={t("organizations.district")} allLabel={t("common.all")} districts={districts} value={sp.district} locale={locale} />
      </FilterBar>
      <OrganizationTable user={user} result={result} params={{ q: sp.q, kind: sp.kind, district: sp.district }} />
    </div>
  );
}
