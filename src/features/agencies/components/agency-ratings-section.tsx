import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { HistoryTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { buttonClass } from "@/components/ui/button";

/** The agency's ratings, newest first; an integrity manager may add one. */
export async function AgencyRatingsSection({ agency: a, mayManage }: { agency: TAgencyDetail; mayManage: boolean }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <SectionCard
      id="ratings"
      title={t("agencies.ratings.title")}
      actions={mayManage ? <Link href={`/agencies/${a.id}/ratings/new`} className={buttonClass("secondary", "sm")}>{t("agencies.ratings.add")}</Link> : null}
    >
      <HistoryTable
        caption={t("agencies.ratings.title")}
        none={t("agencies.ratings.none")}
        columns={[
          { label: t("agencies.ratings.fields.ratedOn"), className: "whitespace-nowrap" },
          { label: t("agencies.ratings.fields.rating"), className: "font-medium" },
          { label: t("agencies.ratings.fields.validUntil"), className: "whitespace-nowrap" },
          { label: t("agencies.ratings.fields.source"), className: "text-slate-600" },
        ]}
        rows={a.ratings.map((r) => ({ key: r.id, cells: [day(r.ratedOn), t(`enums.agencyRatingLevel.${r.rating}`), r.validUntil ? day(r.validUntil) : "—", r.source ?? ""], testId: "agency-rating" }))}
      />
    </SectionCard>
  );
}
