import { getLocale, getTranslations } from "next-intl/server";
import type { contractFilterOptions } from "@/server/contracts/queries";
import type { TContractListFilter } from "@/domain/contracts/list-filter";
import { CONTRACT_STATUSES, SERVICE_PROJECT_TYPES } from "@/domain/contracts/enums";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

/** The contracts list's filters: search, project type, status, district (city and departments), shortfalls only. */
export async function ContractFilterBar({ filter, options }: { filter: TContractListFilter; options: Awaited<ReturnType<typeof contractFilterOptions>> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <FilterBar basePath="/contracts" className="grid-cols-2 lg:grid-cols-4">
      <FilterInput className="col-span-2" label={t("contracts.search")} name="q" defaultValue={filter.q} placeholder={t("contracts.searchPlaceholder")} />
      <FilterSelect label={t("contracts.filters.type")} name="type" defaultValue={filter.type}>
        <option value="">{t("common.all")}</option>
        {SERVICE_PROJECT_TYPES.map((k) => (
          <option key={k} value={k}>{t(`contracts.types.${k}`)}</option>
        ))}
      </FilterSelect>
      <FilterSelect label={t("contracts.filters.status")} name="status" defaultValue={filter.status}>
        <option value="">{t("common.all")}</option>
        {CONTRACT_STATUSES.map((k) => (
          <option key={k} value={k}>{t(`contracts.statuses.${k}`)}</option>
        ))}
      </FilterSelect>
      <DistrictFilter label={t("contracts.filters.district")} allLabel={t("common.all")} districts={options.districts} value={filter.district} locale={locale} />
      <div className="flex items-end pb-2">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="shortfall" value="1" defaultChecked={filter.shortfall} className="h-4 w-4 rounded border-slate-300" />
          {t("contracts.filters.shortfall")}
        </label>
      </div>
    </FilterBar>
  );
}
