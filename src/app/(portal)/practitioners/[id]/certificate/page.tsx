import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { eCertificate } from "@/server/public-register/certificate";
import { localName } from "@/i18n/local-name";
import { shanghaiToday } from "@/domain/public-register/rules";
import { buttonClass } from "@/components/ui/button";
import { BrandMark } from "@/components/brand";
import { StatusBadge } from "@/features/public-register/components/status-badge";
import { PrintButton } from "@/features/public-register/components/print-button";
import { QrCode } from "@/features/public-register/components/qr-code";
import { DAY_FORMAT, dayInstant } from "@/domain/common/day-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicRegister");
  return { title: t("certificate.title") };
}

// Printing shows the certificate alone on one A4 page: the portal's header, navigation and footer
// are hidden, and the certificate is laid out from the page's top-left corner.
const PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 14mm; }
  html, body { background: #fff !important; }
  body header, body aside, body footer, body nav, a[href="#main"] { display: none !important; }
  body * { visibility: hidden; }
  #e-certificate, #e-certificate * { visibility: visible; }
  #e-certificate { position: absolute; left: 0; top: 0; width: 100%; max-width: none; margin: 0; border: 0; box-shadow: none; padding: 0; }
}`;

export default async function ECertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cert = await eCertificate(id);
  if (!cert) notFound();
  const [t, tApp, tEnums, format, locale] = await Promise.all([getTranslations("publicRegister"), getTranslations("app"), getTranslations("enums"), getFormatter(), getLocale()]);
  const day = (iso: string | null) => (iso ? format.dateTime(dayInstant(iso), DAY_FORMAT) : t("fields.noEndDate"));

  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("certificate.title")}</h1>
        <div className="flex gap-2">
          <Link href={id === "me" ? "/me" : `/practitioners/${cert.id}`} className={buttonClass("secondary")}>
            {t("certificate.back")}
          </Link>
          {cert.isQualified ? <PrintButton label={t("certificate.print")} /> : null}
        </div>
      </div>

      {!cert.isQualified ? (
        <div role="status" data-testid="certificate-not-counted" className="rounded-lg border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-950">
          <p className="font-semibold">{t("certificate.notCountedTitle")}</p>
          <p className="mt-1">{t("certificate.notCountedBody")}</p>
        </div>
      ) : (
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
              <div>
                <dt className="text-slate-500">{t("certificate.holder")}</dt>
                <dd className="text-lg font-semibold text-slate-900" data-field="name">
                  {cert.name}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("certificate.level")}</dt>
                <dd className="text-lg font-semibold text-slate-900">{tEnums(`qualificationLevel.${cert.qualificationLevel}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("certificate.employer")}</dt>
                <dd className="text-slate-900">{cert.employer ? localName(cert.employer, locale) : "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("certificate.district")}</dt>
                <dd className="text-slate-900">{cert.district ? localName(cert.district, locale) : "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("certificate.qualifiedSince")}</dt>
                <dd className="text-slate-900">{cert.qualifiedSince ? day(cert.qualifiedSince) : "—"}</dd>
              </div>
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
            <div className="mt-2 overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">{t("certificate.certificates")}</caption>
                <thead className="border-b border-slate-300 text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-semibold">{t("certificate.kind")}</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">{t("certificate.number")}</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">{t("certificate.authority")}</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">{t("certificate.issueDate")}</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">{t("certificate.validUntil")}</th>
                    <th scope="col" className="py-2 font-semibold">{t("certificate.status")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {cert.certificates.map((c) => (
                    <tr key={`${c.kind}-${c.number}`} data-testid="e-certificate-row">
                      <td className="py-2 pr-3">{tEnums(`credentialKind.${c.kind}`)}</td>
                      <td className="py-2 pr-3 font-mono" data-field="certificateNumber">
                        {c.number}
                      </td>
                      <td className="py-2 pr-3">{c.issuingAuthority}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{day(c.issueDate)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{day(c.validUntil)}</td>
                      <td className="py-2">
                        <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("certificate.noCertificates")}</p>
          )}

          <div className="mt-10 flex flex-col gap-1 border-t border-slate-200 pt-4 text-xs text-slate-600 sm:flex-row sm:justify-between">
            <p>
              {t("certificate.verifyAt")}: <span className="break-all font-mono">{cert.url}</span>
            </p>
            <p>{t("certificate.generatedOn", { date: day(shanghaiToday()) })}</p>
          </div>
        </article>
      )}
    </div>
  );
}
