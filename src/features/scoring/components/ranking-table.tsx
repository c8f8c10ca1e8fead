import { getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import type { summarise } from "@/server/scoring/queries";

type TRanking = ReturnType<typeof summarise>["ranking"];

/** Eligible proposals by weighted total, highest first; ties share a rank. */
export async function RankingTable({ ranking }: { ranking: TRanking }) {
  const [t, locale] = await Promise.all([getTranslations("scoring"), getLocale()]);
  return (
    <DataTable
      caption={t("section.ranking")}
      empty={<EmptyState title={t("section.noRanking")} />}
      columns={[{ label: t("section.rank"), numeric: true }, { label: t("section.agency") }, { label: t("section.total"), numeric: true }, { label: t("section.sheets"), numeric: true }, { label: t("section.amount"), numeric: true }, { label: t("status") }]}
      rows={ranking.map((r) => ({
        key: r.proposal.id,
        testId: `rank-${r.proposal.id}`,
        cells: [
          r.rank ?? "—",
          localName(r.proposal.organization, locale),
          r.points ?? t("section.notScored"),
          r.sheets,
          formatFen(r.proposal.totalFen, locale),
          <Badge key="s" tone={r.proposal.status === "SELECTED" ? "green" : r.proposal.status === "NOT_SELECTED" ? "slate" : "blue"}>{t(`proposalStatus.${r.proposal.status}`)}</Badge>,
        ],
      }))}
    />
  );
}
