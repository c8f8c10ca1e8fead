import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { findPublicProfile } from "@/server/public-register/queries";
import { localName } from "@/i18n/local-name";
import { StatusBadge } from "@/features/public-register/components/status-badge";
import { dayFormatter } from "@/domain/common/day-format";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { CountingExplanation } from "@/features/practitioners/components/counting-explanation";

// Personal pages are reached by QR code, not by search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicRegister");
  return { title: t("profile.title"), robots: { index: false, follow: false } };
}

/** What a practitioner's QR code opens. Not counted now, or unknown: the same "not found". */
export default async function PublicProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const profile = await findPublicProfile(id);
  if (!profile) notFound();
  const [t, tEnums, tCommon, format, locale] = await Promise.all([getTranslations("publicRegister"), getTranslations("enums"), getTranslations("common"), getFormatter(), getLocale()]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("profile.title")}</h1>
      <article data-testid="public-profile" className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-medium text-slate-500">{t("fields.name")}</p>
            <p className="text-2xl font-semibold text-slate-900">{profile.name}</p>
          </div>
          <StatusBadge status="valid" label={t("status.valid")} size="lg" />
        </div>
        <p className="mt-3 text-sm text-emerald-900">{t("profile.verified")}</p>
        <div className="mt-1">
          <CountingExplanation variant="public" counting={profile.counting} />
        </div>
        <DescriptionList className="mt-4 grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <DescriptionItem plain label={t("fields.qualificationLevel")}>{tEnums(`qualificationLevel.${profile.qualificationLevel}`)}</DescriptionItem>
          <DescriptionItem plain label={t("fields.district")}>{profile.district ? localName(profile.district, locale) : t("fields.unknownDistrict")}</DescriptionItem>
        </DescriptionList>
        <h2 className="mt-6 text-base font-semibold text-slate-900">{t("profile.certificates")}</h2>
        {profile.certificates.length ? (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {profile.certificates.map((c, i) => (
              <li key={i} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <span className="font-medium text-slate-900">{tEnums(`qualificationLevel.${c.qualificationLevel}`)}</span>
                <span className="flex items-center gap-3 text-slate-700">
                  <span className="font-mono text-slate-600">{c.number}</span>
                  <span data-field="registration" data-registration={c.registration?.status ?? "none"}>
                    {tCommon("labelled", {
                      label: t("fields.registration"),
                      value: c.registration
                        ? t(c.registration.status === "current" ? "fields.registrationCurrent" : "fields.registrationLapsed", { date: dayFormatter(format)(c.registration.periodEnd) })
                        : t("fields.notRegistered"),
                    })}
                  </span>
                  <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("profile.noCertificates")}</p>
        )}
      </article>
    </div>
  );
}
