import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { applicationForAmendment } from "@/server/agencies/application-mutations";
import { publicDistricts } from "@/server/agencies/application-queries";
import { ApplicationForm } from "@/features/agencies/components/application-form";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { buttonClass } from "@/components/ui/button";
import { momentFormatter } from "@/domain/common/day-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("amend.title") };
}

// Behind the one-time link e-mailed with a returned application: the reviewer's reason and the
// application prefilled. A wrong, used or expired link shows a friendly page and changes nothing.
export default async function AmendPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const [t, tEnums, locale, format] = await Promise.all([getTranslations("agencyApplications"), getTranslations("enums"), getLocale(), getFormatter()]);
  const app = typeof token === "string" ? await applicationForAmendment(token) : null;
  if (!app || typeof token !== "string") {
    return (
      <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8" data-testid="amend-invalid">
        <h1 className="text-xl font-semibold text-slate-900">{t("amend.invalidTitle")}</h1>
        <p className="mt-3 text-sm text-slate-600">{t("amend.invalidBody")}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          <Link href="/public/agencies/apply" className={buttonClass("primary")}>{t("amend.newApplication")}</Link>
          <Link href="/public" className={buttonClass("secondary")}>{t("submitted.backToPublic")}</Link>
        </div>
      </div>
    );
  }
  const districts = await publicDistricts();
  const returned = app.events[0];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("amend.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("amend.intro", { reference: app.reference, name: app.name })}</p>
      <section aria-labelledby="reason-title" className="mt-6 rounded-xl border border-amber-200 bg-amber-50 p-5">
        <h2 id="reason-title" className="text-sm font-semibold text-amber-900">
          {t("amend.reasonTitle")}
          {app.returnedFrom ? <span className="ml-2 font-normal text-amber-800">· {tEnums(`applicationStatus.${app.returnedFrom}`)}</span> : null}
        </h2>
        <p className="mt-2 whitespace-pre-wrap text-sm text-amber-950" data-testid="amend-reason">{returned?.reason ?? "—"}</p>
        {app.amendTokenExpiresAt ? <p className="mt-3 text-xs text-amber-800">{t("amend.expires", { date: momentFormatter(format)(app.amendTokenExpiresAt) })}</p> : null}
      </section>
      <div className="mt-6">
        <ApplicationForm
          districts={districts.map((d) => ({ id: d.id, label: localName(d, locale) }))}
          today={todayInCityIso()}
          amend={{
            token,
            registrationScanName: app.registrationScanFile?.originalName ?? null,
            initial: {
              name: app.name,
              creditCode: app.creditCode,
              legalRepresentative: app.legalRepresentative,
              address: app.address,
              regionId: app.regionId,
              foundedOn: isoDay(app.foundedOn),
              isPrivate: app.isPrivate,
              serviceAreas: app.serviceAreas,
              targetGroups: app.targetGroups,
              contactName: app.contactName,
              contactPhone: app.contactPhone,
              contactEmail: app.contactEmail,
            },
          }}
        />
      </div>
    </div>
  );
}
