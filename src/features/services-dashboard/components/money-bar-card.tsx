import { getLocale, getTranslations } from "next-intl/server";
import { SectionCard } from "@/components/ui/section-card";
import { ChartDataTable } from "@/components/ui/data-table";
import { BarListChart } from "@/components/charts/bar-list-chart";
import type { TMoneyRow } from "@/server/services-dashboard/money";
import { formatFen } from "@/lib/money";
import { wholeYuan } from "@/domain/services-dashboard/share";

/**
 * Contract value by one attribute (district, project type, practice field, commissioning
 * department): bars of the value in yuan, the figures (contracts, promised, paid) as a table folded under it.
 */
export async function MoneyBarCard({ id, title, head, rows, label, color }: { id: string; title: string; head: string; rows: TMoneyRow[]; label: (key: string | null) => string; color: string }) {
  const [t, tc, locale] = await Promise.all([getTranslations("servicesDashboard"), getTranslations("common"), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const data = rows.map((r) => ({ label: label(r.key), value: wholeYuan(r.promisedFen) }));
  return (
    <SectionCard id={id} title={title}>
      <div data-testid={id}>
        {rows.length ? (
          <>
            <BarListChart data={data} color={color} valueLabel={t("valueLabel")} summary={tc("labelled", { label: title, value: rows.map((r) => `${label(r.key)} ${fen(r.promisedFen)}`).join(tc("listSeparator")) })} />
            <ChartDataTable
              caption={title}
              summary={t("showTable")}
              head={[head, t("contracts"), t("promised"), t("paid")]}
              rows={rows.map((r) => [label(r.key), r.contracts, fen(r.promisedFen), fen(r.paidFen)])}
            />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )}
      </div>
    </SectionCard>
  );
}
