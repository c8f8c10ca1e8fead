import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getIntegrityRecordForEdit } from "@/server/agencies/queries";
import { IntegrityRecordForm } from "@/features/agencies/components/integrity-record-form";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { AgencyFormFrame } from "@/features/agencies/components/agency-form-frame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("integrity.editTitle") };
}

export default async function EditIntegrityRecordPage({ params }: { params: Promise<{ id: string; recordId: string }> }) {
  const { id, recordId } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("integrity.manage", target ?? undefined);
  if (!target) notFound();
  const [t, r] = await Promise.all([getTranslations(), getIntegrityRecordForEdit(user, id, recordId)]);
  if (!r) notFound();
  return (
    <AgencyFormFrame agency={{ ...r.organization, id }} section="integrity" title={t("agencies.integrity.editTitle")}>
      <IntegrityRecordForm
        organizationId={id}
        today={todayInCityIso()}
        record={{ id: r.id, version: r.version, kind: r.kind, occurredOn: isoDay(r.occurredOn), source: r.source, description: r.description, endsOn: isoDay(r.endsOn) ?? "" }}
      />
    </AgencyFormFrame>
  );
}
