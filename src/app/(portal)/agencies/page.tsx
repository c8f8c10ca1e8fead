import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { agencyDistrictOptions, listAgencies } from "@/server/agencies/queries";
import { AGENCY_LIST_SORTS, agencyListParams, parseAgencyListFilter } from "@/domain/agencies/list-filter";
import { AGENCY_RATING_LEVELS, AGENCY_STATUSES } from "@/domain/agencies/enums";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";
import { AgencyStatusBadge } from "@/features/agencies/components/agency-status-badge";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("title") };
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("agencies.read");
  // An agency's administrator reads their own profile; the list is for officials.
  if (scopeOf(user.role, "agencies.read") === "organization") redirect("/agencies/mine");
  const filter = parseAgencyListFilter(await searchParams);
  const [t, locale, format, result, districts] = await Promise.all([getTranslations(), getLocale(), getFormatter(), listAgencies(user, filter), agencyDistrictOptions(user)]);
  const params = agencyListParams(filter);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <div>
      <PageHeader title={t("agencies.title")} description={t("agencies.description")} />
      <FilterBar basePath="/agencies" className="grid-cols-2 lg:grid-cols-4">
        <FilterInput className="col-span-2" label={t("agencies.list.search")} name="q" defaultValue={filter.q} placeholder={t("agencies.list.searchPlaceholder")} />
        {districts.length > 1 ? (
          <FilterSelect label={t("agencies.list.district")} name="district" defaultValue={filter.district}>
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
        <FilterSelect label={t("agencies.list.status")} name="status" defaultValue={filter.status}>
          <option value="">{t("common.all")}</option>
          {AGENCY_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`enums.agencyStatus.${s}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("agencies.list.rating")} name="rating" defaultValue={filter.rating}>
          <option value="">{t("common.all")}</option>
          {AGENCY_RATING_LEVELS.map((r) => (
            <option key={r} value={r}>{t(`enums.agencyRatingLevel.${r}`)}</option>
          ))}
          <option value="none">{t("agencies.list.notRated")}</option>
        </FilterSelect>
        <FilterSelect label={t("agencies.list.flagged")} name="flagged" defaultValue={filter.flagged ? "1" : ""}>
          <option value="">{t("common.all")}</option>
          <option value="1">{t("agencies.list.flaggedOnly")}</option>
        </FilterSelect>
        <FilterSelect label={t("agencies.list.ownership")} name="private" defaultValue={filter.privateOnly ? "1" : ""}>
          <option value="">{t("common.all")}</option>
          <option value="1">{t("agencies.list.privateOnly")}</option>
        </FilterSelect>
        <FilterSelect label={t("agencies.list.sort")} name="sort" defaultValue={filter.sort}>
          {AGENCY_LIST_SORTS.map((s) => (
            <option key={s} value={s}>{t(`agencies.list.sorts.${s}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("agencies.list.dir")} name="dir" defaultValue={filter.dir}>
          <option value="asc">{t("agencies.list.asc")}</option>
          <option value="desc">{t("agencies.list.desc")}</option>
        </FilterSelect>
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={t("agencies.list.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("agencies.title")}>
            <thead>
              <tr>
                <Th>{t("agencies.list.columns.name")}</Th>
                <Th>{t("agencies.list.columns.district")}</Th>
                <Th>{t("agencies.list.columns.status")}</Th>
                <Th>{t("agencies.list.columns.rating")}</Th>
                <Th>{t("agencies.list.columns.flags")}</Th>
                <Th>{t("agencies.list.columns.ownership")}</Th>
                <Th title={t("agencies.staff.hint")}>{t("agencies.list.columns.staff")}</Th>
                <Th>{t("agencies.list.columns.member")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50" data-testid="agency-row">
                  <Td>
                    <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">{localName(a, locale)}</Link>
                    {a.creditCode ? <span className="block font-mono text-xs text-slate-500">{a.creditCode}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-700">{a.district ? localName(a.district, locale) : "—"}</Td>
                  <Td className="whitespace-nowrap">
                    <AgencyStatusBadge status={a.agencyStatus} />
                    {a.agencyStatusSince ? <span className="block text-xs text-slate-500">{t("agencies.since", { date: day(a.agencyStatusSince) })}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {a.rating ? (
                      <>
                        <span className="font-medium">{t(`enums.agencyRatingLevel.${a.rating}`)}</span>
                        <span className="block text-xs text-slate-500">{day(a.ratingDate)}</span>
                      </>
                    ) : (
                      <span className="text-slate-500">{t("agencies.list.notRated")}</span>
                    )}
                  </Td>
                  <Td><IntegrityFlags flags={a.flags} empty={<span className="text-slate-400">—</span>} /></Td>
                  <Td className="whitespace-nowrap">{a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public")}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}</Td>
                  <Td className="whitespace-nowrap">{a.isMember ? <Badge tone="blue">{t("agencies.member.yes")}</Badge> : <span className="text-slate-500">{t("agencies.member.no")}</span>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/agencies" params={params} />
        </>
      )}
    </div>
  );
}
