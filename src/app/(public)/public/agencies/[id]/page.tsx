import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getPublicAgency } from "@/server/agencies/queries";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";
import { localName } from "@/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies.public");
  return { title: t("detailTitle") };
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** One active agency's public facts; anything else (not found, not active) is the same 404. */
export default async function PublicAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const a = await getPublicAgency(id);
  if (!a) notFound();
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const none = t("agencies.profile.none");
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
        <Link href="/public/agencies" className="text-brand-700 hover:underline">{t("agencies.public.title")}</Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{localName(a, locale)}</h1>
      <article className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <IntegrityFlags flags={a.flags} className="mb-4" />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Item label={t("agencies.profile.fields.creditCode")}><span className="font-mono">{a.creditCode ?? none}</span></Item>
          <Item label={t("agencies.profile.fields.district")}>{a.district ? localName(a.district, locale) : none}</Item>
          <Item label={t("agencies.profile.fields.address")}>{a.address ?? none}</Item>
          <Item label={t("agencies.profile.fields.foundedOn")}>{a.foundedOn ? day(a.foundedOn) : none}</Item>
          <Item label={t("agencies.profile.fields.ownership")}>{a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public")}</Item>
          <Item label={t("agencies.public.phone")}>{a.contactPhone ?? none}</Item>
          <Item label={t("agencies.public.rating")}>{a.rating ? `${t(`enums.agencyRatingLevel.${a.rating}`)} · ${day(a.ratingDate)}` : t("agencies.list.notRated")}</Item>
          <Item label={t("agencies.public.staff")}>
            <span className="tabular-nums">{t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}</span>
          </Item>
          <Item label={t("agencies.public.serviceAreas")} wide>
            {a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : none}
          </Item>
          <Item label={t("agencies.profile.fields.targetGroups")} wide>
            {a.targetGroups.length ? format.list(a.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
          </Item>
        </dl>
        <p className="mt-4 text-xs text-slate-500">{t("agencies.staff.hint")}</p>
      </article>
    </div>
  );
}
