import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listAgencies } from "@/server/agencies/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { AgencyStatusBadge } from "./agency-status-badge";
import { IntegrityFlags } from "./integrity-flags";

/** A page of the officials' agency list: status, rating, flags, ownership, staff and membership. */
export async function AgencyListTable({ result, params }: { result: Awaited<ReturnType<typeof listAgencies>>; params: Record<string, string | undefined> }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <>
      <DataTable
        caption={t("agencies.title")}
        hover
        empty={<EmptyState title={t("agencies.list.empty")}>{t("common.tryOtherFilters")}</EmptyState>}
        columns={[
          { label: t("agencies.list.columns.name") },
          { label: t("agencies.list.columns.district"), className: "text-slate-700" },
          { label: t("agencies.list.columns.status"), className: "whitespace-nowrap" },
          { label: t("agencies.list.columns.rating"), className: "whitespace-nowrap" },
          { label: t("agencies.list.columns.flags") },
          { label: t("agencies.list.columns.ownership"), className: "whitespace-nowrap" },
          { label: t("agencies.list.columns.staff"), hint: t("agencies.staff.hint"), className: "whitespace-nowrap tabular-nums" },
          { label: t("agencies.list.columns.member"), className: "whitespace-nowrap" },
        ]}
        rows={result.items.map((a) => ({
          key: a.id,
          testId: "agency-row",
          cells: [
            <>
              <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">{localName(a, locale)}</Link>
              {a.creditCode ? <span className="block font-mono text-xs text-slate-500">{a.creditCode}</span> : null}
            </>,
            a.district ? localName(a.district, locale) : "—",
            <>
              <AgencyStatusBadge status={a.agencyStatus} />
              {a.agencyStatusSince ? <span className="block text-xs text-slate-500">{t("agencies.since", { date: day(a.agencyStatusSince) })}</span> : null}
            </>,
            a.rating ? (
              <>
                <span className="font-medium">{t(`enums.agencyRatingLevel.${a.rating}`)}</span>
                <span className="block text-xs text-slate-500">{day(a.ratingDate)}</span>
              </>
            ) : (
              <span className="text-slate-500">{t("agencies.list.notRated")}</span>
            ),
            <IntegrityFlags key="flags" flags={a.flags} empty={<span className="text-slate-400">—</span>} />,
            a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public"),
            t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total }),
            a.isMember ? <Badge tone="blue">{t("agencies.member.yes")}</Badge> : <span className="text-slate-500">{t("agencies.member.no")}</span>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/agencies" params={params} /> : null}
    </>
  );
}
