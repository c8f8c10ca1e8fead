import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { associationSummary, listMembers } from "@/server/association/queries";
import { memberListParams, parseMemberListFilter } from "@/domain/association/schemas";
import { MEMBERSHIP_STATUSES } from "@/domain/association/enums";
import { MemberStatusButton } from "@/features/association/components/member-status-button";
import { localName } from "@/i18n/local-name";
import { todayInCity } from "@/domain/common/calendar-day";
import { Badge, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("association");
  return { title: t("title") };
}

const STATUS_TONE = { ACTIVE: "green", SUSPENDED: "amber", ENDED: "slate" } as const;

function Kpi({ label, value, note, testId }: { label: string; value: string; note?: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-brand-800" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

export default async function AssociationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("association.read");
  const sp = await searchParams;
  const filter = parseMemberListFilter(sp);
  const [t, locale, format, summary, result] = await Promise.all([getTranslations(), getLocale(), getFormatter(), associationSummary(user), listMembers(user, filter)]);
  const manage = can(user, "association.manage");
  const params = memberListParams(filter);
  const listUrl = (p: Record<string, string | undefined>) => {
    const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1])).toString();
    return `/association${qs ? `?${qs}` : ""}`;
  };
  const back = listUrl({ ...params, page: filter.page > 1 ? String(filter.page) : undefined });
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const today = iso(todayInCity());
  const isAgencies = filter.tab === "agencies";
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const added = one("added");
  const changed = one("changed");
  const changedTo = one("to");
  const scopeName = user.regionName ? localName(user.regionName, locale) : t("home.wholeCity");
  const tabs = [
    { key: "agencies", label: t("association.tabs.agencies"), count: summary.activeAgencies },
    { key: "practitioners", label: t("association.tabs.practitioners"), count: summary.activePractitioners },
  ] as const;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("association.title")}
        description={t("association.description", { scope: scopeName })}
        actions={
          manage ? (
            <Link href={`/association/new?type=${isAgencies ? "AGENCY" : "PRACTITIONER"}`} className={`${buttonClass("primary")} whitespace-nowrap`}>
              {isAgencies ? t("association.addAgency") : t("association.addPractitioner")}
            </Link>
          ) : null
        }
      />
      {added ? <Notice tone="success">{t("association.notices.added", { number: added })}</Notice> : null}
      {changed && ["ACTIVE", "SUSPENDED", "ENDED"].includes(changedTo) ? (
        <Notice tone="success">{t("association.notices.changed", { number: changed, status: t(`enums.membershipStatus.${changedTo}`) })}</Notice>
      ) : null}

      <dl className="grid gap-4 sm:grid-cols-3">
        <Kpi testId="kpi-member-agencies" label={t("association.kpi.agencies")} value={format.number(summary.activeAgencies)} note={t("association.kpi.activeNote")} />
        <Kpi testId="kpi-member-practitioners" label={t("association.kpi.practitioners")} value={format.number(summary.activePractitioners)} note={t("association.kpi.activeNote")} />
        <Kpi testId="kpi-member-joined" label={t("association.kpi.joinedThisYear", { year: summary.year })} value={format.number(summary.joinedThisYear)} note={t("association.kpi.joinedNote")} />
      </dl>

      <nav aria-label={t("association.tabs.label")} className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const current = tab.key === filter.tab;
          return (
            <Link
              key={tab.key}
              href={listUrl({ tab: tab.key })}
              aria-current={current ? "page" : undefined}
              className={cn("-mb-px rounded-t-md border px-4 py-2 text-sm font-medium", current ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {tab.label} <span className="tabular-nums text-slate-500">({format.number(tab.count)})</span>
            </Link>
          );
        })}
      </nav>

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

        {result.items.length === 0 ? (
          <EmptyState title={isAgencies ? t("association.emptyAgencies") : t("association.emptyPractitioners")}>
            {filter.q || filter.status ? t("common.tryOtherFilters") : manage ? t("association.emptyHintManage") : null}
          </EmptyState>
        ) : (
          <>
            <Table caption={isAgencies ? t("association.tabs.agencies") : t("association.tabs.practitioners")}>
              <thead>
                <tr>
                  <Th>{t("association.fields.memberNumber")}</Th>
                  <Th>{t("association.fields.name")}</Th>
                  <Th>{isAgencies ? t("association.fields.district") : t("association.fields.employer")}</Th>
                  <Th>{t("association.fields.joinedOn")}</Th>
                  <Th>{t("association.fields.status")}</Th>
                  <Th>{t("association.fields.endedOn")}</Th>
                  {manage ? <Th>{t("association.fields.actions")}</Th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((m) => {
                  const name = localName(m.name, locale);
                  const ref = { id: m.id, version: m.version, number: m.memberNumber, name, joinedOn: iso(m.joinedOn) };
                  return (
                    <tr key={m.id} className="hover:bg-slate-50" data-testid={`member-${m.memberNumber}`}>
                      <Td className="whitespace-nowrap font-mono text-xs">{m.memberNumber}</Td>
                      <Td>
                        {m.practitionerId ? (
                          <Link href={`/practitioners/${m.practitionerId}`} className="font-medium text-brand-700 hover:underline">{name}</Link>
                        ) : (
                          <span className="font-medium">{name}</span>
                        )}
                        {m.note ? <span className="block text-xs text-slate-500">{m.note}</span> : null}
                      </Td>
                      <Td className="text-slate-700">
                        {isAgencies ? (m.district ? localName(m.district, locale) : "—") : m.employer ? localName(m.employer, locale) : "—"}
                        {!isAgencies && m.district ? <span className="block text-xs text-slate-500">{localName(m.district, locale)}</span> : null}
                      </Td>
                      <Td className="whitespace-nowrap">{day(m.joinedOn)}</Td>
                      <Td><Badge tone={STATUS_TONE[m.status]}>{t(`enums.membershipStatus.${m.status}`)}</Badge></Td>
                      <Td className="whitespace-nowrap">{day(m.endedOn)}</Td>
                      {manage ? (
                        <Td>
                          {m.status === "ENDED" ? (
                            <span className="text-slate-400">—</span>
                          ) : (
                            <div className="flex gap-2 whitespace-nowrap">
                              {m.status === "ACTIVE" ? (
                                <MemberStatusButton key="SUSPEND" member={ref} change="SUSPEND" today={today} back={back} />
                              ) : (
                                <MemberStatusButton key="REINSTATE" member={ref} change="REINSTATE" today={today} back={back} />
                              )}
                              <MemberStatusButton key="END" member={ref} change="END" today={today} back={back} />
                            </div>
                          )}
                        </Td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <ListPagination result={result} basePath="/association" params={params} />
          </>
        )}
      </div>
    </div>
  );
}
