import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getImport, importProgress } from "@/server/staff-import/queries";
import { retryImportAction } from "@/features/staff/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, Notice } from "@/components/ui/card";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { buttonClass } from "@/components/ui/button";
import { ImportProgressBar } from "@/features/imports/components/import-cards";
import { ImportErrorReportLink } from "@/features/imports/components/import-error-report-link";

type TJob = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** A finished (or failed) import: how far it got, what it created, updated or left unchanged; a failed one can resume. */
export async function ImportResultCard({ job, progress }: { job: TJob; progress: Awaited<ReturnType<typeof importProgress>> }) {
  const t = await getTranslations();
  const done = job.status === "DONE";
  const percent = progress?.percent ?? 0;
  return (
    <Card title={done ? t("staff.import.job.doneTitle") : t("staff.import.job.failedTitle")}>
      <div className="space-y-4">
        {done ? <Notice tone="success">{t("staff.import.job.done")}</Notice> : <Notice tone="error">{t("staff.import.job.failed")}</Notice>}
        <ImportProgressBar label={t("staff.import.progress.label")} percent={percent} />
        <KpiGrid className="gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <KpiTile compact tone="slate" label={t("enums.importOutcome.CREATED")} value={job.createdCount} testId="import-created" />
          <KpiTile compact tone="slate" label={t("enums.importOutcome.UPDATED")} value={job.updatedCount} testId="import-updated" />
          <KpiTile compact tone="slate" label={t("enums.importOutcome.UNCHANGED")} value={job.unchangedCount} testId="import-unchanged" />
          <KpiTile compact tone="slate" label={t("staff.import.job.withErrors")} value={job.errorRows} testId="import-errors" />
          <KpiTile compact tone="slate" label={t("staff.import.job.credentials")} value={job.credentialCount} testId="import-credentials" />
        </KpiGrid>
        {job.credentialCount > 0 ? <p className="text-sm text-slate-700">{t("staff.import.job.credentialsSubmitted", { count: job.credentialCount })}</p> : null}
        <div className="flex flex-wrap gap-3">
          <Link href="/practitioners?sort=updatedAt&dir=desc" className={buttonClass(done ? "primary" : "secondary")}>{t("staff.import.job.toRegister")}</Link>
          {!done && job.pendingRows > 0 ? (
            <ConfirmAction
              variant="primary"
              action={retryImportAction}
              extraNamespaces={["staff.import.errors"]}
              fields={{ jobId: job.id, version: String(job.version) }}
              label={t("staff.import.job.retry", { count: job.pendingRows })}
              title={t("staff.import.job.retryTitle")}
              body={t("staff.import.job.retryBody", { count: job.pendingRows })}
              confirmLabel={t("staff.import.job.retryConfirm")}
            />
          ) : null}
          {job.errorRows ? <ImportErrorReportLink jobId={job.id} /> : null}
        </div>
      </div>
    </Card>
  );
}
