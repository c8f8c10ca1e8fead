import { getFormatter, getTranslations } from "next-intl/server";
import type { TApplicationDetail } from "@/server/agencies/application-queries";
import { Badge, Card } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { isInlineViewable } from "@/lib/download";
import { ScanViewer } from "@/components/ui/scan-viewer";

const LOCALE_LABEL = { zh_Hans: "简体中文", zh_Hant: "繁體中文", en: "English" } as const;

/** Everything the applicant filed, and the certificate scan (viewed in the page or downloaded, through the authorised routes). */
export async function ApplicationParticulars({ app, district }: { app: TApplicationDetail; district: string }) {
  const [t, ta, format] = await Promise.all([getTranslations(), getTranslations("agencyApplications"), getFormatter()]);
  const day = dayFormatter(format);
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
  return (
    <>
      <Card title={ta("detail.particulars")}>
        <DescriptionList className="gap-x-6 gap-y-4 sm:grid-cols-2">
          <DescriptionItem label={ta("fields.name")} wide>{app.name}</DescriptionItem>
          <DescriptionItem label={ta("fields.creditCode")}>
            <span className="font-mono tracking-wide">{app.creditCode}</span>
          </DescriptionItem>
          <DescriptionItem label={ta("fields.legalRepresentative")}>{app.legalRepresentative}</DescriptionItem>
          <DescriptionItem label={ta("fields.district")}>{district}</DescriptionItem>
          <DescriptionItem label={ta("fields.foundedOn")}>{day(app.foundedOn)}</DescriptionItem>
          <DescriptionItem label={ta("fields.address")} wide>{app.address}</DescriptionItem>
          <DescriptionItem label={ta("detail.kind")}>{app.isPrivate ? ta("detail.private") : ta("detail.notPrivate")}</DescriptionItem>
          <DescriptionItem label={ta("detail.submittedAt")}>{momentFormatter(format)(app.submittedAt)}</DescriptionItem>
          <DescriptionItem label={ta("fields.serviceAreas")} wide>
            <span className="flex flex-wrap gap-1.5">
              {app.serviceAreas.map((f) => (
                <Badge key={f} tone="blue">{t(`enums.practiceField.${f}`)}</Badge>
              ))}
            </span>
          </DescriptionItem>
          <DescriptionItem label={ta("fields.targetGroups")} wide>
            {app.targetGroups.length ? (
              <span className="flex flex-wrap gap-1.5">
                {app.targetGroups.map((g) => (
                  <Badge key={g}>{t(`enums.targetGroup.${g}`)}</Badge>
                ))}
              </span>
            ) : (
              "—"
            )}
          </DescriptionItem>
        </DescriptionList>
      </Card>
      <Card title={ta("detail.contact")}>
        <DescriptionList className="gap-x-6 gap-y-4 sm:grid-cols-2">
          <DescriptionItem label={ta("fields.contactName")}>{app.contactName}</DescriptionItem>
          <DescriptionItem label={ta("fields.contactPhone")}>{app.contactPhone}</DescriptionItem>
          <DescriptionItem label={ta("fields.contactEmail")}>
            <span className="break-all">{app.contactEmail}</span>
          </DescriptionItem>
          <DescriptionItem label={ta("detail.language")}>{app.locale ? LOCALE_LABEL[app.locale] : "—"}</DescriptionItem>
        </DescriptionList>
        <p className="mt-4 text-xs text-slate-500">{ta("detail.contactNote")}</p>
      </Card>
      <Card title={ta("detail.registrationScan")}>
        {app.registrationScanFile ? (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900">{app.registrationScanFile.originalName}</p>
              <p className="text-xs text-slate-500">
                {app.registrationScanFile.mimeType === "application/pdf" ? "PDF" : app.registrationScanFile.mimeType === "image/png" ? "PNG" : "JPEG"} · {size(app.registrationScanFile.size)}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              {isInlineViewable(app.registrationScanFile.mimeType) ? (
                <ScanViewer
                  src={`/api/agency-applications/${app.id}/registration-scan/inline`}
                  downloadHref={`/api/agency-applications/${app.id}/registration-scan`}
                  mimeType={app.registrationScanFile.mimeType}
                  title={`${ta("detail.registrationScan")} · ${app.reference}`}
                  testId="registration-scan-viewer"
                />
              ) : null}
              <a href={`/api/agency-applications/${app.id}/registration-scan`} className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="registration-scan-download">
                {ta("detail.download")}
              </a>
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{ta("detail.noRegistrationScan")}</p>
        )}
      </Card>
    </>
  );
}
