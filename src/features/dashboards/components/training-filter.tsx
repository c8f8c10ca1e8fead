import { getLocale, getTranslations } from "next-intl/server";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { localName, type TNamed } from "@/i18n/local-name";
import { viewParam, type TTrainingDashboardFilter } from "@/domain/dashboards/training-filter";

type TOption = TNamed & { id: string };

/** The period (a year, or a range of days) and, for the city, the district or department viewed. */
export async function TrainingFilter({ filter, years, districts, departments }: { filter: TTrainingDashboardFilter; years: number[]; districts: TOption[]; departments: TOption[] }) {
  const [t, locale] = await Promise.all([getTranslations("trainingDashboard.filter"), getLocale()]);
  const choose = districts.length > 0 || departments.length > 0;
  return (
    <FilterBar basePath="/dashboard/training" className={choose ? "sm:grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-3"} open={filter.rangeInvalid}>
      <FilterSelect label={t("year")} name="year" defaultValue={String(filter.year)}>
        {years.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </FilterSelect>
      <FilterInput label={t("from")} name="from" type="date" defaultValue={filter.from ?? filter.typed.from} hint={t("rangeHint")} error={filter.rangeInvalid ? t("rangeInvalid") : null} />
      <FilterInput label={t("to")} name="to" type="date" defaultValue={filter.to ?? filter.typed.to} />
      {choose ? (
        <FilterSelect label={t("view")} name="view" defaultValue={viewParam(filter.view) ?? ""}>
          <option value="">{t("wholeCity")}</option>
          <optgroup label={t("districts")}>
            {districts.map((d) => (
              <option key={d.id} value={`district:${d.id}`}>{localName(d, locale)}</option>
            ))}
          </optgroup>
          <optgroup label={t("departments")}>
            {departments.map((d) => (
              <option key={d.id} value={`department:${d.id}`}>{localName(d, locale)}</option>
            ))}
          </optgroup>
        </FilterSelect>
      ) : null}
    </FilterBar>
  );
}
