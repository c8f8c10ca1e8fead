import { getFormatter, getTranslations } from "next-intl/server";
import type { TAssociationSummary } from "@/server/association/queries";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";

/** Active member agencies and practitioners, and how many joined this year. */
export async function AssociationKpis({ summary }: { summary: TAssociationSummary }) {
  const [t, format] = await Promise.all([getTranslations("association.kpi"), getFormatter()]);
  return (
    <KpiGrid className="sm:grid-cols-3">
      <KpiTile testId="kpi-member-agencies" label={t("agencies")} value={format.number(summary.activeAgencies)} note={t("activeNote")} />
      <KpiTile testId="kpi-member-practitioners" label={t("practitioners")} value={format.number(summary.activePractitioners)} note={t("activeNote")} />
      <KpiTile testId="kpi-member-joined" label={t("joinedThisYear", { year: summary.year })} value={format.number(summary.joinedThisYear)} note={t("joinedNote")} />
    </KpiGrid>
  );
}
