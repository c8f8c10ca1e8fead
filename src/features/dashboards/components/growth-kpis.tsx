import { getFormatter, getTranslations } from "next-intl/server";
import type { TGrowthDashboard } from "@/server/dashboards/growth";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";

/**
 * The growth dashboard's headline figures: against the plan for the city; for a district, this
 * year's newcomers (returns after a gap are told apart) and the registrations coming due.
 */
export async function GrowthKpis({ d }: { d: TGrowthDashboard }) {
  const [t, format] = await Promise.all([getTranslations("growth.kpi"), getFormatter()]);
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const k = d.kpi;
  return (
    <KpiGrid>
      <KpiTile
        testId="kpi-qualified-now"
        label={t("qualifiedNow")}
        value={n(k.qualifiedNow)}
        note={d.scope === "city" ? t("qualifiedNowNoteCity", { atStart: k.atStart, joined: k.joinedThisPlanYear, returned: k.returnedThisPlanYear }) : t("qualifiedNowNote", { atStart: k.atStart })}
      />
      {d.scope === "city" ? (
        <>
          <KpiTile testId="kpi-target-to-date" label={t("targetToDate")} value={n(k.targetToDatePeople)} note={t("targetToDateNote", { year: k.planYear, end: k.yearEndTarget })} />
          <KpiTile testId="kpi-gap" label={t("gap")} value={n(k.gap)} tone={k.gap > 0 ? "amber" : "green"} note={k.gap > 0 ? t("gapBehind") : t("gapOnTrack")} />
          <KpiTile
            testId="kpi-needed-per-month"
            label={t("neededPerMonth")}
            value={n(k.neededPerMonth, 1)}
            note={t("neededPerMonthNote", { months: k.monthsLeft, end: k.yearEndTarget, forecast: k.forecastYearEnd })}
          />
        </>
      ) : (
        <>
          <KpiTile testId="kpi-joined" label={t("joinedThisYear")} value={n(k.joinedThisPlanYear)} note={t("joinedThisYearNote", { year: k.planYear, returned: k.returnedThisPlanYear })} />
          <KpiTile testId="kpi-forecast" label={t("forecastYearEnd")} value={n(k.forecastYearEnd)} note={t("forecastYearEndNote")} />
          <KpiTile
            testId="kpi-registrations-due"
            label={t("registrationsDue", { days: d.registrationsDue.days })}
            value={n(d.registrationsDue.total)}
            tone={d.registrationsDue.total > 0 ? "amber" : "green"}
            note={t("registrationsDueNote")}
          />
        </>
      )}
    </KpiGrid>
  );
}
