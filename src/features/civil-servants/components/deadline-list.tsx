import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPage } from "@/lib/pagination";
import type { TDeadlineListRow, TDeadlineSummaryView } from "@/server/civil-servants/queries";
import { DEADLINE_STATUSES } from "@/domain/civil-servants/rules";
import { CITY_LEVEL, deadlineListParams, type TDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterChoice } from "@/components/ui/filter-bar";
import { ListPagination } from "@/components/ui/list-pagination";
import { SectionCard } from "@/components/ui/section-card";
import { DeadlineStatusBadge } from "./deadline-status";

/** The people under the rule, overdue first, with filters by status, department and district. */
export async function DeadlineList({ filter, result, summary }: { filter: TDeadlineListFilter; result: TPage<TDeadlineListRow>; summary: TDeadlineSummaryView }) {
  const [t, te, locale, format] = await Promise.all([getTranslations("civilServants"), getTranslations("enums"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const params = deadlineListParams(filter);
  const filtered = !!filter.status || !!filter.department || !!filter.district;
  const departments = summary.byDepartment.map((g) => ({ value: g.department.id, label: localName(g.department, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  const districts = summary.byDistrict.map((g) => ({ value: g.district?.id ?? CITY_LEVEL, label: g.district ? localName(g.district, locale) : t("cityLevel") }));
  const days = (r: TDeadlineListRow) => {
    if (r.status === "DONE") return t("list.certifiedOn", { date: day(r.certifiedOn) });
    if (r.daysLeft < 0) return t("list.daysOverdue", { count: -r.daysLeft });
    return r.daysLeft === 0 ? t("list.dueToday") : t("list.daysLeft", { count: r.daysLeft });
  };
  return (
    <SectionCard id="people" title={t("list.title")}>
      <div className="space-y-4">
        <FilterBar basePath="/civil-servants" className="grid-cols-1 sm:grid-cols-3">
          <FilterChoice label={t("filters.status")} name="status" value={filter.status} allLabel={t("filters.allStatuses")} options={DEADLINE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          {departments.length > 1 || filter.department ? <FilterChoice label={t("filters.department")} name="department" value={filter.department} allLabel={t("filters.allDepartments")} options={departments} /> : null}
          {districts.length > 1 || filter.district ? <FilterChoice label={t("filters.district")} name="district" value={filter.district} allLabel={t("filters.allDistricts")} options={districts} /> : null}
        </FilterBar>
        <DataTable
          caption={t("list.title")}
          hover
          testId="deadline-list"
          empty={<EmptyState title={filtered ? t("list.emptyFiltered") : t("list.empty")}>{filtered ? t("list.emptyFilteredHint") : t("list.emptyHint")}</EmptyState>}
          columns={[
            { label: t("columns.person") },
            { label: t("columns.department") },
            { label: t("columns.district") },
            { label: t("columns.entryDate"), className: "whitespace-nowrap" },
            { label: t("columns.deadline"), className: "whitespace-nowrap" },
            { label: t("columns.days") },
            { label: t("columns.status") },
          ]}
          rows={result.items.map((r) => ({
            key: r.id,
            testId: "deadline-row",
            data: { "practitioner-id": r.id, name: r.name, status: r.status },
            cells: [
              <div key="p">
                <Link href={`/practitioners/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                <span className="block text-xs text-slate-500">{te(`employmentType.${r.employmentType}`)}</span>
              </div>,
              <div key="d">
                {localName(r.department, locale)}
                {r.employer ? <span className="block text-xs text-slate-500">{localName(r.employer, locale)}</span> : null}
              </div>,
              r.districtName ? localName(r.districtName, locale) : t("cityLevel"),
              day(r.entryDate),
              day(r.deadline),
              <span key="n" className="tabular-nums">{days(r)}</span>,
              <DeadlineStatusBadge key="s" status={r.status} late={r.late} />,
            ],
          }))}
        />
        {result.items.length ? <ListPagination result={result} basePath="/civil-servants" params={params} /> : null}
      </div>
    </SectionCard>
  );
}
