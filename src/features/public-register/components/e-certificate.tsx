import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TECertificate } from "@/server/public-register/certificate";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { BrandMark } from "@/components/brand";
import { DataTable } from "@/components/ui/data-table";
import { QrCode } from "./qr-code";
import { StatusBadge } from "./status-badge";

/** The printable e-certificate of a qualified practitioner: who, at which level, their public certificates, and the QR code to verify it. */
export async function ECertificate({ cert }: { cert: TECertificate }) {
  const [t, tApp, tEnums, tCommon, format, locale] = await Promise.all([getTranslations("publicRegister"), getTranslations("app"), getTranslations("enums"), getTranslations("common"), getFormatter(), getLocale()]);
  const day = dayFormatter(format);
  const fact = (label: string, value: string, { big, field }: { big?: boolean; field?: string } = {}) => (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className={big ? "text-lg font-semibold text-slate-900" : "text-slate-900"} data-field={field}>
        {value}
      </dd>
    </div>
  );
  return (
    <article id="e-certificate" data-testid="e-certificate" aria-labelledby="e-certificate-title" className="mx-auto max-w-[210mm] rounded-lg border border-slate-300 bg-white p-6 shadow-sm sm:p-10">
      <div className="flex items-center gap-3 border-b-2 border-brand-700 pb-4 text-brand-800">
        <BrandMark className="h-12 w-12" />
        <div className="leading-tight">
          <p className="text-sm font-medium">{tApp("owner")}</p>
          <p className="text-xs text-slate-600">{tApp("name")}</p>
        </div>
      </div>
      <h2 id="e-certificate-title" className="mt-6 text-center text-2xl font-bold tracking-wide text-slate-900 sm:text-3xl">
        {t("certificate.heading")}
      </h2>
      <p className="mx-auto mt-3 max-w-xl text-center text-sm text-slate-700">{t("certificate.statement")}</p>

      <div className="mt-8 flex flex-col gap-6 sm:flex-row sm:items-start print:flex-row">
        <dl className="grid flex-1 grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 print:grid-cols-2">
          {fact(t("certificate.holder"), cert.name, { big: true, field: "name" })}
          {fact(t("certificate.level"), tEnums(`qualificationLevel.${cert.qualificationLevel}`), { big: true })}
          {fact(t("certificate.employer"), cert.employer ? localName(cert.employer, locale) : "—")}
          {fact(t("certificate.district"), cert.district ? localName(cert.district, locale) : "—")}
          {fact(t("certificate.qualifiedSince"), cert.qualifiedSince ? day(cert.qualifiedSince) : "—")}
        </dl>
        {cert.svg ? (
          <div className="flex flex-col items-center text-center">
            <QrCode svg={cert.svg} label={t("qr.imageLabel", { name: cert.name })} className="h-36 w-36 border border-slate-200 p-1 [&>svg]:h-full [&>svg]:w-full" />
            <p className="mt-1 text-xs font-medium text-slate-700">{t("certificate.scan")}</p>
          </div>
        ) : null}
      </div>

      <h3 className="mt-8 text-base font-semibold text-slate-900">{t("certificate.certificates")}</h3>
      {cert.certificates.length ? (
        <div className="mt-2">
          {/* The portal's table: on a phone each certificate is a card, so nothing is cut off. */}
          <DataTable
            caption={t("certificate.certificates")}
            columns={[
              { label: t("certificate.kind") },
              { label: t("certificate.number") },
              { label: t("certificate.authority") },
              { label: t("certificate.issueDate"), className: "whitespace-nowrap" },
              { label: t("certificate.registration") },
              { label: t("certificate.status") },
            ]}
            rows={cert.certificates.map((c) => ({
              key: `${c.kind}-${c.number}`,
              testId: "e-certificate-row",
              cells: [
                tEnums(`credentialKind.${c.kind}`),
                <span key="number" className="font-mono" data-field="certificateNumber">{c.number}</span>,
                c.issuingAuthority,
                day(c.issueDate),
                c.registration ? (
                  <>
                    <span className="block font-mono text-xs">{c.registrationNumber}</span>
                    {t(c.registration.status === "current" ? "fields.registrationCurrent" : "fields.registrationLapsed", { date: day(c.registration.periodEnd) })}
                  </>
                ) : (
                  t("fields.notRegistered")
                ),
                <StatusBadge key="status" status={c.status} label={t(`status.${c.status}`)} />,
              ],
            }))}
          />
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("certificate.noCertificates")}</p>
      )}

      <div className="mt-10 flex flex-col gap-1 border-t border-slate-200 pt-4 text-xs text-slate-600 sm:flex-row sm:justify-between">
        <p>
          {t("certificate.verifyAt")}
          {tCommon("colon")}
          <span className="break-all font-mono">{cert.url}</span>
        </p>
        <p>{t("certificate.generatedOn", { date: day(todayInCityIso()) })}</p>
      </div>
    </article>
  );
}
