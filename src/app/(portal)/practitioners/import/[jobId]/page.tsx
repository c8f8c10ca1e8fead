import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getImport, importErrors, importProgress } from "@/server/staff-import/queries";
import { parsePage } from "@/lib/pagination";
import { ImportProgress } from "@/features/staff/components/import-progress";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { ImportPreviewCard } from "@/features/staff/components/import-preview-card";
import { ImportResultCard } from "@/features/staff/components/import-result-card";
import { ImportErrorRows } from "@/features/staff/components/import-error-rows";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { momentFormatter } from "@/domain/common/day-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.import");
  return { title: t("job.title") };
}

export default async function ImportJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("staff.import");
  const [{ jobId }, sp] = await Promise.all([params, searchParams]);
  const job = await getImport(user, jobId);
  if (!job) notFound();
  const [t, format, errors, progress] = await Promise.all([getTranslations(), getFormatter(), job.errorRows > 0 ? importErrors(user, jobId, parsePage(sp.page)) : null, importProgress(user, jobId)]);
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/practitioners/import">{t("staff.import.title")}</Breadcrumb>
        <PageHeader
          title={job.originalName}
          description={t("staff.import.job.uploaded", { date: momentFormatter(format)(job.createdAt) })}
          // While it runs, the progress card below is the live status (this badge would go stale).
          actions={running ? undefined : <ImportStatusBadge status={job.status} />}
        />
      </div>
      {job.status === "PREVIEW" ? <ImportPreviewCard job={job} /> : null}
      {running ? (
        <Card title={t("staff.import.job.runningTitle")}>
          <ImportProgress jobId={job.id} initial={progress!} />
        </Card>
      ) : null}
      {job.status === "DONE" || job.status === "FAILED" ? <ImportResultCard job={job} progress={progress} /> : null}
      {job.status === "CANCELLED" ? <Notice tone="info">{t("staff.import.job.cancelled")}</Notice> : null}
      {errors && job.status !== "CANCELLED" ? <ImportErrorRows jobId={job.id} errors={errors} /> : null}
    </div>
  );
}
