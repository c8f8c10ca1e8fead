import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { eCertificate } from "@/server/public-register/certificate";
import { ECertificate } from "@/features/public-register/components/e-certificate";
import { PrintButton } from "@/features/public-register/components/print-button";
import { CountingExplanation } from "@/features/practitioners/components/counting-explanation";
import { buttonClass } from "@/components/ui/button";

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
  await requirePermission("practitioners.read");
  const { id } = await params;
  // eCertificate checks the caller against this practitioner (an audited 403 outside the scope).
  const cert = await eCertificate(id);
  if (!cert) notFound();
  const t = await getTranslations("publicRegister.certificate");
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <div className="flex gap-2">
          {/* A practitioner's own certificate belongs to My profile (the register's page is not in their menu). */}
          <Link href={cert.own ? "/me" : `/practitioners/${cert.id}`} className={buttonClass("secondary")}>
            {t("back")}
          </Link>
          {cert.isQualified ? <PrintButton label={t("print")} /> : null}
        </div>
      </div>
      {cert.isQualified ? (
        <ECertificate cert={cert} />
      ) : (
        <div role="status" data-testid="certificate-not-counted" className="rounded-lg border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-950">
          <p className="font-semibold">{t("notCountedTitle")}</p>
          <p className="mt-1">{t("notCountedBody")}</p>
          <div className="mt-3 rounded-md bg-white p-3 text-slate-900">
            <CountingExplanation variant="full" counting={cert.counting} self={cert.own} />
          </div>
        </div>
      )}
    </div>
  );
}
