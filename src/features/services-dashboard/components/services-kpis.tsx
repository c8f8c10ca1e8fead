import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TServicesDashboard } from "@/server/services-dashboard/dashboard";
import { formatFen } from "@/lib/money";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { sharePercent } from "@/domain/services-dashboard/share";

/** The purchased-services dashboard's headline figures: contract value, paid, the non-governmental share, late milestones. */
export async function ServicesKpis({ d }: { d: TServicesDashboard }) {
  const [t, format, locale] = await Promise.all([getTranslations("servicesDashboard.kpi"), getFormatter(), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const pct = (part: bigint, whole: bigint) => {
    const p = sharePercent(part, whole);
    return p === null ? "—" : format.number(p / 100, { style: "percent", maximumFractionDigits: 1 });
  };
  const total = d.money.total;
  return (
    <KpiGrid>
      <KpiTile compact testId="kpi-value" label={t("value")} value={fen(total.promisedFen)} note={t("valueHint", { count: total.contracts })} />
      <KpiTile compact testId="kpi-paid" label={t("paid")} value={fen(total.paidFen)} tone="green" note={t("paidHint", { percent: pct(total.paidFen, total.promisedFen) })} />
      <KpiTile
        compact
        testId="kpi-non-governmental"
        label={t("nonGovernmental")}
        value={pct(d.nonGovernmental.promisedFen, d.nonGovernmental.totalFen)}
        tone="slate"
        note={t("nonGovernmentalHint", { amount: fen(d.nonGovernmental.promisedFen), count: d.nonGovernmental.contracts })}
      />
      <KpiTile
        compact
        testId="kpi-delays"
        label={t("delays")}
        value={format.number(d.delays.count)}
        tone={d.delays.count ? "red" : "green"}
        note={d.delays.oldest ? t("delaysHint", { date: format.dateTime(new Date(`${d.delays.oldest}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) }) : t("delaysNone")}
      />
    </KpiGrid>
  );
}
