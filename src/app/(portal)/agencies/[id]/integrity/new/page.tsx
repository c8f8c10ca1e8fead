import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getAgencyForIntegrity } from "@/server/agencies/queries";
import { IntegrityRecordForm } from "@/features/agencies/components/integrity-record-form";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { AgencyFormFrame } from "@/features/agencies/components/agency-form-frame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("integrity.addTitle") };
}

export default async function NewIntegrityRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("integrity.manage", target ?? undefined);
  if (!target) notFound();
  const [t, a] = await Promise.all([getTranslations(), getAgencyForIntegrity(user, id)]);
  if (!a) notFound();
  return (
    <AgencyFormFrame agency={a} section="integrity" title={t("agencies.integrity.addTitle")}>
      <IntegrityRecordForm organizationId={a.id} today={todayInCityIso()} />
    </AgencyFormFrame>
  );
}
