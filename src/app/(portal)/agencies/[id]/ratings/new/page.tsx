import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getAgencyForIntegrity } from "@/server/agencies/queries";
import { isoDay } from "@/domain/agencies/schemas";
import { RatingForm } from "@/features/agencies/components/rating-form";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("ratings.addTitle") };
}

export default async function NewRatingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("integrity.manage", target ?? undefined);
  if (!target) notFound();
  const [t, locale, a] = await Promise.all([getTranslations(), getLocale(), getAgencyForIntegrity(user, id)]);
  if (!a) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label={t("common.breadcrumb")} className="text-sm">
        <Link href={`/agencies/${a.id}#ratings`} className="text-brand-700 hover:underline">{localName(a, locale)}</Link>
      </nav>
      <PageHeader title={t("agencies.ratings.addTitle")} description={localName(a, locale)} />
      <RatingForm organizationId={a.id} today={isoDay(todayInCity())} />
    </div>
  );
}
