import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/server/authz/matrix";
import { districtOptions, listOrganizations, ORGANIZATION_KINDS } from "@/server/organizations/queries";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/lib/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

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
  const first = (page - 1) * result.pageSize + 1;
  return (
    <div>
      <PageHeader title={t("nav.organizations")} description={t("organizations.description")} />
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">{t("common.search")}</label>
          <input id="q" name="q" defaultValue={sp.q ?? ""} placeholder={t("organizations.searchPlaceholder")} className={inputClass()} />
        </div>
        <div>
          <label htmlFor="kind" className="mb-1 block text-xs font-medium text-slate-600">{t("organizations.kind")}</label>
          <select id="kind" name="kind" defaultValue={sp.kind ?? ""} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>{t(`orgKinds.${k}`)}</option>
            ))}
          </select>
        </div>
        {districts.length > 1 ? (
          <div>
            <label htmlFor="district" className="mb-1 block text-xs font-medium text-slate-600">{t("organizations.district")}</label>
            <select id="district" name="district" defaultValue={sp.district ?? ""} className={inputClass()}>
              <option value="">{t("common.all")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>{localName(d, locale)}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex items-end gap-2 sm:col-span-4">
          <button type="submit" className={buttonClass("primary", "sm")}>{t("common.applyFilters")}</button>
          <Link href="/organizations" className={buttonClass("ghost", "sm")}>{t("common.clearFilters")}</Link>
        </div>
      </form>
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
                  <Td className="font-medium">{localName(o, locale)}</Td>
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
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/organizations"
            params={{ q: sp.q, kind: sp.kind, district: sp.district }}
            labels={{ previous: t("common.previous"), next: t("common.next"), nav: t("common.pagination"), summary: t("common.rangeSummary", { from: first, to: first + result.items.length - 1, total: result.total }) }}
          />
        </>
      )}
    </div>
  );
}
