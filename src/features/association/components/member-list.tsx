import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listMembers, TAssociationSummary, TMemberRow } from "@/server/association/queries";
import { MEMBERSHIP_STATUSES } from "@/domain/association/enums";
import { memberListParams, type TMemberListFilter } from "@/domain/association/schemas";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { ListPagination } from "@/components/ui/list-pagination";
import { TabNav } from "@/components/ui/tab-nav";
import { MemberStatusButton } from "./member-status-button";
import { STATUS_TONE } from "@/components/ui/status-tone";


/** /association with these params (empty ones left out). */
function listUrl(p: Record<string, string | undefined>) {
  const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1])).toString();
  return `/association${qs ? `?${qs}` : ""}`;
}

/** The member agencies or practitioners: tabs with their counts, a filter bar, the table and its pager. */
export async function MemberList({ filter, summary, result, manage }: { filter: TMemberListFilter; summary: TAssociationSummary; result: Awaited<ReturnType<typeof listMembers>>; manage: boolean }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const params = memberListParams(filter);
  const isAgencies = filter.tab === "agencies";
  // A status change comes back to the same page of the same list.
  const back = listUrl({ ...params, page: filter.page > 1 ? String(filter.page) : undefined });
  const today = todayInCityIso();
  // Each tab counts what its list holds without a filter (every status), so "(7)" sits above "1–7 of 7".
  const tabs = [
    { key: "agencies", label: t("association.tabs.agencies"), count: summary.agencyMemberships },
    { key: "practitioners", label: t("association.tabs.practitioners"), count: summary.practitionerMemberships },
  ] as const;
  const actions = (m: TMemberRow) => {
    if (m.status === "ENDED") return <span className="text-slate-400">—</span>;
    const ref = { id: m.id, version: m.version, number: m.memberNumber, name: localName(m.name, locale), joinedOn: isoDay(m.joinedOn) };
    return (
      <div className="flex gap-2 whitespace-nowrap">
        {m.status === "ACTIVE" ? (
          <MemberStatusButton key="SUSPEND" member={ref} change="SUSPEND" today={today} back={back} />
        ) : (
          <MemberStatusButton key="REINSTATE" member={ref} change="REINSTATE" today={today} back={back} />
        )}
        <MemberStatusButton key="END" member={ref} change="END" today={today} back={back} />
      </div>
    );
  };
  return (
    <>
      <TabNav
        label={t("association.tabs.label")}
        tabs={tabs.map((tab) => ({
          key: tab.key,
          href: listUrl({ tab: tab.key }),
          current: tab.key === filter.tab,
          label: (
            <>
              {t("common.parenthetical", { text: tab.label, note: format.number(tab.count) })}
            </>
          ),
        }))}
      />
      <div>
        <FilterBar basePath={listUrl({ tab: filter.tab })} className="grid-cols-1 sm:grid-cols-3">
          <input type="hidden" name="tab" value={filter.tab} />
          <FilterInput className="sm:col-span-2" label={t("association.search")} name="q" defaultValue={filter.q} placeholder={isAgencies ? t("association.searchAgencyPlaceholder") : t("association.searchPractitionerPlaceholder")} />
          <FilterSelect label={t("association.fields.status")} name="status" defaultValue={filter.status}>
            <option value="">{t("common.all")}</option>
            {MEMBERSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`enums.membershipStatus.${s}`)}</option>
            ))}
          </FilterSelect>
        </FilterBar>
        <DataTable
          caption={isAgencies ? t("association.tabs.agencies") : t("association.tabs.practitioners")}
          hover
          empty={
            <EmptyState title={isAgencies ? t("association.emptyAgencies") : t("association.emptyPractitioners")}>
              {filter.q || filter.status ? t("common.tryOtherFilters") : manage ? t("association.emptyHintManage") : null}
            </EmptyState>
          }
          columns={[
            { label: t("association.fields.memberNumber"), className: "whitespace-nowrap font-mono text-xs" },
            { label: t("association.fields.name") },
            { label: isAgencies ? t("association.fields.district") : t("association.fields.employer"), className: "text-slate-700" },
            { label: t("association.fields.joinedOn"), className: "whitespace-nowrap" },
            { label: t("association.fields.status") },
            { label: t("association.fields.endedOn"), className: "whitespace-nowrap" },
            ...(manage ? [{ label: t("association.fields.actions"), actions: true }] : []),
          ]}
          rows={result.items.map((m) => ({
            key: m.id,
            testId: `member-${m.memberNumber}`,
            cells: [
              m.memberNumber,
              <>
                {m.practitionerId ? (
                  <Link href={`/practitioners/${m.practitionerId}`} className="font-medium text-brand-700 hover:underline">{localName(m.name, locale)}</Link>
                ) : (
                  <span className="font-medium">{localName(m.name, locale)}</span>
                )}
                {m.note ? <span className="block text-xs text-slate-500">{m.note}</span> : null}
              </>,
              <>
                {isAgencies ? (m.district ? localName(m.district, locale) : "—") : m.employer ? localName(m.employer, locale) : "—"}
                {!isAgencies && m.district ? <span className="block text-xs text-slate-500">{localName(m.district, locale)}</span> : null}
              </>,
              day(m.joinedOn),
              <Badge key="status" tone={STATUS_TONE.membership[m.status]}>{t(`enums.membershipStatus.${m.status}`)}</Badge>,
              day(m.endedOn),
              ...(manage ? [actions(m)] : []),
            ],
          }))}
        />
        {result.items.length ? <ListPagination result={result} basePath="/association" params={params} /> : null}
      </div>
    </>
  );
}
