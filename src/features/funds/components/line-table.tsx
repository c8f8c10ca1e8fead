import { getLocale, getTranslations } from "next-intl/server";
import type { TLineSummary } from "@/server/funds/queries";
import { formatFen, fenToYuanInput } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";
import { LineAmountForm } from "./forms";
import { LineNameCell } from "./line-name-cell";

/** A fund's budget lines: budget, promised, paid, available and how much is used; the city may change an amount. */
export async function LineTable({ caption, lines, manage }: { caption: string; lines: TLineSummary[]; manage: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("funds"), getLocale()]);
  const money = (fen: bigint) => formatFen(fen, locale);
  return (
    <DataTable
      caption={caption}
      rowHeaders
      columns={[
        { label: t("line") },
        { label: t("kind") },
        { label: t("budget"), numeric: true },
        { label: t("committed"), numeric: true },
        { label: t("spent"), numeric: true },
        { label: t("available"), numeric: true },
        ...(manage ? [{ label: t("setAmount"), srOnly: true, actions: true }] : []),
      ]}
      rows={lines.map((l) => ({
        key: l.id,
        testId: "budget-line",
        data: { "line-id": l.id },
        cells: [
          <LineNameCell key="n" name={l.name} usedPercent={l.usedPercent} usedLabel={t("used", { percent: l.usedPercent })} />,
          t(`lineKind.${l.kind as "TRAINING_SUBSIDY"}`),
          money(l.amountFen),
          money(l.outstandingFen),
          money(l.spentFen),
          <span key="a" className="font-medium" data-testid="line-available">{money(l.availableFen)}</span>,
          ...(manage ? [<LineAmountForm key="f" lineId={l.id} version={l.version} amount={fenToYuanInput(l.amountFen)} label={`${t("setAmount")} · ${l.name}`} />] : []),
        ],
      }))}
    />
  );
}
