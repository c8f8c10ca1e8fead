import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listImports } from "@/server/staff-import/queries";
import { parsePage } from "@/lib/pagination";
import { UploadForm } from "@/features/staff/components/upload-form";
import { ImportHistory } from "@/features/staff/components/import-history";
import { Card, Notice, PageHeader } from "@/components/ui/card";
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
  const [t, result] = await Promise.all([getTranslations(), listImports(user, page)]);
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

      <ImportHistory result={result} />
    </div>
  );
}
