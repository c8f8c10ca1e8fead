import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { agencyTarget, getIntegrityRecordForEdit } from "@/server/agencies/queries";
import { isoDay } from "@/domain/agencies/schemas";
import { IntegrityRecordForm } from "@/features/agencies/components/integrity-record-form";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("integrity.editTitle") };
}

export default async function EditIntegrityRecordPage({ params }: { params: Promise<{ id: string; recordId: string }> }) {
  const { id, recordId } = await params;
  const target = await agencyTarget(id);
  const user = await requirePermission("integrity.manage", target ?? undefined);
  if (!target) notFound();
  const [t, locale, r] = await Promise.all([getTranslations(), getLocale(), getIntegrityRecordForEdit(user, id, recordId)]);
  if (!r) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label={t("common.breadcrumb")} className="text-sm">
        <Link href={`/agencies/${id}#integrity`} className="text-brand-700 hover:underline">{localName(r.organization, locale)}</Link>
      </nav>
      <PageHeader title={t("agencies.integrity.editTitle")} description={localName(r.organization, locale)} />
      <IntegrityRecordForm
        organizationId={id}
        today={isoDay(todayInCity())}
        record={{ id: r.id, version: r.version, kind: r.kind, occurredOn: isoDay(r.occurredOn), source: r.source, description: r.description, endsOn: isoDay(r.endsOn) }}
      />
    </div>
  );
}
