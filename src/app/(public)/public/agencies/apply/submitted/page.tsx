import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isReference } from "@/domain/agencies/application-rules";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("submitted.title") };
}

// After a submission or an amendment: the reference number to quote, and what happens next.
// The reference comes from the URL and is only shown (it reveals nothing and changes nothing).
export default async function SubmittedPage({ searchParams }: { searchParams: Promise<{ ref?: string | string[]; amended?: string }> }) {
  const sp = await searchParams;
  const t = await getTranslations("agencyApplications");
  const ref = typeof sp.ref === "string" && isReference(sp.ref) ? sp.ref : null;
  const amended = sp.amended === "1";
  return (
    <div className="mx-auto max-w-xl">
      <div className="rounded-xl border border-emerald-200 bg-white p-6 text-center shadow-sm sm:p-8" data-testid="application-submitted">
        <span aria-hidden className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-700">✓</span>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{amended ? t("submitted.amendedTitle") : t("submitted.title")}</h1>
        {ref ? (
          <>
            <p className="mt-4 text-sm text-slate-600">{t("submitted.referenceLabel")}</p>
            <p className="mt-1 font-mono text-2xl font-semibold tracking-wide text-brand-800" data-testid="application-reference">{ref}</p>
          </>
        ) : null}
        <p className="mt-4 text-sm text-slate-700">{amended ? t("submitted.amendedBody") : t("submitted.body")}</p>
        <p className="mt-2 text-xs text-slate-500">{t("submitted.keepReference")}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          <Link href={ref ? `/public/agencies/status?ref=${encodeURIComponent(ref)}` : "/public/agencies/status"} className={buttonClass("primary")} data-testid="status-link">
            {t("submitted.statusLink")}
          </Link>
          <Link href="/public" className={buttonClass("secondary")}>{t("submitted.backToPublic")}</Link>
        </div>
      </div>
    </div>
  );
}
