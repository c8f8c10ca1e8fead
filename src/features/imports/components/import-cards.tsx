import type { ComponentProps, ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TImportJob, TImportProgress } from "@/server/imports/job-queries";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, EmptyState, Notice } from "@/components/ui/card";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { ImportErrorReportLink } from "./import-error-report-link";

// The cards of an import's page that every Excel import shares (staff, exam sittings, attendance):
// the preview of a checked sheet, the result of a finished one, and the rows refused. Each import
// names its catalogue namespace (`ns`: "<area>.import", whose `job.*` keys have the same names in
// every import) and its own actions and links.

/** Looks a key up below `ns` (each import's catalogue has the same keys there). */
type TAction = ComponentProps<typeof ConfirmAction>["action"];

/** The imports (their catalogue namespaces). */
export type TImportNamespace = "staff.import" | "exams.import" | "trainings.import";

type TLookup = (key: string, values?: Record<string, string | number>) => string;

async function lookup(ns: TImportNamespace): Promise<TLookup> {
  const t = await getTranslations();
  return (key, values) => (t as unknown as TLookup)(`${ns}.${key}`, values);
}

/** A checked sheet not yet written: its figures, start (the rows without problems) or discard. */
export async function ImportPreviewCard({
  job,
  ns,
  start,
  discard,
  startLabel,
  extraTiles,
  actions,
}: {
  job: TImportJob;
  ns: TImportNamespace;
  start: TAction;
  discard: TAction;
  /** The start button's words (default `job.start`). */
  startLabel?: string;
  extraTiles?: ReactNode;
  /** More buttons beside start and discard (e.g. the error report). */
  actions?: ReactNode;
}) {
  const t = await lookup(ns);
  const valid = job.totalRows - job.errorRows;
  const fields = { jobId: job.id, version: String(job.version) };
  const errorsNs = [`${ns}.errors` as const];
  return (
    <Card title={t("job.previewTitle")}>
      <div className="space-y-4">
        <KpiGrid className={extraTiles ? "gap-3 sm:grid-cols-4" : "gap-3 sm:grid-cols-3"}>
          <KpiTile compact tone="slate" label={t("job.rows")} value={job.totalRows} testId="import-rows" />
          <KpiTile compact tone="slate" label={t("job.valid")} value={valid} testId="import-valid" />
          <KpiTile compact tone="slate" label={t("job.withErrors")} value={job.errorRows} testId="import-errors" />
          {extraTiles}
        </KpiGrid>
        <Notice tone={job.errorRows ? "info" : "success"}>{job.errorRows ? t("job.hasErrors", { count: job.errorRows }) : t("job.noErrors")}</Notice>
        <p className="text-sm text-slate-600">{t("job.nothingWritten")}</p>
        <div className="flex flex-wrap items-start gap-3">
          {valid > 0 ? (
            <ConfirmAction
              variant="primary"
              action={start}
              extraNamespaces={errorsNs}
              fields={fields}
              label={startLabel ?? t("job.start", { count: valid })}
              title={t("job.confirmTitle")}
              body={job.errorRows ? t("job.confirmBodySkip", { count: valid, skipped: job.errorRows }) : t("job.confirmBody", { count: valid })}
              confirmLabel={t("job.confirm")}
            />
          ) : null}
          {actions}
          <ConfirmAction action={discard} extraNamespaces={errorsNs} fields={fields} label={t("job.discard")} title={t("job.discardTitle")} body={t("job.discardBody")} confirmLabel={t("job.discard")} variant="danger" />
        </div>
      </div>
    </Card>
  );
}

/** The progress bar of a finished or running import. */
export function ImportProgressBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-4 w-full overflow-hidden rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** A finished (or failed) import: rows new, changed, unchanged, and refused; a link back to where they went. */
export async function ImportResultCard({ job, progress, ns, back }: { job: TImportJob; progress: TImportProgress | null; ns: TImportNamespace; back: { href: string; label: string } }) {
  const t = await lookup(ns);
  const done = job.status === "DONE";
  return (
    <Card title={done ? t("job.doneTitle") : t("job.failedTitle")}>
      <div className="space-y-4">
        {done ? <Notice tone="success">{t("job.done")}</Notice> : <Notice tone="error">{t("job.failed")}</Notice>}
        <ImportProgressBar label={t("job.progress")} percent={progress?.percent ?? 0} />
        <KpiGrid className="gap-3 sm:grid-cols-4">
          <KpiTile compact tone="slate" label={t("job.created")} value={job.createdCount} testId="import-created" />
          <KpiTile compact tone="slate" label={t("job.updated")} value={job.updatedCount} testId="import-updated" />
          <KpiTile compact tone="slate" label={t("job.unchanged")} value={job.unchangedCount} testId="import-unchanged" />
          <KpiTile compact tone="slate" label={t("job.withErrors")} value={job.errorRows} testId="import-errors" />
        </KpiGrid>
        <Link href={back.href} className={buttonClass(done ? "primary" : "secondary")}>{back.label}</Link>
      </div>
    </Card>
  );
}

type TErrorPage = { items: { rowNumber: number; errors: { field: string; key: string }[] }[]; total: number; page: number; pageCount: number; pageSize: number };

/** The rows refused, a page at a time: row number and every problem, named by its column; the whole list as a workbook. */
export async function ImportErrorRows({ jobId, errors, ns, reportHref, basePath }: { jobId: string; errors: TErrorPage; ns: TImportNamespace; reportHref: string; basePath: string }) {
  const t = await lookup(ns);
  return (
    <section aria-labelledby="import-errors-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="import-errors-title" className="text-base font-semibold text-slate-900">{t("job.errorsTitle")}</h2>
        {errors.total ? <ImportErrorReportLink jobId={jobId} href={reportHref} /> : null}
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
                <li key={`${e.field}:${e.key}`}>{t("job.fieldMessage", { field: t(`columns.${e.field}`), message: t(e.key.replace(`${ns}.`, "")) })}</li>
              ))}
            </ul>,
          ],
        }))}
      />
      {errors.items.length ? <ListPagination result={errors} basePath={basePath} params={{}} /> : null}
    </section>
  );
}
