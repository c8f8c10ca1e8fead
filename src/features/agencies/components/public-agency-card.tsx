import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listPublicAgencies } from "@/server/agencies/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { IntegrityFlags } from "./integrity-flags";

type TPublicAgency = Awaited<ReturnType<typeof listPublicAgencies>>["items"][number];

/** One active agency in the public directory: name, district, flags, rating, staff and services. */
export async function PublicAgencyCard({ agency: a }: { agency: TPublicAgency }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  return (
    <li data-testid="public-agency" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-slate-900">
            <Link href={`/public/agencies/${a.id}`} className="text-brand-800 hover:underline">{localName(a, locale)}</Link>
          </h2>
          <p className="text-sm text-slate-600">{[a.district ? localName(a.district, locale) : null, a.isPrivate ? t("agencies.ownership.private") : null].filter(Boolean).join(" · ")}</p>
        </div>
        <IntegrityFlags flags={a.flags} />
      </div>
      <DescriptionList className="mt-3 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <DescriptionItem plain label={t("agencies.public.rating")}>
          {a.rating ? `${t(`enums.agencyRatingLevel.${a.rating}`)} · ${dayFormatter(format)(a.ratingDate)}` : t("agencies.list.notRated")}
        </DescriptionItem>
        <DescriptionItem plain label={t("agencies.public.staff")} testId="public-staff">
          <span className="tabular-nums">{t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}</span>
        </DescriptionItem>
        <DescriptionItem plain wide label={t("agencies.public.serviceAreas")}>
          {a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : t("agencies.profile.none")}
        </DescriptionItem>
      </DescriptionList>
    </li>
  );
}
