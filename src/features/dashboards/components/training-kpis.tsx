import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TTrainingDashboard } from "@/server/dashboards/training";
import { formatFen } from "@/lib/money";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";

/** The training dashboard's headline figures: hours delivered, people trained, subsidy paid, supervision coverage. */
export async function TrainingKpis({ d }: { d: TTrainingDashboard }) {
  const [t, format, locale] = await Promise.all([getTranslations("trainingDashboard.kpi"), getFormatter(), getLocale()]);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  const s = d.stats;
  return (
    <KpiGrid>
      <KpiTile testId="kpi-hours" label={t("hours")} value={hours(s.deliveredHalfHours)} note={t("hoursNote", { people: s.attendees })} />
      <KpiTile
        testId="kpi-people-trained"
        label={t("peopleTrained")}
        value={format.number(s.peopleTrained)}
        note={t("peopleTrainedNote", { completions: s.completions, programmes: s.programmes, hours: hours(s.creditedHalfHours) })}
      />
      <KpiTile
        testId="kpi-subsidy-spent"
        label={t("subsidySpent")}
        value={formatFen(d.subsidy.spentFen, locale)}
        tone="green"
        note={t("subsidySpentNote", { outstanding: formatFen(d.subsidy.outstandingFen, locale), amount: formatFen(d.subsidy.amountFen, locale) })}
      />
      <KpiTile
        testId="kpi-coverage"
        label={t("coverage")}
        value={d.coverage.share === null ? "—" : format.number(d.coverage.share, { style: "percent", maximumFractionDigits: 0 })}
        tone="slate"
        note={t("coverageNote", { covered: format.number(d.coverage.covered), frontline: format.number(d.coverage.frontline) })}
      />
    </KpiGrid>
  );
}
