import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { districtOptions, listOrganizations, ORGANIZATION_KINDS } from "@/server/organizations/queries";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("organizations") };
}

type TSearch = { q?: string; kind?: string; district?: string; page?: string };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("organizations.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, locale, result, districts] = await Promise.all([
    getTranslations(),
    getLocale(),
    listOrganizations(user, { q: sp.q, kind: sp.kind, district: sp.district, page }),
    can(user, "regions.read") ? districtOptions(user) : Promise.resolve([]),
  ]);
  return (
    <div>
      <PageHeader title={t("nav.organizations")} description={t("organizations.description")} />
      <FilterBar basePath="/organizations">
        <FilterInput className="sm:col-span-2" label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={t("organizations.searchPlaceholder")} />
        <FilterSelect label={t("organizations.kind")} name="kind" defaultValue={sp.kind ?? ""}>
          <option value="">{t("common.all")}</option>
          {ORGANIZATION_KINDS.map((k) => (
            <option key={k} value={k}>{t(`orgKinds.${k}`)}</option>
          ))}
        </FilterSelect>
        {districts.length > 1 ? (
          <FilterSelect label={t("organizations.district")} name="district" defaultValue={sp.district ?? ""}>
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={t("organizations.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("nav.organizations")}>
            <thead>
              <tr>
                <Th>{t("organizations.name")}</Th>
                <Th>{t("organizations.kind")}</Th>
                <Th>{t("organizations.details")}</Th>
                <Th>{t("organizations.region")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((o) => (
                <tr key={o.id} className="hover:bg-slate-50">
                  <Td className="font-medium">
                    {o.kind === "AGENCY" && can(user, "agencies.read", { organizationId: o.id, regionPath: o.region.path }) ? (
                      <Link href={`/agencies/${o.id}`} className="text-brand-700 hover:underline">{localName(o, locale)}</Link>
                    ) : (
                      localName(o, locale)
                    )}
                    <IntegrityFlags flags={o.flags} className="mt-1" />
                  </Td>
                  <Td><Badge tone={o.kind === "AGENCY" ? "blue" : "slate"}>{t(`orgKinds.${o.kind}`)}</Badge></Td>
                  <Td className="text-slate-600">
                    {[o.departmentType ? t(`departmentTypes.${o.departmentType}`) : null, o.adminLevel ? t(`adminLevels.${o.adminLevel}`) : null, o.hospitalLevel ? t(`hospitalLevels.${o.hospitalLevel}`) : null]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </Td>
                  <Td className="text-slate-600">{localName(o.region, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/organizations" params={{ q: sp.q, kind: sp.kind, district: sp.district }} />
        </>
      )}
    </div>
  );
}
