import { getTranslations } from "next-intl/server";
import type { getImport } from "@/server/staff-import/queries";
import { discardImportAction, startImportAction } from "@/features/staff/actions";
import { KpiTile } from "@/components/ui/kpi-tile";
import { ImportPreviewCard as GenericImportPreviewCard } from "@/features/imports/components/import-cards";
import { ImportErrorReportLink } from "@/features/imports/components/import-error-report-link";

type TJob = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** An uploaded file checked and not yet written: the shared preview, with the certificates it will submit and the error report. */
export async function ImportPreviewCard({ job }: { job: TJob }) {
  const t = await getTranslations("staff.import.job");
  const valid = job.totalRows - job.errorRows;
  return (
    <GenericImportPreviewCard
      job={job}
      ns="staff.import"
      start={startImportAction}
      discard={discardImportAction}
      startLabel={job.errorRows ? t("startValid", { count: valid }) : t("start", { count: valid })}
      extraTiles={<KpiTile compact tone="slate" label={t("previewCertificates")} value={job.pendingCertificates} testId="import-certificates" />}
      actions={job.errorRows ? <ImportErrorReportLink jobId={job.id} /> : null}
    />
  );
}
