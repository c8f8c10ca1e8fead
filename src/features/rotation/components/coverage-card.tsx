import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCoverageRow, TRotationCoverage } from "@/server/rotation/coverage";
import { localName } from "@/i18n/local-name";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { DataTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { CoverageChart } from "./coverage-chart.client";

/**
 * Rotation coverage (T2): the share of people on rotation lists who attended rotation training in
 * the last N years, with its definition; a chart and its table by district (city) and by department.
 * Reused by the training and development dashboard.
 */
export async function CoverageCard({ coverage, id = "rotation-coverage", actions }: { coverage: TRotationCoverage; id?: string; /** e.g. an export link, in the card's header */ actions?: ReactNode }) {
  const [t, format, locale] = await Promise.all([getTranslations("rotation.coverage"), getFormatter(), getLocale()]);
  const pct = (share: number | null) => (share === null ? "—" : format.number(share, { style: "percent", maximumFractionDigits: 0 }));
  const nameOf = (r: TCoverageRow) => (r.id === null ? t("cityLevel") : localName(r, locale));
  const table = (rows: TCoverageRow[], caption: string, first: string, testId: string) => (
    <DataTable
      caption={caption}
      testId={testId}
      columns={[{ label: first }, { label: t("listed"), numeric: true }, { label: t("covered"), numeric: true }, { label: t("never"), numeric: true }, { label: t("share"), numeric: true }]}
      rows={rows.map((r) => ({ key: r.id ?? "city", testId: "coverage-row", data: { name: nameOf(r) }, cells: [nameOf(r), format.number(r.listed), format.number(r.covered), format.number(r.never), pct(r.share)] }))}
    />
  );
  const chart = (rows: TCoverageRow[], title: string) => (
    <CoverageChart
      summary={t("chartSummary", { title, values: rows.map((r) => `${nameOf(r)} ${pct(r.share)}`).join(t("separator")) })}
      // A sliver for 0 %, so the bar (and its printed value) is still drawn.
      data={rows.map((r) => ({ label: nameOf(r), percent: Math.max(0.5, Math.round((r.share ?? 0) * 100)), text: pct(r.share) }))}
    />
  );
  const showDistricts = coverage.scope.kind === "city" && coverage.byDistrict.length > 0;
  return (
    <SectionCard id={id} title={t("title")} actions={actions}>
      <div className="space-y-4">
        <KpiGrid className="sm:grid-cols-4">
          <KpiTile label={t("share")} value={pct(coverage.share)} testId="rotation-coverage-share" note={t("shareNote", { covered: coverage.covered, listed: coverage.listed })} />
          <KpiTile label={t("covered")} value={format.number(coverage.covered)} testId="rotation-coverage-covered" tone="green" />
          <KpiTile label={t("listed")} value={format.number(coverage.listed)} testId="rotation-coverage-listed" tone="slate" />
          <KpiTile label={t("never")} value={format.number(coverage.never)} testId="rotation-coverage-never" tone="slate" />
        </KpiGrid>
        <p className="text-sm text-slate-600" data-testid="rotation-coverage-definition">{t("definition", { years: coverage.years, since: format.dateTime(coverage.since, { dateStyle: "medium", timeZone: "UTC" }) })}</p>
        {coverage.listed === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {showDistricts ? (
              <div className="space-y-3">
                <h3 className="text-sm font-semibold text-slate-900">{t("byDistrict")}</h3>
                {coverage.byDistrict.length > 1 ? chart(coverage.byDistrict, t("byDistrict")) : null}
                {table(coverage.byDistrict, t("byDistrict"), t("district"), "rotation-coverage-by-district")}
              </div>
            ) : null}
            <div className={showDistricts ? "space-y-3" : "space-y-3 lg:col-span-2"}>
              <h3 className="text-sm font-semibold text-slate-900">{t("byDepartment")}</h3>
              {coverage.byDepartment.length > 1 ? chart(coverage.byDepartment, t("byDepartment")) : null}
              {table(coverage.byDepartment, t("byDepartment"), t("department"), "rotation-coverage-by-department")}
            </div>
          </div>
        )}
      </div>
    </SectionCard>
  );
}
