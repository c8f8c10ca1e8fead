import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listContracts } from "@/server/contracts/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { formatFen } from "@/lib/money";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { CONTRACT_TONE } from "./status";

/** The contracts list: one row a contract, with its milestones, payments and today's staffing check. */
export async function ContractListTable({ result, params }: { result: Awaited<ReturnType<typeof listContracts>>; params: Record<string, string> }) {
  const narrowed = Object.keys(params).length > 0;
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <>
      <DataTable
        caption={t("contracts.title")}
        hover
        empty={
          narrowed ? (
            <EmptyState title={t("contracts.empty")}>
              <p>{t("common.tryOtherFilters")}</p>
              <Link href="/contracts" className="mt-2 inline-block font-medium text-brand-700 hover:underline">{t("contracts.clearFilters")}</Link>
            </EmptyState>
          ) : (
            <EmptyState title={t("contracts.emptyScope")}>{t("contracts.emptyScopeHint")}</EmptyState>
          )
        }
        columns={[
          { label: t("contracts.columns.reference"), className: "whitespace-nowrap" },
          { label: t("contracts.columns.project"), className: "min-w-40" },
          { label: t("contracts.columns.agency"), className: "min-w-32 text-slate-700" },
          { label: t("contracts.columns.department"), className: "min-w-28 text-slate-700" },
          { label: t("contracts.columns.term"), className: "whitespace-nowrap" },
          { label: t("contracts.columns.value"), numeric: true },
          { label: t("contracts.columns.paid"), numeric: true },
          { label: t("contracts.columns.milestones") },
          { label: t("contracts.columns.status"), className: "whitespace-nowrap" },
        ]}
        rows={result.items.map((c) => ({
          key: c.id,
          testId: "contract-row",
          data: { reference: c.reference },
          cells: [
            <Link key="r" href={`/contracts/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.reference}</Link>,
            <>
              {c.title}
              <span className="block text-xs text-slate-500">{`${c.district ? localName(c.district, locale) : t("contracts.cityLevel")} · ${t(`contracts.types.${c.type}`)}`}</span>
            </>,
            localName(c.organization, locale),
            c.department ? localName(c.department, locale) : t("contracts.cityCommissioned"),
            <>
              {day(c.termStart)}
              <span className="block text-xs text-slate-500">{day(c.termEnd)}</span>
            </>,
            formatFen(c.valueFen, locale),
            formatFen(c.paidFen, locale),
            <>
              {t("contracts.milestonesOf", { accepted: c.milestonesAccepted, total: c.milestonesTotal })}
              {c.milestonesLate ? <span className="mt-1 block"><Badge tone="red">{t("contracts.lateCount", { count: c.milestonesLate })}</Badge></span> : null}
            </>,
            <span key="s" className="flex flex-col items-start gap-1">
              <Badge tone={CONTRACT_TONE[c.status]}>{t(`contracts.statuses.${c.status}`)}</Badge>
              {c.shortfall ? <Badge tone="red">{t("contracts.shortfallBadge")}</Badge> : null}
            </span>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/contracts" params={params} /> : null}
    </>
  );
}
