import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { qrCardFor } from "@/server/public-register/certificate";
import { buttonClass } from "@/components/ui/button";
import { QrCode } from "./qr-code";

/**
 * The QR code to a counted practitioner's public verification page, with a link to the printable
 * e-certificate. Renders nothing for a viewer who may not read this practitioner; for someone who
 * does not count now, a short note instead.
 */
export async function PublicQrCard({ practitionerId }: { practitionerId: string }) {
  const card = await qrCardFor(practitionerId);
  if (!card) return null;
  const t = await getTranslations("publicRegister");
  return (
    <section aria-labelledby={`qr-${card.practitionerId}`} data-testid="public-qr-card" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-5 py-3">
        <h2 id={`qr-${card.practitionerId}`} className="text-base font-semibold text-slate-900">
          {t("qr.title")}
        </h2>
      </header>
      <div className="p-5">
        {card.svg ? (
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
            <QrCode svg={card.svg} label={t("qr.imageLabelGeneric")} className="h-36 w-36 shrink-0 rounded border border-slate-200 bg-white p-1 [&>svg]:h-full [&>svg]:w-full" />
            <div className="space-y-3 text-sm">
              <p className="text-slate-600">{t("qr.hint")}</p>
              <p className="break-all font-mono text-xs text-slate-500">{card.url}</p>
              <div className="flex flex-wrap gap-2">
                <Link href={`/practitioners/${card.practitionerId}/certificate`} className={buttonClass("primary", "sm")}>
                  {t("qr.printCertificate")}
                </Link>
                <a href={card.url} className={buttonClass("secondary", "sm")}>
                  {t("qr.openPublic")}
                </a>
              </div>
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="public-qr-not-counted">
            {t("qr.notCounted")}
          </p>
        )}
      </div>
    </section>
  );
}
