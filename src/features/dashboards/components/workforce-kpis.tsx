import { getFormatter, getTranslations } from "next-intl/server";
import type { TWorkforceDashboard } from "@/server/dashboards/workforce";
import { percentFormatter } from "@/lib/number-format";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";

/** The workforce dashboard's headline figures: posts and their fill, then agencies and association members. */
export async function WorkforceKpis({ d }: { d: TWorkforceDashboard }) {
  const [t, format] = await Promise.all([getTranslations("workforce.kpi"), getFormatter()]);
  const n = (v: number) => format.number(v);
  const pct = percentFormatter(format);
  const total = d.posts.total;
  const ratio = d.posts.byKind.find((k) => k.kind === "RATIO")!;
  const flagged = d.agencies.flagged;
  return (
    <>
      <section aria-labelledby="kpi-posts-title">
        <h2 id="kpi-posts-title" className="sr-only">{t("postsTitle")}</h2>
        <KpiGrid>
          <KpiTile testId="kpi-required" label={t("required")} value={n(total.required)} note={t("requiredNote", { posts: total.posts })} />
          <KpiTile testId="kpi-fill-rate" label={t("fillRate")} value={pct(total.fillRate)} note={t("fillRateNote", { filled: total.filled, required: total.required })} />
          <KpiTile testId="kpi-qualified-rate" label={t("qualifiedRate")} value={pct(total.qualifiedFillRate)} note={t("qualifiedRateNote", { qualified: total.qualifiedFilled, required: total.required })} />
          <KpiTile
            testId="kpi-ratio-compliance"
            label={t("ratioCompliance")}
            value={pct(ratio.complianceRate)}
            tone={ratio.posts > 0 && ratio.compliant < ratio.posts ? "amber" : "green"}
            note={t("ratioComplianceNote", { compliant: ratio.compliant, posts: ratio.posts })}
          />
        </KpiGrid>
      </section>
      <section aria-labelledby="kpi-agencies-title">
        <h2 id="kpi-agencies-title" className="sr-only">{t("agenciesTitle")}</h2>
        <KpiGrid>
          <KpiTile testId="kpi-active-agencies" label={t("activeAgencies")} value={n(d.agencies.active)} note={t("activeAgenciesNote", { total: d.agencies.total })} />
          <KpiTile testId="kpi-private-agencies" label={t("privateAgencies")} value={n(d.agencies.privateActive)} note={t("privateAgenciesNote")} />
          <KpiTile
            testId="kpi-flagged-agencies"
            label={t("flagged")}
            value={n(flagged.length)}
            tone={flagged.length > 0 ? "red" : "green"}
            note={t("flaggedNote", { blacklisted: flagged.filter((a) => a.flags.includes("BLACKLIST")).length })}
          />
          <KpiTile
            testId="kpi-members"
            label={t("members")}
            value={n(d.members.agencies + d.members.practitioners)}
            note={t("membersNote", { agencies: d.members.agencies, practitioners: d.members.practitioners })}
          />
        </KpiGrid>
      </section>
    </>
  );
}
