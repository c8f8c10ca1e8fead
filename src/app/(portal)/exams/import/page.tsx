import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { canImportSittings } from "@/server/exams/scope";
import { listExamImports } from "@/server/exams/import/queries";
import { momentFormatter } from "@/domain/common/day-format";
import { parsePage } from "@/lib/pagination";
import { ExamUploadForm } from "@/features/exams/components/exam-upload";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exams.import");
  return { title: t("title") };
}

/** Exam sittings from Excel, on the staff import's machinery: template, upload, preview, run with progress. */
export default async function ExamImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("exams.record");
  if (!canImportSittings(user)) forbidden();
  const sp = await searchParams;
  const [t, format, jobs] = await Promise.all([getTranslations("exams"), getFormatter(), listExamImports(user, parsePage(sp.page))]);
  const moment = momentFormatter(format);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("import.breadcrumb")} href="/exams">{t("title")}</Breadcrumb>
        <PageHeader
          title={t("import.title")}
          description={t("import.description")}
          actions={<a href="/api/exams/import/template" className={buttonClass("secondary")} download data-testid="exam-template">{t("import.downloadTemplate")}</a>}
        />
        {sp.discarded ? <Notice tone="success">{t("import.discarded")}</Notice> : null}
      </div>
      <Card title={t("import.uploadTitle")}>
        <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("import.steps.template")}</li>
          <li>{t("import.steps.upload")}</li>
          <li>{t("import.steps.preview")}</li>
          <li>{t("import.steps.run")}</li>
        </ol>
        <ExamUploadForm />
      </Card>
      <Card title={t("import.history")}>
        <DataTable
          caption={t("import.history")}
          empty={<p className="text-sm text-slate-600">{t("import.noHistory")}</p>}
          columns={[{ label: t("import.fileName") }, { label: t("import.uploaded") }, { label: t("import.job.rows"), numeric: true }, { label: t("import.status") }]}
          rows={jobs.items.map((j) => ({
            key: j.id,
            testId: "exam-import-job",
            cells: [
              <Link key="f" href={`/exams/import/${j.id}`} className="text-brand-700 hover:underline">{j.originalName}</Link>,
              moment(j.createdAt),
              j.totalRows,
              <ImportStatusBadge key="s" status={j.status} />,
            ],
          }))}
        />
        {jobs.total > jobs.pageSize ? <ListPagination result={jobs} basePath="/exams/import" params={{}} /> : null}
      </Card>
      <p className="text-xs text-slate-500">{t("import.privacy")}</p>
    </div>
  );
}
