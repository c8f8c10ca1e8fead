import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { examImportErrors, examImportProgress, getExamImport } from "@/server/exams/import/queries";
import { discardExamImportAction, startExamImportAction } from "@/features/exams/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, EmptyState, Notice } from "@/components/ui/card";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";

type TJob = NonNullable<Awaited<ReturnType<typeof getExamImport>>>;

/** A checked sheet not yet written: its figures, start (the rows without problems) or discard. */
export async function ExamPreviewCard({ job }: { job: TJob }) {
  const t = await getTranslations("exams.import.job");
  const valid = job.totalRows - job.errorRows;
  const fields = { jobId: job.id, version: String(job.version) };
  return (
    <Card title={t("previewTitle")}>
      <div className="space-y-4">
        <KpiGrid className="gap-3 sm:grid-cols-3">
          <KpiTile compact tone="slate" label={t("rows")} value={job.totalRows} testId="import-rows" />
          <KpiTile compact tone="slate" label={t("valid")} value={valid} testId="import-valid" />
          <KpiTile compact tone="slate" label={t("withErrors")} value={job.errorRows} testId="import-errors" />
        </KpiGrid>
        <Notice tone={job.errorRows ? "info" : "success"}>{job.errorRows ? t("hasErrors", { count: job.errorRows }) : t("noErrors")}</Notice>
        <p className="text-sm text-slate-600">{t("nothingWritten")}</p>
        <div className="flex flex-wrap items-start gap-3">
          {valid > 0 ? (
            <ConfirmAction
              variant="primary"
              action={startExamImportAction}
              extraNamespaces={["exams.import.errors"]}
              fields={fields}
              label={t("start", { count: valid })}
              title={t("confirmTitle")}
              body={job.errorRows ? t("confirmBodySkip", { count: valid, skipped: job.errorRows }) : t("confirmBody", { count: valid })}
              confirmLabel={t("confirm")}
            />
          ) : null}
          <ConfirmAction action={discardExamImportAction} extraNamespaces={["exams.import.errors"]} fields={fields} label={t("discard")} title={t("discardTitle")} body={t("discardBody")} confirmLabel={t("discard")} variant="danger" />
        </div>
      </div>
    </Card>
  );
}

/** A finished (or failed) import: sittings new, changed, unchanged, and rows refused. */
export async function ExamResultCard({ job, progress }: { job: TJob; progress: Awaited<ReturnType<typeof examImportProgress>> }) {
  const t = await getTranslations("exams.import.job");
  const done = job.status === "DONE";
  return (
    <Card title={done ? t("doneTitle") : t("failedTitle")}>
      <div className="space-y-4">
        {done ? <Notice tone="success">{t("done")}</Notice> : <Notice tone="error">{t("failed")}</Notice>}
        <div role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress?.percent ?? 0} className="h-4 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-brand-700" style={{ width: `${progress?.percent ?? 0}%` }} />
        </div>
        <KpiGrid className="gap-3 sm:grid-cols-4">
          <KpiTile compact tone="slate" label={t("created")} value={job.createdCount} testId="import-created" />
          <KpiTile compact tone="slate" label={t("updated")} value={job.updatedCount} testId="import-updated" />
          <KpiTile compact tone="slate" label={t("unchanged")} value={job.unchangedCount} testId="import-unchanged" />
          <KpiTile compact tone="slate" label={t("withErrors")} value={job.errorRows} testId="import-errors" />
        </KpiGrid>
        <Link href="/exams" className={buttonClass(done ? "primary" : "secondary")}>{t("toList")}</Link>
      </div>
    </Card>
  );
}

/** The rows refused, a page at a time: row number and every problem, named by its column; the whole list as a workbook. */
export async function ExamErrorRows({ jobId, errors }: { jobId: string; errors: Awaited<ReturnType<typeof examImportErrors>> }) {
  const t = await getTranslations("exams.import");
  return (
    <section aria-labelledby="import-errors-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="import-errors-title" className="text-base font-semibold text-slate-900">{t("job.errorsTitle")}</h2>
        {errors.total ? <a href={`/api/exams/import/${encodeURIComponent(jobId)}/errors`} className={buttonClass("secondary", "sm")} download data-testid="error-report">{t("report.download")}</a> : null}
      </div>
      <DataTable
        caption={t("job.errorsTitle")}
        empty={<EmptyState title={t("job.noErrorRows")} />}
        columns={[{ label: t("job.row"), className: "whitespace-nowrap font-mono" }, { label: t("job.problems") }]}
        rows={errors.items.map((r) => ({
          key: String(r.rowNumber),
          testId: `error-row-${r.rowNumber}`,
          cells: [
            r.rowNumber,
            <ul key="p" className="space-y-0.5">
              {r.errors.map((e) => (
                <li key={`${e.field}:${e.key}`}>{t("job.fieldMessage", { field: t(`columns.${e.field}`), message: t(e.key.replace("exams.import.", "") as "rowErrors.year") })}</li>
              ))}
            </ul>,
          ],
        }))}
      />
      {errors.items.length ? <ListPagination result={errors} basePath={`/exams/import/${jobId}`} params={{}} /> : null}
    </section>
  );
}
