import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listImports } from "@/server/staff-import/queries";
import { parsePage } from "@/lib/pagination";
import { UploadForm } from "@/features/staff/components/upload-form";
import { ImportStatusBadge } from "@/features/staff/components/import-status-badge";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.import");
  return { title: t("title") };
}

export default async function StaffImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("staff.import");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, format, result] = await Promise.all([getTranslations(), getFormatter(), listImports(user, page)]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/practitioners">{t("practitioners.title")}</Breadcrumb>
        <PageHeader
          title={t("staff.import.title")}
          description={t("staff.import.description")}
          actions={
            <a href="/api/staff-import/template" className={buttonClass("secondary")} download>
              {t("staff.import.downloadTemplate")}
            </a>
          }
        />
        {sp.discarded ? <Notice tone="success">{t("staff.import.notices.discarded")}</Notice> : null}
      </div>

      <Card title={t("staff.import.upload.title")}>
        <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("staff.import.steps.template")}</li>
          <li>{t("staff.import.steps.upload")}</li>
          <li>{t("staff.import.steps.preview")}</li>
          <li>{t("staff.import.steps.run")}</li>
        </ol>
        <UploadForm />
      </Card>

      <section aria-labelledby="import-history-title" className="space-y-3">
        <h2 id="import-history-title" className="text-base font-semibold text-slate-900">{t("staff.import.history.title")}</h2>
        {result.items.length === 0 ? (
          <EmptyState title={t("staff.import.history.empty")} />
        ) : (
          <>
            <Table caption={t("staff.import.history.title")}>
              <thead>
                <tr>
                  <Th>{t("staff.import.history.columns.file")}</Th>
                  <Th>{t("staff.import.history.columns.uploaded")}</Th>
                  <Th>{t("staff.import.history.columns.status")}</Th>
                  <Th>{t("staff.import.history.columns.rows")}</Th>
                  <Th>{t("staff.import.history.columns.outcome")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((j) => (
                  <tr key={j.id}>
                    <Td>
                      <Link href={`/practitioners/import/${j.id}`} className="font-medium text-brand-700 hover:underline">{j.originalName}</Link>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">{format.dateTime(j.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                    <Td><ImportStatusBadge status={j.status} /></Td>
                    <Td className="whitespace-nowrap">{t("staff.import.history.rows", { total: j.totalRows, errors: j.errorRows })}</Td>
                    <Td className="whitespace-nowrap text-slate-600">
                      {j.status === "DONE" || j.status === "RUNNING" || j.status === "FAILED"
                        ? t("staff.import.history.outcome", { created: j.createdCount, updated: j.updatedCount, unchanged: j.unchangedCount })
                        : "—"}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <ListPagination result={result} basePath="/practitioners/import" params={{}} />
          </>
        )}
      </section>
    </div>
  );
}
