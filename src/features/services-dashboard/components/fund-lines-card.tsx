import { getLocale, getTranslations } from "next-intl/server";
import type { TYearLine } from "@/server/funds/queries";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { formatFen } from "@/lib/money";
import { LineNameCell } from "@/features/funds/components/line-name-cell";

/** The lines of this year's funds: budget, promised, paid and remaining, with the share used. */
export async function FundLinesCard({ lines, year }: { lines: TYearLine[]; year: number }) {
  const [t, tf, locale] = await Promise.all([getTranslations("servicesDashboard"), getTranslations("funds"), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const sum = (pick: (l: TYearLine) => bigint) => lines.reduce((a, l) => a + pick(l), 0n);
  const title = t("lines.title", { year });
  return (
    <SectionCard id="fund-lines" title={title}>
      <DataTable
        caption={title}
        testId="fund-lines"
        rowHeaders
        empty={<p className="text-sm text-slate-600">{t("lines.none", { year })}</p>}
        columns={[{ label: t("lines.line") }, { label: t("lines.kind") }, { label: t("lines.budget"), numeric: true }, { label: t("lines.promised"), numeric: true }, { label: t("lines.paid"), numeric: true }, { label: t("lines.remaining"), numeric: true }]}
        rows={lines.map((l) => ({
          key: l.id,
          testId: "fund-line",
          data: { kind: l.kind },
          cells: [
            <LineNameCell key="n" name={l.name} usedPercent={l.usedPercent} usedLabel={tf("used", { percent: l.usedPercent })} />,
            tf(`lineKind.${l.kind as "OTHER"}`),
            fen(l.amountFen),
            fen(l.outstandingFen),
            fen(l.spentFen),
            fen(l.availableFen),
          ],
        }))}
        total={lines.length > 1 ? [t("lines.total"), "", fen(sum((l) => l.amountFen)), fen(sum((l) => l.outstandingFen)), fen(sum((l) => l.spentFen)), fen(sum((l) => l.availableFen))] : undefined}
      />
    </SectionCard>
  );
}
