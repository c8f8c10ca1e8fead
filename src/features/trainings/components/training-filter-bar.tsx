import { getLocale, getTranslations } from "next-intl/server";
import type { TNamed } from "@/i18n/local-name";
import { localName } from "@/i18n/local-name";
import type { TTrainingListFilter } from "@/domain/trainings/list-filter";
import { TRAINING_KINDS } from "@/domain/trainings/enums";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";

/** The catalogue's filters: kind, provider, month, open places only. */
export async function TrainingFilterBar({ filter, providers }: { filter: TTrainingListFilter; providers: (TNamed & { id: string })[] }) {
  const [t, tc, locale] = await Promise.all([getTranslations("trainings"), getTranslations("common"), getLocale()]);
  return (
    <FilterBar basePath="/trainings" className="sm:grid-cols-2 lg:grid-cols-4">
      <FilterChoice label={t("filters.kind")} name="kind" value={filter.kind ?? undefined} allLabel={tc("all")} options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      {providers.length > 1 ? (
        <FilterChoice label={t("filters.provider")} name="provider" value={filter.providerId ?? undefined} allLabel={tc("all")} options={providers.map((p) => ({ value: p.id, label: localName(p, locale) }))} />
      ) : null}
      <FilterInput label={t("filters.month")} name="month" type="month" defaultValue={filter.month ?? ""} hint={t("filters.monthHint")} />
      <div className="flex items-end pb-2">
        <div className="flex items-center gap-2">
          <input id="open" name="open" type="checkbox" value="1" defaultChecked={filter.open} className="h-4 w-4 rounded border-slate-300" />
          <label htmlFor="open" className="text-sm text-slate-700">{t("filters.open")}</label>
        </div>
      </div>
    </FilterBar>
  );
}
