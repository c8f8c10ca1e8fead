import { getTranslations } from "next-intl/server";
import { BAND_GRADES, type TEvaluationBands } from "@/server/services-dashboard/evaluation-bands";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";

/** Published evaluation results by kind and grade (优秀/良好/合格/不合格), in the reader's scope. */
export async function EvaluationBandsCard({ bands }: { bands: TEvaluationBands }) {
  const [t, te] = await Promise.all([getTranslations("servicesDashboard.bands"), getTranslations("enums")]);
  const any = bands.some((b) => b.total > 0);
  const sum = (g: (typeof BAND_GRADES)[number]) => bands.reduce((a, b) => a + b.counts[g], 0);
  return (
    <SectionCard id="evaluation-bands" title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {any ? (
        <DataTable
          caption={t("title")}
          testId="evaluation-bands"
          rowHeaders
          columns={[{ label: t("kind") }, ...BAND_GRADES.map((g) => ({ label: te(`evaluationGrade.${g}`), numeric: true })), { label: t("total"), numeric: true }]}
          rows={bands.map((b) => ({ key: b.kind, testId: "band-row", data: { kind: b.kind }, cells: [te(`evaluationKind.${b.kind}`), ...BAND_GRADES.map((g) => b.counts[g]), b.total] }))}
          total={[t("total"), ...BAND_GRADES.map(sum), bands.reduce((a, b) => a + b.total, 0)]}
        />
      ) : (
        <div data-testid="evaluation-bands-empty">
          <EmptyState title={t("none")} />
        </div>
      )}
    </SectionCard>
  );
}
