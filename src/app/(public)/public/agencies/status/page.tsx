import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApplicationStatusLookup } from "@/features/agencies/components/application-status-lookup";
import { normaliseReference } from "@/domain/agencies/application-rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications.status");
  return { title: t("title") };
}

// The public status page of an agency application (issue 11, item 10): no sign-in; the reference
// and the contact e-mail together open it. `ref` (from the e-mails and the confirmation page) only
// fills in the reference; nothing is looked up until the applicant submits the form.
export default async function ApplicationStatusPage({ searchParams }: { searchParams: Promise<{ ref?: string | string[] }> }) {
  const sp = await searchParams;
  const t = await getTranslations("agencyApplications.status");
  const ref = typeof sp.ref === "string" ? (normaliseReference(sp.ref.slice(0, 60)) ?? "") : "";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <ApplicationStatusLookup reference={ref} />
      <p className="mt-8 text-sm">
        <Link href="/public/agencies/apply" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {t("applyLink")}
        </Link>
      </p>
    </div>
  );
}
