import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TPage } from "@/lib/pagination";
import type { TSittingRow } from "@/server/exams/select";
import { EXAM_LEVELS, EXAM_RESULTS } from "@/domain/exams/rules";
import { sittingListParams, type TSittingListFilter } from "@/domain/exams/list-filter";
import { localName, type TNamed } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";
import { ListPagination } from "@/components/ui/list-pagination";
import { SectionCard } from "@/components/ui/section-card";
import { DeleteSittingButton } from "./delete-sitting-button";

const listUrl = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `/exams?${qs}` : "/exams";
};

/** The sittings in scope, filtered by year, level, result, district and name; deleting those the caller may record. */
export async function SittingList({ filter, result, options, record }: { filter: TSittingListFilter; result: TPage<TSittingRow>; options: { districts: (TNamed & { id: string })[]; years: number[] }; record: boolean }) {
  const [t, tEnums, locale] = await Promise.all([getTranslations("exams"), getTranslations("enums.qualificationLevel"), getLocale()]);
  const params = sittingListParams(filter);
  const back = listUrl({ ...params, page: filter.page > 1 ? String(filter.page) : undefined });
  const filtered = Object.values(params).some(Boolean);
  const years = [...new Set([...(filter.year ? [filter.year] : []), ...options.years])].sort((a, b) => b - a);
  return (
    <SectionCard id="sittings" title={t("list.title")}>
      <div className="space-y-4">
        <FilterBar basePath="/exams" className="grid-cols-1 sm:grid-cols-3 lg:grid-cols-5">
          <FilterInput label={t("filters.q")} name="q" defaultValue={filter.q} />
          <FilterChoice label={t("filters.year")} name="year" value={filter.year ? String(filter.year) : ""} allLabel={t("filters.allYears")} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <FilterChoice label={t("filters.level")} name="level" value={filter.level ?? ""} allLabel={t("filters.allLevels")} options={EXAM_LEVELS.map((l) => ({ value: l, label: tEnums(l) }))} />
          <FilterChoice label={t("filters.result")} name="result" value={filter.result ?? ""} allLabel={t("filters.allResults")} options={EXAM_RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))} />
          {options.districts.length ? <DistrictFilter label={t("filters.district")} allLabel={t("filters.allDistricts")} districts={options.districts} value={filter.district} locale={locale} /> : null}
        </FilterBar>
        <DataTable
          caption={t("list.title")}
          hover
          testId="sitting-list"
          empty={<EmptyState title={filtered ? t("list.emptyFiltered") : t("list.empty")}>{filtered ? t("list.emptyFilteredHint") : record ? t("list.emptyHint") : t("list.emptyHintRead")}</EmptyState>}
          columns={[
            { label: t("columns.name") },
            { label: t("columns.year"), numeric: true },
            { label: t("columns.level") },
            { label: t("columns.result") },
            { label: t("columns.source") },
            ...(record ? [{ label: t("columns.actions"), srOnly: true, actions: true }] : []),
          ]}
          rows={result.items.map((s) => ({
            key: s.id,
            testId: "sitting-row",
            data: { name: s.practitioner.name, year: String(s.year), level: s.level, result: s.result },
            cells: [
              <div key="n">
                <Link href={`/practitioners/${s.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{s.practitioner.name}</Link>
                <span className="block text-xs text-slate-500">{localName(s.practitioner.organization, locale) || "—"}</span>
              </div>,
              s.year,
              tEnums(s.level),
              s.result === "PASSED" ? <Badge key="r" tone="green">{t("results.PASSED")}</Badge> : <Badge key="r">{t("results.FAILED")}</Badge>,
              t(`sources.${s.source}`),
              ...(record ? [<DeleteSittingButton key="x" sitting={{ id: s.id, name: s.practitioner.name, year: s.year, level: tEnums(s.level) }} back={back} />] : []),
            ],
          }))}
        />
        {result.items.length ? <ListPagination result={result} basePath="/exams" params={params} /> : null}
      </div>
    </SectionCard>
  );
}
