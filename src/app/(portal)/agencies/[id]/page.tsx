import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { agencyTarget, getAgency } from "@/server/agencies/queries";
import { allowedStatusTransitions } from "@/domain/agencies/status-rules";
import { parseProfileNotice } from "@/domain/agencies/notices";
import { todayInCity } from "@/domain/common/calendar-day";
import { AgencyHeader } from "@/features/agencies/components/agency-header";
import { AgencyParticularsCard } from "@/features/agencies/components/agency-particulars-card";
import { AgencyStaffAndMembership } from "@/features/agencies/components/agency-staff-and-membership";
import { AgencyStatusSection } from "@/features/agencies/components/agency-status-section";
import { AgencyRatingsSection } from "@/features/agencies/components/agency-ratings-section";
import { AgencyIntegritySection } from "@/features/agencies/components/agency-integrity-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("profile.title") };
}

export default async function AgencyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const target = await agencyTarget(id);
  // Outside the caller's scope: an audited 403; no such agency: 404.
  const user = await requirePermission("agencies.read", target ?? undefined);
  if (!target) notFound();
  const today = todayInCity();
  const a = await getAgency(user, id, today);
  if (!a) notFound();
  const mayManage = can(user, "integrity.manage", target);
  return (
    <div className="space-y-6">
      <AgencyHeader agency={a} official={scopeOf(user.role, "agencies.read") !== "organization"} mayEdit={can(user, "agencies.updateProfile", target)} notice={parseProfileNotice(sp.notice)} />
      <AgencyParticularsCard agency={a} />
      <AgencyStaffAndMembership agency={a} mayReadStaff={can(user, "practitioners.read", { organizationId: a.id, regionPath: a.regionPath })} />
      <AgencyStatusSection agency={a} transitions={can(user, "agencies.changeStatus", target) ? allowedStatusTransitions(a.agencyStatus) : []} today={today} />
      <AgencyRatingsSection agency={a} mayManage={mayManage} />
      {a.integrityRecords ? <AgencyIntegritySection agencyId={a.id} records={a.integrityRecords} mayManage={mayManage} today={today} /> : null}
    </div>
  );
}
