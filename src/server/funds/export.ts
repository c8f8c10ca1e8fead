import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { ExportRefused, xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { localName } from "@/i18n/local-name";
import { getFund, getFundBreakdown } from "./queries";

type TRow = { dimension: string; item: string; contracts?: number; budget?: bigint; promised: bigint; paid: bigint; remaining?: bigint };

/** Yuan for a spreadsheet cell (figures stay numbers there, as in the other exports). */
const yuan = (fen: bigint | undefined) => (fen === undefined ? "" : Number(fen) / 100);

/**
 * One fund as Excel: its lines (budget, promised, paid, remaining), then its contracts' money by
 * district, project type and month, as on the fund's page; audited with the fund's id.
 */
export async function exportFund(fundId: string): Promise<TXlsxExport> {
  const actor = await authorize("funds.read");
  const [t, tc, locale] = await Promise.all([getTranslations("funds"), getTranslations("common"), getLocale()]);
  const [fund, b] = await Promise.all([getFund(fundId, 1), getFundBreakdown(fundId)]);
  if (!fund || !b) throw new ExportRefused(t("errors.fundNotFound"));
  const rows: TRow[] = [
    ...fund.lines.map((l) => ({ dimension: t("breakdown.byLine"), item: tc("parenthetical", { text: l.name, note: t(`lineKind.${l.kind as "OTHER"}`) }), budget: l.amountFen, promised: l.outstandingFen, paid: l.spentFen, remaining: l.availableFen })),
    ...b.money.district.map((r) => ({ dimension: t("breakdown.byDistrict"), item: r.key ? localName(b.names.get(r.key), locale) || r.key : t("breakdown.cityWide"), contracts: r.contracts, promised: r.promisedFen, paid: r.paidFen })),
    ...b.money.type.map((r) => ({ dimension: t("breakdown.byType"), item: r.key ? t(`projectType.${r.key as "OTHER"}`) : "", contracts: r.contracts, promised: r.promisedFen, paid: r.paidFen })),
    ...b.money.month.map((r) => ({ dimension: t("breakdown.byMonth"), item: r.key ?? "", contracts: r.contracts, promised: r.promisedFen, paid: r.paidFen })),
  ];
  const columns: TExportColumn<TRow>[] = [
    { header: t("breakdown.dimension"), width: 18, cell: (r) => r.dimension },
    { header: t("breakdown.item"), width: 36, cell: (r) => r.item },
    { header: t("breakdown.contracts"), width: 12, cell: (r) => r.contracts ?? "" },
    { header: t("budget"), width: 16, cell: (r) => yuan(r.budget) },
    { header: t("committed"), width: 16, cell: (r) => yuan(r.promised) },
    { header: t("spent"), width: 16, cell: (r) => yuan(r.paid) },
    { header: t("remaining"), width: 16, cell: (r) => yuan(r.remaining) },
  ];
  return xlsxExport({
    actor,
    action: "funds.export",
    entity: "Fund",
    filter: { fundId: fund.id },
    sheet: `${fund.year}`,
    filename: `${t("breakdown.filename")}-${fund.year}`,
    columns,
    count: async () => rows.length,
    page: async (skip, take) => rows.slice(skip, skip + take),
  });
}
