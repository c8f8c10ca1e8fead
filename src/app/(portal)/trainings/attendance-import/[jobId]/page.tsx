import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { attendanceImportErrors, attendanceImportProgress, getAttendanceImport } from "@/server/trainings/attendance-import/queries";
import { parsePage } from "@/lib/pagination";
import { momentFormatter } from "@/domain/common/day-format";
import { ImportProgress } from "@/features/staff/components/import-progress";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { ImportErrorRows, ImportPreviewCard, ImportResultCard } from "@/features/imports/components/import-cards";
import { discardAttendanceImportAction, startAttendanceImportAction } from "@/features/trainings/actions";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings.import");
  return { title: t("job.title") };
}

export default async function AttendanceImportJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainings.attendance");
  const [{ jobId }, sp] = await Promise.all([params, searchParams]);
  const job = await getAttendanceImport(user, jobId);
  if (!job) notFound();
  const [t, format, errors, progress] = await Promise.all([getTranslations("trainings.import"), getFormatter(), job.errorRows > 0 ? attendanceImportErrors(user, jobId, parsePage(sp.page)) : null, attendanceImportProgress(user, jobId)]);
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/trainings/attendance-import">{t("title")}</Breadcrumb>
        <PageHeader title={job.originalName} description={t("job.uploaded", { date: momentFormatter(format)(job.createdAt) })} actions={running ? undefined : <ImportStatusBadge status={job.status} />} />
      </div>
      {job.status === "PREVIEW" ? <ImportPreviewCard job={job} ns="trainings.import" start={startAttendanceImportAction} discard={discardAttendanceImportAction} /> : null}
      {running ? (
        <Card title={t("job.runningTitle")}>
          <ImportProgress jobId={job.id} initial={progress!} progressUrl={`/api/trainings/attendance-import/${encodeURIComponent(job.id)}/progress`} counts="marks" />
        </Card>
      ) : null}
      {job.status === "DONE" || job.status === "FAILED" ? <ImportResultCard job={job} progress={progress} ns="trainings.import" back={{ href: "/trainings", label: t("job.toProgrammes") }} /> : null}
      {job.status === "CANCELLED" ? <Notice tone="info">{t("job.cancelled")}</Notice> : null}
      {errors && job.status !== "CANCELLED" ? <ImportErrorRows jobId={job.id} errors={errors} ns="trainings.import" reportHref={`/api/trainings/attendance-import/${encodeURIComponent(job.id)}/errors`} basePath={`/trainings/attendance-import/${job.id}`} /> : null}
    </div>
  );
}
