import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { publicDistricts } from "@/server/agencies/application-queries";
import { ApplicationForm } from "@/features/agencies/components/application-form";
import { ApplicationSteps } from "@/features/agencies/components/application-steps";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("apply.title") };
}

// The public application to register a social-work agency (机构准入): no sign-in.
export default async function ApplyPage() {
  const [t, locale, districts] = await Promise.all([getTranslations("agencyApplications"), getLocale(), publicDistricts()]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("apply.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("apply.intro")}</p>
      <p className="mt-2 text-sm">
        <Link href="/public/agencies/status" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {t("apply.statusLink")}
        </Link>
      </p>
      <div className="mt-6">
        <ApplicationSteps />
      </div>
      <div className="mt-6">
        <ApplicationForm districts={districts.map((d) => ({ id: d.id, label: localName(d, locale) }))} today={todayInCityIso()} />
      </div>
    </div>
  );
}
