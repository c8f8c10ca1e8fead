import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import type { TProfileNotice } from "@/domain/agencies/notices";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { AgencyStatusBadge } from "./agency-status-badge";
import { IntegrityFlags } from "./integrity-flags";

/**
 * The agency's name, district and credit code, its status, rating and integrity flags. Officials
 * come from the list (a breadcrumb back); the agency's own administrator edits only the contact.
 */
export async function AgencyHeader({ agency: a, official, mayEdit, notice }: { agency: TAgencyDetail; official: boolean; mayEdit: boolean; notice: TProfileNotice | null }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <>
      <div>
        {official ? <Breadcrumb label={t("common.breadcrumb")} href="/agencies">{t("agencies.title")}</Breadcrumb> : null}
        <PageHeader
          title={localName(a, locale)}
          description={[a.district ? localName(a.district, locale) : null, a.creditCode].filter(Boolean).join(" · ") || undefined}
          actions={mayEdit ? <Link href={`/agencies/${a.id}/edit`} className={buttonClass("secondary")}>{official ? t("agencies.profile.edit") : t("agencies.profile.editContact")}</Link> : null}
        />
        {notice ? <Notice tone="success">{t(`agencies.notices.${notice}`)}</Notice> : null}
      </div>

      <div className="flex flex-wrap items-center gap-3" data-testid="agency-summary">
        <AgencyStatusBadge status={a.agencyStatus} />
        {a.agencyStatusSince ? <span className="text-sm text-slate-600">{t("agencies.since", { date: day(a.agencyStatusSince) })}</span> : null}
        <span className="text-sm text-slate-700">
          {t("common.labelled", {
            label: t("agencies.ratings.current"),
            value: a.rating ? t("common.parenthetical", { text: t(`enums.agencyRatingLevel.${a.rating}`), note: day(a.ratingDate) }) : t("agencies.list.notRated"),
          })}
        </span>
        <IntegrityFlags flags={a.flags} />
      </div>
      {a.flags.length ? <Notice tone="error">{t("agencies.flags.warning")}</Notice> : null}
    </>
  );
}
