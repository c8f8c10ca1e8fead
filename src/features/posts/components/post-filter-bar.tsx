import { getLocale, getTranslations } from "next-intl/server";
import type { postFilterOptions } from "@/server/posts/queries";
import type { TPostListFilter } from "@/domain/posts/list-filter";
import { POST_KINDS } from "@/domain/posts/enums";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { localName } from "@/i18n/local-name";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

/** The posts page's filters; status and "understaffed" only apply to the list view. */
export async function PostFilterBar({ filter, options }: { filter: TPostListFilter; options: Awaited<ReturnType<typeof postFilterOptions>> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <FilterBar basePath="/posts" className="grid-cols-2 lg:grid-cols-4">
      {filter.view !== "list" ? <input type="hidden" name="view" value={filter.view} /> : null}
      <FilterInput className="col-span-2" label={t("posts.search")} name="q" defaultValue={filter.q} placeholder={t("posts.searchPlaceholder")} />
      <FilterSelect label={t("posts.filters.kind")} name="kind" defaultValue={filter.kind}>
        <option value="">{t("common.all")}</option>
        {POST_KINDS.map((k) => (
          <option key={k} value={k}>{t(`enums.postKind.${k}`)}</option>
        ))}
      </FilterSelect>
      <FilterSelect label={t("posts.filters.field")} name="field" defaultValue={filter.field}>
        <option value="">{t("common.all")}</option>
        {PRACTICE_FIELDS.map((f) => (
          <option key={f} value={f}>{t(`enums.practiceField.${f}`)}</option>
        ))}
      </FilterSelect>
      <DistrictFilter label={t("posts.filters.district")} allLabel={t("common.all")} districts={options.districts} value={filter.district} locale={locale} />
      {options.organizations.length > 1 ? (
        <FilterSelect label={t("posts.filters.organization")} name="org" defaultValue={filter.org}>
          <option value="">{t("common.all")}</option>
          {options.organizations.map((o) => (
            <option key={o.id} value={o.id}>{localName(o, locale)}</option>
          ))}
        </FilterSelect>
      ) : null}
      {filter.view === "list" ? (
        <>
          <FilterSelect label={t("posts.filters.status")} name="status" defaultValue={filter.status}>
            <option value="open">{t("posts.filters.statusOpen")}</option>
            <option value="closed">{t("posts.filters.statusClosed")}</option>
          </FilterSelect>
          <div className="flex items-end pb-2">
            <label className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="understaffed" value="1" defaultChecked={filter.understaffed} className="h-4 w-4 rounded border-slate-300" />
              {t("posts.filters.understaffed")}
            </label>
          </div>
        </>
      ) : null}
    </FilterBar>
  );
}
