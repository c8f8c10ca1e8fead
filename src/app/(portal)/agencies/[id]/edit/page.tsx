import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getAgencyForEdit } from "@/server/agencies/queries";
import { mayEditParticulars } from "@/domain/agencies/profile-fields";
import { ProfileForm } from "@/features/agencies/components/profile-form";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { AgencyFormFrame } from "@/features/agencies/components/agency-form-frame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("profile.editTitle") };
}

export default async function EditAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("agencies.updateProfile", target ?? undefined);
  if (!target) notFound();
  const [t, a] = await Promise.all([getTranslations(), getAgencyForEdit(user, id)]);
  if (!a) notFound();
  const particulars = mayEditParticulars(user.role);
  return (
    <AgencyFormFrame agency={a} title={particulars ? t("agencies.profile.editTitle") : t("agencies.profile.editContactTitle")}>
      <ProfileForm
        particulars={particulars}
        today={todayInCityIso()}
        agency={{
          id: a.id,
          version: a.version,
          name: a.name,
          legalRepresentative: a.legalRepresentative ?? "",
          address: a.address ?? "",
          foundedOn: isoDay(a.foundedOn) ?? "",
          isPrivate: a.isPrivate,
          contactName: a.contactName ?? "",
          contactPhone: a.contactPhone ?? "",
          contactEmail: a.contactEmail ?? "",
          serviceAreas: a.serviceAreas,
          targetGroups: a.targetGroups,
        }}
      />
    </AgencyFormFrame>
  );
}
