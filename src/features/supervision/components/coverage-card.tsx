import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TSupervisionCoverage } from "@/server/supervision/queries";
import { localName } from "@/i18n/local-name";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { DataTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";

/** The share of frontline workers with an active supervisor, with its definition, and (city) by district. */
/** `id` and `actions` (an export) for pages that place it among other sections (the training dashboard). */
export async function CoverageCard({ coverage, id = "coverage", actions }: { coverage: TSupervisionCoverage; id?: string; actions?: ReactNode }) {
  const [t, format, locale] = await Promise.all([getTranslations("supervision.coverage"), getFormatter(), getLocale()]);
  const pct = (share: number | null) => (share === null ? "—" : format.number(share, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <SectionCard id={id} title={t("title")} actions={actions}>
      <div className="space-y-4">
        <KpiGrid className="sm:grid-cols-3">
          <KpiTile label={t("share")} value={pct(coverage.share)} testId="coverage-share" note={t("shareNote", { covered: coverage.covered, frontline: coverage.frontline })} />
          <KpiTile label={t("covered")} value={format.number(coverage.covered)} testId="coverage-covered" tone="green" />
          <KpiTile label={t("frontline")} value={format.number(coverage.frontline)} testId="coverage-frontline" tone="slate" />
        </KpiGrid>
        <p className="text-sm text-slate-600" data-testid="coverage-definition">{t("definition")}</p>
        {coverage.byDistrict.length ? (
          <DataTable
            caption={t("byDistrict")}
            testId="coverage-by-district"
            columns={[{ label: t("district") }, { label: t("frontline"), numeric: true }, { label: t("covered"), numeric: true }, { label: t("share"), numeric: true }]}
            rows={coverage.byDistrict.map((d) => ({ key: d.id, cells: [localName(d, locale), format.number(d.frontline), format.number(d.covered), pct(d.share)] }))}
          />
        ) : null}
      </div>
    </SectionCard>
  );
}
