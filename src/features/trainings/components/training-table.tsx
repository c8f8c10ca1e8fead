import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listTrainings } from "@/server/trainings/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { hoursOf } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { TrainingStatusBadge } from "./training-status-badge";

type TRows = Awaited<ReturnType<typeof listTrainings>>["items"];

/** The catalogue: programme, provider, dates, hours, places (taken of capacity, waiting) and status. */
export async function TrainingTable({ rows, caption }: { rows: TRows; caption: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("trainings"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <DataTable
      caption={caption}
      rowHeaders
      hover
      empty={<EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>}
      columns={[
        { label: t("list.programme") },
        { label: t("list.provider") },
        { label: t("list.dates") },
        { label: t("list.hours"), numeric: true },
        { label: t("list.subsidy"), numeric: true },
        { label: t("list.places"), numeric: true },
        { label: t("list.status") },
      ]}
      rows={rows.map((r) => ({
        key: r.id,
        testId: "training-row",
        data: { reference: r.reference },
        cells: [
          <span key="t" className="block min-w-48">
            <Link href={`/trainings/${r.id}`} className="text-brand-800 hover:underline">{r.title}</Link>
            <span className="mt-0.5 block text-xs font-normal text-slate-500">
              <span className="font-mono">{r.reference}</span> · {t(`kinds.${r.kind}`)}
            </span>
          </span>,
          localName(r.provider, locale),
          <span key="d" className="whitespace-nowrap">{day(r.startDate) === day(r.endDate) ? day(r.startDate) : `${day(r.startDate)} – ${day(r.endDate)}`}</span>,
          t("list.hoursValue", { hours: hoursOf(r.lengthHalfHours), cpd: hoursOf(r.cpdHalfHours) }),
          r.subsidyFen > 0 ? formatFen(r.subsidyFen, locale) : "—",
          <span key="p" className="whitespace-nowrap" data-testid="training-places">
            {t("list.placesValue", { taken: r.taken, capacity: r.capacity })}
            {r.waitlisted ? <span className="block text-xs text-amber-800">{t("list.waiting", { n: r.waitlisted })}</span> : null}
          </span>,
          <TrainingStatusBadge key="s" status={r.status} />,
        ],
      }))}
    />
  );
}
