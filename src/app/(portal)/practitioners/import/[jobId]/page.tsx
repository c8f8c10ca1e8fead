import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getImport, importErrors, importProgress } from "@/server/staff-import/queries";
import { parsePage } from "@/lib/pagination";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import { discardImportAction, retryImportAction, startImportAction } from "@/features/staff/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ImportProgress } from "@/features/staff/components/import-progress";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { messageKey } from "@/lib/message-key";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.import");
  return { title: t("job.title") };
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>{value}</dd>
    </div>
  );
}

export default async function ImportJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("staff.import");
  const [{ jobId }, sp] = await Promise.all([params, searchParams]);
  const job = await getImport(user, jobId);
  if (!job) notFound();
  const page = parsePage(sp.page);
  const [t, format, errors, progress] = await Promise.all([getTranslations(), getFormatter(), job.errorRows > 0 ? importErrors(user, jobId, page) : null, importProgress(user, jobId)]);
  const valid = job.totalRows - job.errorRows;
  const known = new Set(IMPORT_COLUMNS.map((c) => c.field));
  const message = (key: string) => t(messageKey(key, "validation"));
  const errorReport = (
    <a href={`/api/staff-import/${job.id}/errors`} className={buttonClass("secondary")} download>
      {t("staff.import.job.downloadErrors")}
    </a>
  );
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
          <Link href="/practitioners/import" className="text-brand-700 hover:underline">{t("staff.import.title")}</Link>
        </nav>
        <PageHeader
          title={job.originalName}
          description={t("staff.import.job.uploaded", { date: format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
          // While it runs, the progress card below is the live status (this badge would go stale).
          actions={job.status === "QUEUED" || job.status === "RUNNING" ? undefined : <ImportStatusBadge status={job.status} />}
        />
      </div>

      {job.status === "PREVIEW" ? (
        <Card title={t("staff.import.job.previewTitle")}>
          <div className="space-y-4">
            <dl className="grid gap-3 sm:grid-cols-3">
              <Figure label={t("staff.import.job.rows")} value={job.totalRows} testId="import-rows" />
              <Figure label={t("staff.import.job.valid")} value={valid} testId="import-valid" />
              <Figure label={t("staff.import.job.withErrors")} value={job.errorRows} testId="import-errors" />
            </dl>
            <Notice tone={job.errorRows ? "info" : "success"}>{job.errorRows ? t("staff.import.job.hasErrors", { count: job.errorRows }) : t("staff.import.job.noErrors")}</Notice>
            <p className="text-sm text-slate-600">{t("staff.import.job.nothingWritten")}</p>
            <div className="flex flex-wrap items-start gap-3">
              {valid > 0 ? (
                <ConfirmAction
                  variant="primary"
                  action={startImportAction}
                  fields={{ jobId: job.id, version: String(job.version) }}
                  label={job.errorRows ? t("staff.import.job.startValid", { count: valid }) : t("staff.import.job.start", { count: valid })}
                  title={t("staff.import.job.confirmTitle")}
                  body={job.errorRows ? t("staff.import.job.confirmBodySkip", { count: valid, skipped: job.errorRows }) : t("staff.import.job.confirmBody", { count: valid })}
                  confirmLabel={t("staff.import.job.confirm")}
                />
              ) : null}
              {job.errorRows ? errorReport : null}
              <ConfirmAction
                action={discardImportAction}
                fields={{ jobId: job.id, version: String(job.version) }}
                label={t("staff.import.job.discard")}
                title={t("staff.import.job.discardTitle")}
                body={t("staff.import.job.discardBody")}
                confirmLabel={t("staff.import.job.discard")}
                variant="danger"
              />
            </div>
          </div>
        </Card>
      ) : null}

      {job.status === "QUEUED" || job.status === "RUNNING" ? (
        <Card title={t("staff.import.job.runningTitle")}>
          <ImportProgress jobId={job.id} initial={progress!} />
        </Card>
      ) : null}

      {job.status === "DONE" || job.status === "FAILED" ? (
        <Card title={job.status === "DONE" ? t("staff.import.job.doneTitle") : t("staff.import.job.failedTitle")}>
          <div className="space-y-4">
            {job.status === "FAILED" ? <Notice tone="error">{t("staff.import.job.failed")}</Notice> : <Notice tone="success">{t("staff.import.job.done")}</Notice>}
            <div role="progressbar" aria-label={t("staff.import.progress.label")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress!.percent} className="h-4 w-full overflow-hidden rounded-full bg-slate-200">
              <div className="h-full rounded-full bg-brand-700" style={{ width: `${progress!.percent}%` }} />
            </div>
            <dl className="grid gap-3 sm:grid-cols-4">
              <Figure label={t("enums.importOutcome.CREATED")} value={job.createdCount} testId="import-created" />
              <Figure label={t("enums.importOutcome.UPDATED")} value={job.updatedCount} testId="import-updated" />
              <Figure label={t("enums.importOutcome.UNCHANGED")} value={job.unchangedCount} testId="import-unchanged" />
              <Figure label={t("staff.import.job.withErrors")} value={job.errorRows} testId="import-errors" />
            </dl>
            <div className="flex flex-wrap gap-3">
              <Link href="/practitioners?sort=updatedAt&dir=desc" className={buttonClass(job.status === "DONE" ? "primary" : "secondary")}>{t("staff.import.job.toRegister")}</Link>
              {job.status === "FAILED" && job.pendingRows > 0 ? (
                <ConfirmAction
                  variant="primary"
                  action={retryImportAction}
                  fields={{ jobId: job.id, version: String(job.version) }}
                  label={t("staff.import.job.retry", { count: job.pendingRows })}
                  title={t("staff.import.job.retryTitle")}
                  body={t("staff.import.job.retryBody", { count: job.pendingRows })}
                  confirmLabel={t("staff.import.job.retryConfirm")}
                />
              ) : null}
              {job.errorRows ? errorReport : null}
            </div>
          </div>
        </Card>
      ) : null}

      {job.status === "CANCELLED" ? <Notice tone="info">{t("staff.import.job.cancelled")}</Notice> : null}

      {errors && job.status !== "CANCELLED" ? (
        <section aria-labelledby="import-errors-title" className="space-y-3">
          <h2 id="import-errors-title" className="text-base font-semibold text-slate-900">{t("staff.import.job.errorsTitle")}</h2>
          {errors.items.length === 0 ? (
            <EmptyState title={t("staff.import.job.noErrors")} />
          ) : (
            <>
              <Table caption={t("staff.import.job.errorsTitle")}>
                <thead>
                  <tr>
                    <Th>{t("staff.import.job.columns.row")}</Th>
                    <Th>{t("staff.import.job.columns.problems")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {errors.items.map((r) => (
                    <tr key={r.rowNumber} data-testid={`error-row-${r.rowNumber}`}>
                      <Td className="whitespace-nowrap font-mono">{r.rowNumber}</Td>
                      <Td>
                        <ul className="space-y-0.5">
                          {r.errors.map((e) => (
                            <li key={`${e.field}:${e.key}`}>
                              {known.has(e.field) ? t("staff.import.job.fieldMessage", { field: t(`practitioners.fields.${e.field}`), message: message(e.key) }) : message(e.key)}
                            </li>
                          ))}
                        </ul>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <ListPagination result={errors} basePath={`/practitioners/import/${job.id}`} params={{}} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
