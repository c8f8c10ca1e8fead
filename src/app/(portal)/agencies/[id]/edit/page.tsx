import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getAgencyForEdit } from "@/server/agencies/queries";
import { mayEditParticulars } from "@/domain/agencies/profile-fields";
import { isoDay } from "@/domain/agencies/schemas";
import { ProfileForm } from "@/features/agencies/components/profile-form";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("profile.editTitle") };
}

export default async function EditAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("agencies.updateProfile", target ?? undefined);
  if (!target) notFound();
  const [t, locale, a] = await Promise.all([getTranslations(), getLocale(), getAgencyForEdit(user, id)]);
  if (!a) notFound();
  const particulars = mayEditParticulars(user.role);
  return (
    <div className="space-y-4">
      <nav aria-label={t("common.breadcrumb")} className="text-sm">
        <Link href={`/agencies/${a.id}`} className="text-brand-700 hover:underline">{localName(a, locale)}</Link>
      </nav>
      <PageHeader title={particulars ? t("agencies.profile.editTitle") : t("agencies.profile.editContactTitle")} description={localName(a, locale)} />
      <ProfileForm
        particulars={particulars}
        today={isoDay(todayInCity())}
        agency={{
          id: a.id,
          version: a.version,
          name: a.name,
          legalRepresentative: a.legalRepresentative ?? "",
          address: a.address ?? "",
          foundedOn: isoDay(a.foundedOn),
          isPrivate: a.isPrivate,
          contactName: a.contactName ?? "",
          contactPhone: a.contactPhone ?? "",
          contactEmail: a.contactEmail ?? "",
          serviceAreas: a.serviceAreas,
          targetGroups: a.targetGroups,
        }}
      />
    </div>
  );
}
