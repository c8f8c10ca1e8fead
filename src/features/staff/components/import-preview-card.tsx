import { getTranslations } from "next-intl/server";
import type { getImport } from "@/server/staff-import/queries";
import { discardImportAction, startImportAction } from "@/features/staff/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, Notice } from "@/components/ui/card";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { ImportErrorReportLink } from "./import-error-report-link";

type TJob = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** An uploaded file checked and not yet written: its figures, and start (the valid rows) or discard. */
export async function ImportPreviewCard({ job }: { job: TJob }) {
  const t = await getTranslations("staff.import.job");
  const valid = job.totalRows - job.errorRows;
  const fields = { jobId: job.id, version: String(job.version) };
  return (
    <Card title={t("previewTitle")}>
      <div className="space-y-4">
        <KpiGrid className="gap-3 sm:grid-cols-4">
          <KpiTile compact tone="slate" label={t("rows")} value={job.totalRows} testId="import-rows" />
          <KpiTile compact tone="slate" label={t("valid")} value={valid} testId="import-valid" />
          <KpiTile compact tone="slate" label={t("withErrors")} value={job.errorRows} testId="import-errors" />
          <KpiTile compact tone="slate" label={t("previewCertificates")} value={job.pendingCertificates} testId="import-certificates" />
        </KpiGrid>
        <Notice tone={job.errorRows ? "info" : "success"}>{job.errorRows ? t("hasErrors", { count: job.errorRows }) : t("noErrors")}</Notice>
        <p className="text-sm text-slate-600">{t("nothingWritten")}</p>
        <div className="flex flex-wrap items-start gap-3">
          {valid > 0 ? (
            <ConfirmAction
              variant="primary"
              action={startImportAction}
              extraNamespaces={["staff.import.errors"]}
              fields={fields}
              label={job.errorRows ? t("startValid", { count: valid }) : t("start", { count: valid })}
              title={t("confirmTitle")}
              body={job.errorRows ? t("confirmBodySkip", { count: valid, skipped: job.errorRows }) : t("confirmBody", { count: valid })}
              confirmLabel={t("confirm")}
            />
          ) : null}
          {job.errorRows ? <ImportErrorReportLink jobId={job.id} /> : null}
          <ConfirmAction
            action={discardImportAction}
            extraNamespaces={["staff.import.errors"]}
            fields={fields}
            label={t("discard")}
            title={t("discardTitle")}
            body={t("discardBody")}
            confirmLabel={t("discard")}
            variant="danger"
          />
        </div>
      </div>
    </Card>
  );
}
