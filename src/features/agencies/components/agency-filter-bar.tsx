import { getLocale, getTranslations } from "next-intl/server";
import type { agencyDistrictOptions } from "@/server/agencies/queries";
import { AGENCY_LIST_SORTS, type TAgencyListFilter } from "@/domain/agencies/list-filter";
import { AGENCY_RATING_LEVELS, AGENCY_STATUSES } from "@/domain/agencies/enums";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

/** The officials' agency list filters and sort order. */
export async function AgencyFilterBar({ filter, districts }: { filter: TAgencyListFilter; districts: Awaited<ReturnType<typeof agencyDistrictOptions>> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const all = t("common.all");
  return (
    <FilterBar basePath="/agencies" className="grid-cols-2 lg:grid-cols-4">
      <FilterInput className="col-span-2" label={t("agencies.list.search")} name="q" defaultValue={filter.q} placeholder={t("agencies.list.searchPlaceholder")} hint={t("common.numberSearchHint")} />
      <DistrictFilter label={t("agencies.list.district")} allLabel={all} districts={districts} value={filter.district} locale={locale} />
      <FilterChoice label={t("agencies.list.status")} name="status" value={filter.status} allLabel={all} options={AGENCY_STATUSES.map((s) => ({ value: s, label: t(`enums.agencyStatus.${s}`) }))} />
      <FilterChoice
        label={t("agencies.list.rating")}
        name="rating"
        value={filter.rating}
        allLabel={all}
        options={[...AGENCY_RATING_LEVELS.map((r) => ({ value: r, label: t(`enums.agencyRatingLevel.${r}`) })), { value: "none", label: t("agencies.list.notRated") }]}
      />
      <FilterChoice label={t("agencies.list.flagged")} name="flagged" value={filter.flagged ? "1" : ""} allLabel={all} options={[{ value: "1", label: t("agencies.list.flaggedOnly") }]} />
      <FilterChoice label={t("agencies.list.ownership")} name="private" value={filter.privateOnly ? "1" : ""} allLabel={all} options={[{ value: "1", label: t("agencies.list.privateOnly") }]} />
      <FilterChoice label={t("agencies.list.sort")} name="sort" value={filter.sort} allLabel={null} options={AGENCY_LIST_SORTS.map((s) => ({ value: s, label: t(`agencies.list.sorts.${s}`) }))} />
      <FilterChoice
        label={t("agencies.list.dir")}
        name="dir"
        value={filter.dir}
        allLabel={null}
        options={[
          { value: "asc", label: t("agencies.list.asc") },
          { value: "desc", label: t("agencies.list.desc") },
        ]}
      />
    </FilterBar>
  );
}
