import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { canImportSittings } from "@/server/exams/scope";
import { examImportErrors, examImportProgress, getExamImport } from "@/server/exams/import/queries";
import { parsePage } from "@/lib/pagination";
import { momentFormatter } from "@/domain/common/day-format";
import { ImportProgress } from "@/features/staff/components/import-progress";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { ImportErrorRows, ImportPreviewCard, ImportResultCard } from "@/features/imports/components/import-cards";
import { discardExamImportAction, startExamImportAction } from "@/features/exams/actions";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exams.import");
  return { title: t("job.title") };
}

export default async function ExamImportJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("exams.record");
  if (!canImportSittings(user)) forbidden();
  const [{ jobId }, sp] = await Promise.all([params, searchParams]);
  const job = await getExamImport(user, jobId);
  if (!job) notFound();
  const [t, format, errors, progress] = await Promise.all([getTranslations("exams.import"), getFormatter(), job.errorRows > 0 ? examImportErrors(user, jobId, parsePage(sp.page)) : null, examImportProgress(user, jobId)]);
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/exams/import">{t("title")}</Breadcrumb>
        <PageHeader title={job.originalName} description={t("job.uploaded", { date: momentFormatter(format)(job.createdAt) })} actions={running ? undefined : <ImportStatusBadge status={job.status} />} />
      </div>
      {job.status === "PREVIEW" ? <ImportPreviewCard job={job} ns="exams.import" start={startExamImportAction} discard={discardExamImportAction} /> : null}
      {running ? (
        <Card title={t("job.runningTitle")}>
          <ImportProgress jobId={job.id} initial={progress!} progressUrl={`/api/exams/import/${encodeURIComponent(job.id)}/progress`} />
        </Card>
      ) : null}
      {job.status === "DONE" || job.status === "FAILED" ? <ImportResultCard job={job} progress={progress} ns="exams.import" back={{ href: "/exams", label: t("job.toList") }} /> : null}
      {job.status === "CANCELLED" ? <Notice tone="info">{t("job.cancelled")}</Notice> : null}
      {errors && job.status !== "CANCELLED" ? <ImportErrorRows jobId={job.id} errors={errors} ns="exams.import" reportHref={`/api/exams/import/${encodeURIComponent(job.id)}/errors`} basePath={`/exams/import/${job.id}`} /> : null}
    </div>
  );
}
