import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listCalls } from "@/server/service-calls/queries";
import { momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { CallStatusBadge } from "./status-badge";

type TRows = Awaited<ReturnType<typeof listCalls>>["items"];

/** The calls: title and reference, commissioning department, district, budget, deadline, proposals, status. */
export async function CallTable({ rows, caption }: { rows: TRows; caption: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("serviceCalls"), getLocale(), getFormatter()]);
  const moment = momentFormatter(format);
  return (
    <DataTable
      caption={caption}
      rowHeaders
      hover
      empty={<EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>}
      columns={[
        { label: t("list.call") },
        { label: t("list.department") },
        { label: t("list.district") },
        { label: t("list.budget"), numeric: true },
        { label: t("list.deadline") },
        { label: t("list.proposals"), numeric: true },
        { label: t("list.status") },
      ]}
      rows={rows.map((r) => ({
        key: r.id,
        testId: "call-row",
        data: { reference: r.reference },
        cells: [
          <span key="t" className="block min-w-48">
            <Link href={`/service-calls/${r.id}`} className="text-brand-800 hover:underline">{r.title}</Link>
            <span className="mt-0.5 block text-xs font-normal text-slate-500">
              <span className="font-mono">{r.reference}</span> · {t(`types.${r.type}`)}
            </span>
          </span>,
          r.department ? localName(r.department, locale) : t("form.cityItself"),
          localName(r.region, locale),
          formatFen(r.budgetFen, locale),
          <span key="d" className="whitespace-nowrap">{moment(r.deadline)}</span>,
          r.proposals,
          <CallStatusBadge key="s" status={r.status} />,
        ],
      }))}
    />
  );
}
