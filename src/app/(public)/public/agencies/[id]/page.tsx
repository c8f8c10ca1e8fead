import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getPublicAgency } from "@/server/agencies/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";
import { localName } from "@/i18n/local-name";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies.public");
  return { title: t("detailTitle") };
}

/** One active agency's public facts; anything else (not found, not active) is the same 404. */
export default async function PublicAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const a = await getPublicAgency(id);
  if (!a) notFound();
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const none = t("agencies.profile.none");
  const day = dayFormatter(format, { none });
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb label={t("common.breadcrumb")} href="/public/agencies">{t("agencies.public.title")}</Breadcrumb>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{localName(a, locale)}</h1>
      <article className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <IntegrityFlags flags={a.flags} className="mb-4" />
        <DescriptionList className="grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <DescriptionItem plain label={t("agencies.profile.fields.creditCode")}><span className="font-mono">{a.creditCode ?? none}</span></DescriptionItem>
          <DescriptionItem plain label={t("agencies.profile.fields.district")}>{a.district ? localName(a.district, locale) : none}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.profile.fields.address")}>{a.address ?? none}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.profile.fields.foundedOn")}>{day(a.foundedOn)}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.profile.fields.ownership")}>{a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public")}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.public.phone")}>{a.contactPhone ?? none}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.public.rating")}>{a.rating ? `${t(`enums.agencyRatingLevel.${a.rating}`)} · ${dayFormatter(format)(a.ratingDate)}` : t("agencies.list.notRated")}</DescriptionItem>
          <DescriptionItem plain label={t("agencies.public.staff")}>
            <span className="tabular-nums">{t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}</span>
          </DescriptionItem>
          <DescriptionItem plain wide label={t("agencies.public.serviceAreas")}>
            {a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : none}
          </DescriptionItem>
          <DescriptionItem plain wide label={t("agencies.profile.fields.targetGroups")}>
            {a.targetGroups.length ? format.list(a.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
          </DescriptionItem>
        </DescriptionList>
        <p className="mt-4 text-xs text-slate-500">{t("agencies.staff.hint")}</p>
      </article>
    </div>
  );
}
