import { getLocale, getTranslations } from "next-intl/server";
import type { registerFilterOptions } from "@/server/practitioners/queries";
import { REGISTRATION_FILTERS, type TListFilter } from "@/domain/practitioners/list-filter";
import { ENTRY_PATHS, LIST_SORTS, PRACTICE_FIELDS, PRACTITIONER_STATUSES, QUALIFICATION_LEVELS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { localName } from "@/i18n/local-name";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

/** The register's filters and sort order (the state lives in the URL, so a filtered view can be shared). */
export async function RegisterFilterBar({ filter, options }: { filter: TListFilter; options: Awaited<ReturnType<typeof registerFilterOptions>> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const all = t("common.all");
  return (
    <FilterBar basePath="/practitioners" className="grid-cols-2 lg:grid-cols-4" open={filter.regEndsInvalid !== null}>
      <FilterInput className="col-span-2" label={t("practitioners.search")} name="q" defaultValue={filter.q} placeholder={t("practitioners.searchPlaceholder")} hint={t("common.numberSearchHint")} />
      <DistrictFilter label={t("practitioners.filters.district")} allLabel={all} districts={options.districts} value={filter.district} locale={locale} />
      {options.employers.length > 1 ? (
        <FilterChoice label={t("practitioners.filters.employer")} name="employer" value={filter.employer} allLabel={all} options={options.employers.map((o) => ({ value: o.id, label: localName(o, locale) }))} />
      ) : null}
      <FilterChoice
        label={t("practitioners.filters.counts")}
        name="counts"
        value={filter.counts}
        allLabel={all}
        options={[
          { value: "yes", label: t("practitioners.counts.yes") },
          { value: "no", label: t("practitioners.counts.no") },
        ]}
      />
      <FilterChoice label={t("practitioners.filters.level")} name="level" value={filter.level} allLabel={all} options={QUALIFICATION_LEVELS.map((v) => ({ value: v, label: t(`enums.qualificationLevel.${v}`) }))} />
      <FilterChoice label={t("practitioners.filters.entryPath")} name="entryPath" value={filter.entryPath} allLabel={all} options={ENTRY_PATHS.map((v) => ({ value: v, label: t(`enums.entryPath.${v}`) }))} />
      <FilterChoice label={t("practitioners.filters.status")} name="status" value={filter.status} allLabel={all} options={PRACTITIONER_STATUSES.map((v) => ({ value: v, label: t(`enums.practitionerStatus.${v}`) }))} />
      <FilterChoice label={t("practitioners.filters.field")} name="field" value={filter.field} allLabel={all} options={PRACTICE_FIELDS.map((v) => ({ value: v, label: t(`enums.practiceField.${v}`) }))} />
      <FilterChoice label={t("practitioners.filters.group")} name="group" value={filter.group} allLabel={all} options={TARGET_GROUPS.map((v) => ({ value: v, label: t(`enums.targetGroup.${v}`) }))} />
      <FilterChoice
        label={t("practitioners.filters.registration")}
        name="registration"
        value={filter.registration}
        allLabel={all}
        options={REGISTRATION_FILTERS.map((v) => ({ value: v, label: t(`practitioners.registrationFilter.${v}`) }))}
      />
      <FilterInput
        label={t("practitioners.filters.regEnds")}
        name="regEnds"
        type="number"
        min={1}
        max={3650}
        inputMode="numeric"
        defaultValue={filter.regEnds ?? filter.regEndsInvalid ?? ""}
        placeholder={t("practitioners.filters.regEndsPlaceholder")}
        error={filter.regEndsInvalid !== null ? t("practitioners.filters.regEndsInvalid", { value: filter.regEndsInvalid }) : null}
      />
      <FilterChoice label={t("practitioners.filters.sort")} name="sort" value={filter.sort} allLabel={null} options={LIST_SORTS.map((v) => ({ value: v, label: t(`practitioners.sorts.${v}`) }))} />
      <FilterChoice
        label={t("practitioners.filters.dir")}
        name="dir"
        value={filter.dir}
        allLabel={null}
        options={[
          { value: "asc", label: t("practitioners.filters.asc") },
          { value: "desc", label: t("practitioners.filters.desc") },
        ]}
      />
    </FilterBar>
  );
}
