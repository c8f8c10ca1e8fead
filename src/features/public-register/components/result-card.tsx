import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/i18n/local-name";
import type { TPublicCertificate } from "@/server/public-register/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { StatusBadge } from "./status-badge";
import { CountingExplanation } from "@/features/practitioners/components/counting-explanation";

/** One public match: exactly the public fields, nothing else. */
export async function ResultCard({ match }: { match: TPublicCertificate }) {
  const [t, tEnums, format, locale] = await Promise.all([getTranslations("publicRegister"), getTranslations("enums"), getFormatter(), getLocale()]);
  return (
    <article
      data-testid="public-result"
      aria-label={t("verify.certificateCard", { number: match.certificateNumber })}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium text-slate-500">{t("fields.name")}</p>
          <p className="text-xl font-semibold text-slate-900" data-field="name">
            {match.name}
          </p>
        </div>
        <StatusBadge status={match.status} label={t(`status.${match.status}`)} size="lg" />
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("fields.certificateNumber")}</dt>
          <dd className="font-mono text-slate-900" data-field="certificateNumber">
            {match.certificateNumber}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.qualificationLevel")}</dt>
          <dd className="text-slate-900" data-field="qualificationLevel">
            {tEnums(`qualificationLevel.${match.qualificationLevel}`)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.registration")}</dt>
          <dd className={match.registration?.status === "lapsed" ? "text-amber-900" : "text-slate-900"} data-field="registration" data-registration={match.registration?.status ?? "none"}>
            {match.registration
              ? t(match.registration.status === "current" ? "fields.registrationCurrent" : "fields.registrationLapsed", { date: dayFormatter(format)(match.registration.periodEnd) })
              : t("fields.notRegistered")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.district")}</dt>
          <dd className="text-slate-900" data-field="district">
            {match.district ? localName(match.district, locale) : t("fields.unknownDistrict")}
          </dd>
        </div>
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-3">
        <CountingExplanation variant="public" counting={match.holder} />
      </div>
    </article>
  );
}
