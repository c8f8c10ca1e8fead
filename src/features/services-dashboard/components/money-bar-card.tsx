import { getLocale, getTranslations } from "next-intl/server";
import { SectionCard } from "@/components/ui/section-card";
import { ChartDataTable } from "@/components/ui/data-table";
import { BarListChart } from "@/components/charts/bar-list-chart";
import type { TMoneyRow } from "@/server/services-dashboard/money";
import { formatFen } from "@/lib/money";
import { tenThousandYuan, topWithRest } from "@/domain/services-dashboard/share";

/** More bars than this and the smallest are drawn as one ("N others"); the table lists every row. */
const MAX_BARS = 12;

/**
 * Contract value by one attribute (district, project type, practice field, commissioning
 * department): bars of the value in yuan, the figures (contracts, promised, paid) as a table folded under it.
 */
export async function MoneyBarCard({ id, title, head, rows, label, color }: { id: string; title: string; head: string; rows: TMoneyRow[]; label: (key: string | null) => string; color: string }) {
  const [t, tc, locale] = await Promise.all([getTranslations("servicesDashboard"), getTranslations("common"), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const { top, rest } = topWithRest(rows, MAX_BARS);
  const data = [...top.map((r) => ({ label: label(r.key), value: tenThousandYuan(r.promisedFen) })), ...(rest ? [{ label: t("others", { count: rest.count }), value: tenThousandYuan(rest.promisedFen) }] : [])];
  return (
    <SectionCard id={id} title={title}>
      <div data-testid={id}>
        {rows.length ? (
          <>
            <BarListChart data={data} color={color} valueLabel={t("valueLabel")} summary={tc("labelled", { label: title, value: [...top.map((r) => `${label(r.key)} ${fen(r.promisedFen)}`), ...(rest ? [`${t("others", { count: rest.count })} ${fen(rest.promisedFen)}`] : [])].join(tc("listSeparator")) })} />
            <p className="mt-1 text-xs text-slate-500">{t("chartUnit")}</p>
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
