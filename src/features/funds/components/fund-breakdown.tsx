import { getLocale, getTranslations } from "next-intl/server";
import type { TMoneyRow } from "@/server/services-dashboard/money";
import type { TNamed } from "@/i18n/local-name";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";

type TBreakdown = { money: { district: TMoneyRow[]; type: TMoneyRow[]; month: TMoneyRow[]; total: TMoneyRow }; names: Map<string, TNamed> };

/** A fund's contract money by district, project type and month: promised, paid and the number of contracts. */
export async function FundBreakdown({ b }: { b: TBreakdown }) {
  const [t, locale] = await Promise.all([getTranslations("funds"), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  if (b.money.total.contracts === 0 && b.money.total.paidFen === 0n) return <p className="text-sm text-slate-600" data-testid="fund-breakdown-none">{t("breakdown.none")}</p>;
  const table = (id: string, title: string, head: string, rows: TMoneyRow[], label: (k: string | null) => string) => (
    <div data-testid={id}>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">{title}</h3>
      <DataTable
        caption={title}
        rowHeaders
        columns={[{ label: head }, { label: t("breakdown.contracts"), numeric: true }, { label: t("committed"), numeric: true }, { label: t("spent"), numeric: true }]}
        rows={rows.map((r) => ({ key: String(r.key), testId: `${id}-row`, data: { key: String(r.key) }, cells: [label(r.key), r.contracts, fen(r.promisedFen), fen(r.paidFen)] }))}
        total={[t("breakdown.total"), String(b.money.total.contracts), fen(b.money.total.promisedFen), fen(b.money.total.paidFen)]}
      />
    </div>
  );
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t("breakdown.description")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        {table("fund-by-district", t("breakdown.byDistrict"), t("breakdown.district"), b.money.district, (k) => (k ? localName(b.names.get(k), locale) || k : t("breakdown.cityWide")))}
        {table("fund-by-type", t("breakdown.byType"), t("breakdown.type"), b.money.type, (k) => (k ? t(`projectType.${k as "OTHER"}`) : ""))}
      </div>
      {table("fund-by-month", t("breakdown.byMonth"), t("breakdown.month"), b.money.month, (k) => k ?? "")}
    </div>
  );
}
