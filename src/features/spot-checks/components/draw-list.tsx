import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TDrawListRow } from "@/server/spot-checks/draws";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DataTable } from "@/components/ui/data-table";
import { Badge, EmptyState } from "@/components/ui/card";

/** The draws a reader sees: period, body, sample of the population, how many are checked. */
export async function DrawList({ rows, empty }: { rows: TDrawListRow[]; empty: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("spotChecks"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const moment = momentFormatter(format);
  return (
    <DataTable
      caption={t("listTitle")}
      testId="draw-list"
      rowHeaders
      hover
      empty={<EmptyState title={empty} />}
      columns={[{ label: t("columns.reference") }, { label: t("columns.period") }, { label: t("columns.body") }, { label: t("columns.sample"), numeric: true }, { label: t("columns.percent"), numeric: true }, { label: t("columns.progress") }, { label: t("columns.drawnAt") }]}
      rows={rows.map((r) => ({
        key: r.id,
        testId: "draw-row",
        data: { reference: r.reference },
        cells: [
          <Link key="r" href={`/spot-checks/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.reference}</Link>,
          t("period", { start: day(r.periodStart), end: day(r.periodEnd) }),
          localName(r.body, locale),
          t("sampleOf", { sample: r.sampleCount, population: r.populationCount }),
          `${r.percent}%`,
          <span key="p" className="flex flex-wrap items-center gap-1">
            {t("sampleOf", { sample: r.checked, population: r.sampleCount })}
            {r.failed > 0 ? <Badge tone="red">{t("failedCount", { count: r.failed })}</Badge> : null}
          </span>,
          moment(r.drawnAt),
        ],
      }))}
    />
  );
}
