import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listPublicAgencies, publicDistricts } from "@/server/agencies/queries";
import { parsePublicAgencyFilter, publicAgencyParams } from "@/domain/agencies/list-filter";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies.public");
  return { title: t("title") };
}

/** The public directory of active agencies (no sign-in): public facts only. */
export default async function PublicAgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parsePublicAgencyFilter(await searchParams);
  const [t, locale, format, result, districts] = await Promise.all([getTranslations(), getLocale(), getFormatter(), listPublicAgencies(filter), publicDistricts()]);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
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
          <FilterSelect label={t("agencies.list.district")} name="district" defaultValue={filter.district}>
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
          <FilterSelect label={t("agencies.public.serviceArea")} name="field" defaultValue={filter.field}>
            <option value="">{t("common.all")}</option>
            {PRACTICE_FIELDS.map((f) => (
              <option key={f} value={f}>{t(`enums.practiceField.${f}`)}</option>
            ))}
          </FilterSelect>
        </FilterBar>
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={t("agencies.public.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-3" aria-label={t("agencies.public.title")}>
            {result.items.map((a) => (
              <li key={a.id} data-testid="public-agency" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="text-base font-semibold text-slate-900">
                      <Link href={`/public/agencies/${a.id}`} className="text-brand-800 hover:underline">{localName(a, locale)}</Link>
                    </h2>
                    <p className="text-sm text-slate-600">
                      {[a.district ? localName(a.district, locale) : null, a.isPrivate ? t("agencies.ownership.private") : null].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  <IntegrityFlags flags={a.flags} />
                </div>
                <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-500">{t("agencies.public.rating")}</dt>
                    <dd className="text-slate-900">{a.rating ? `${t(`enums.agencyRatingLevel.${a.rating}`)} · ${day(a.ratingDate)}` : t("agencies.list.notRated")}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("agencies.public.staff")}</dt>
                    <dd className="tabular-nums text-slate-900" data-testid="public-staff">{t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}</dd>
                  </div>
                  <div className="sm:col-span-3">
                    <dt className="text-slate-500">{t("agencies.public.serviceAreas")}</dt>
                    <dd className="text-slate-900">{a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : t("agencies.profile.none")}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <ListPagination result={result} basePath="/public/agencies" params={publicAgencyParams(filter)} />
        </>
      )}
    </div>
  );
}
