import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listPublicAgencies, publicDistricts } from "@/server/agencies/queries";
import { parsePublicAgencyFilter, publicAgencyParams } from "@/domain/agencies/list-filter";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { PublicAgencyCard } from "@/features/agencies/components/public-agency-card";
import { EmptyState } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies.public");
  return { title: t("title") };
}

/** The public directory of active agencies (no sign-in): public facts only. */
export default async function PublicAgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parsePublicAgencyFilter(await searchParams);
  const [t, locale, result, districts] = await Promise.all([getTranslations(), getLocale(), listPublicAgencies(filter), publicDistricts()]);
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("agencies.public.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("agencies.public.intro")}</p>
      <p className="mt-2 text-sm">
        <Link href="/public/agencies/apply" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">{t("agencies.public.applyLink")}</Link>
      </p>
      <div className="mt-6">
        <FilterBar basePath="/public/agencies" className="grid-cols-1 sm:grid-cols-4">
          <FilterInput className="sm:col-span-2" label={t("agencies.list.search")} name="q" defaultValue={filter.q} placeholder={t("agencies.public.searchPlaceholder")} />
          <DistrictFilter label={t("agencies.list.district")} allLabel={t("common.all")} districts={districts} value={filter.district} locale={locale} />
          <FilterChoice label={t("agencies.public.serviceArea")} name="field" value={filter.field} allLabel={t("common.all")} options={PRACTICE_FIELDS.map((f) => ({ value: f, label: t(`enums.practiceField.${f}`) }))} />
        </FilterBar>
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={t("agencies.public.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-3" aria-label={t("agencies.public.title")}>
            {result.items.map((a) => (
              <PublicAgencyCard key={a.id} agency={a} />
            ))}
          </ul>
          <ListPagination result={result} basePath="/public/agencies" params={publicAgencyParams(filter)} />
        </>
      )}
    </div>
  );
}
