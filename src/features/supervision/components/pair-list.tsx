import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPage } from "@/lib/pagination";
import type { TPairRow } from "@/server/supervision/queries";
import { PAIR_STATES, pairListParams, type TPairListFilter } from "@/domain/supervision/list-filter";
import { dayFormatter } from "@/domain/common/day-format";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { localName, type TNamed } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterChoice } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";
import { ListPagination } from "@/components/ui/list-pagination";
import { SectionCard } from "@/components/ui/section-card";
import { EndPairButton } from "./end-pair-button";

const listUrl = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `/supervision?${qs}` : "/supervision";
};

/** The pairs in scope, filtered by state, the supervisee's district and the supervisor; ending a pair in the caller's manage scope. */
export async function PairList({ filter, result, options, manageable, manage }: { manage: boolean; filter: TPairListFilter; result: TPage<TPairRow>; options: { districts: (TNamed & { id: string })[]; supervisors: { id: string; name: string }[] }; manageable: ReadonlySet<string> }) {
  const [t, locale, format] = await Promise.all([getTranslations("supervision"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  const params = pairListParams(filter);
  const back = listUrl({ ...params, page: filter.page > 1 ? String(filter.page) : undefined });
  const filtered = filter.state !== "active" || !!filter.district || !!filter.supervisor;
  const org = (o: TNamed | null) => (o ? localName(o, locale) : "—");
  return (
    <SectionCard id="pairs" title={t("pairs.title")}>
      <div className="space-y-4">
        <FilterBar basePath="/supervision" className="grid-cols-1 sm:grid-cols-3">
          <FilterChoice label={t("filters.state")} name="state" value={filter.state} allLabel={null} options={PAIR_STATES.map((s) => ({ value: s, label: t(`filters.states.${s}`) }))} />
          <DistrictFilter label={t("filters.district")} allLabel={t("filters.allDistricts")} districts={options.districts} value={filter.district} locale={locale} />
          <FilterChoice label={t("filters.supervisor")} name="supervisor" value={filter.supervisor} allLabel={t("filters.allSupervisors")} options={options.supervisors.map((s) => ({ value: s.id, label: s.name }))} />
        </FilterBar>
        <DataTable
          caption={t("pairs.title")}
          hover
          testId="pair-list"
          empty={<EmptyState title={filtered ? t("pairs.emptyFiltered") : t("pairs.empty")}>{filtered ? t("pairs.emptyFilteredHint") : manage ? t("pairs.emptyHintManage") : t("pairs.emptyHint")}</EmptyState>}
          columns={[
            { label: t("columns.supervisee") },
            { label: t("columns.supervisor") },
            { label: t("columns.district") },
            { label: t("columns.period"), className: "whitespace-nowrap" },
            { label: t("columns.confirmedHours"), numeric: true },
            { label: t("columns.sessions") },
            { label: t("columns.actions"), srOnly: true, actions: true },
          ]}
          rows={result.items.map((p) => ({
            key: p.id,
            testId: "pair-row",
            data: { "pair-id": p.id, supervisor: p.supervisor.name, supervisee: p.supervisee.name, state: p.endDate ? "ended" : "active" },
            cells: [
              <div key="e">
                <Link href={`/practitioners/${p.supervisee.id}`} className="font-medium text-brand-700 hover:underline">{p.supervisee.name}</Link>
                <span className="block text-xs text-slate-500">{org(p.supervisee.organization)}</span>
              </div>,
              <div key="r">
                <span className="font-medium text-slate-900">{p.supervisor.name}</span>
                <span className="block text-xs text-slate-500">{org(p.supervisor.organization)}</span>
              </div>,
              p.district ? localName(p.district, locale) : "—",
              <div key="d">
                {p.endDate ? t("pairs.periodEnded", { start: day(p.startDate), end: day(p.endDate) }) : t("pairs.periodOpen", { start: day(p.startDate) })}
                <span className="block">{p.endDate ? <Badge>{t("pairs.ended")}</Badge> : <Badge tone="green">{t("pairs.active")}</Badge>}</span>
              </div>,
              hours(p.confirmedHalfHours),
              <span key="s" className="text-sm text-slate-700">{t("pairs.sessionFigures", { waiting: p.waiting, disputed: p.disputed })}</span>,
              !p.endDate && manageable.has(p.id) ? <EndPairButton key="x" pair={{ id: p.id, version: p.version, label: t("pairs.pairLabel", { supervisor: p.supervisor.name, supervisee: p.supervisee.name }), startDate: isoDay(p.startDate) }} today={todayInCityIso()} back={back} /> : null,
            ],
          }))}
        />
        {result.items.length ? <ListPagination result={result} basePath="/supervision" params={params} /> : null}
      </div>
    </SectionCard>
  );
}
