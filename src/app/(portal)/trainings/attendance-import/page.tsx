import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listAttendanceImports } from "@/server/trainings/attendance-import/queries";
import { programmeFormOptions } from "@/server/trainings/queries";
import { scopeOf } from "@/domain/authz/matrix";
import { momentFormatter } from "@/domain/common/day-format";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { AttendanceUploadForm } from "@/features/trainings/components/attendance-upload";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings.import");
  return { title: t("title") };
}

/** Attendance from Excel, on the staff import's machinery: template, upload, preview, run with progress. */
export default async function AttendanceImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainings.attendance");
  const sp = await searchParams;
  const city = scopeOf(user.role, "trainings.attendance") === "city";
  const [t, tAll, locale, format, jobs, options] = await Promise.all([getTranslations("trainings"), getTranslations(), getLocale(), getFormatter(), listAttendanceImports(user, parsePage(sp.page)), city ? programmeFormOptions(user) : Promise.resolve(null)]);
  const moment = momentFormatter(format);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/trainings">{t("title")}</Breadcrumb>
        <PageHeader
          title={t("import.title")}
          description={t("import.description")}
          actions={<a href="/api/trainings/attendance-import/template" className={buttonClass("secondary")} download>{t("import.downloadTemplate")}</a>}
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
        <AttendanceUploadForm providers={options ? options.providers.map((p) => ({ id: p.id, label: localName(p, locale) })) : []} />
      </Card>
      <Card title={t("import.history")}>
        <DataTable
          caption={t("import.history")}
          empty={<p className="text-sm text-slate-600">{t("import.noHistory")}</p>}
          columns={[{ label: t("import.file") }, ...(city ? [{ label: t("import.provider") }] : []), { label: t("import.uploaded") }, { label: t("import.job.rows"), numeric: true }, { label: t("import.status") }]}
          rows={jobs.items.map((j) => ({
            key: j.id,
            testId: "attendance-import-job",
            cells: [
              <Link key="f" href={`/trainings/attendance-import/${j.id}`} className="text-brand-700 hover:underline">{j.originalName}</Link>,
              ...(city ? [localName(j.organization, locale)] : []),
              moment(j.createdAt),
              j.totalRows,
              <ImportStatusBadge key="s" status={j.status} />,
            ],
          }))}
        />
        {jobs.total > jobs.pageSize ? <ListPagination result={jobs} basePath="/trainings/attendance-import" params={{}} /> : null}
      </Card>
      <p className="text-xs text-slate-500">{tAll("trainings.import.privacy")}</p>
    </div>
  );
}
