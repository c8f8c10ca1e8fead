import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { getPractitioner } from "@/server/practitioners/queries";
import { PractitionerHeader, type TPractitionerNoticeParams } from "@/features/practitioners/components/practitioner-header";
import { PractitionerCountingCard } from "@/features/practitioners/components/practitioner-counting-card";
import { PractitionerProfileCard } from "@/features/practitioners/components/practitioner-profile-card";
import { PractitionerAwardsAndHistory } from "@/features/practitioners/components/practitioner-awards-and-history";
import { CredentialsPanel } from "@/features/credentials/components/credentials-panel";
import { RegistrationPanel } from "@/features/registrations/components/registration-panel";
import { EmploymentHistoryCard } from "@/features/staff/components/employment-history";
import { PublicQrCard } from "@/features/public-register/components/public-qr-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("detail.profile") };
}

export default async function PractitionerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TPractitionerNoticeParams> }) {
  const user = await requirePermission("practitioners.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const p = await getPractitioner(user, id);
  if (!p) notFound();
  return (
    <div className="space-y-6">
      <PractitionerHeader p={p} self={scopeOf(user.role, "practitioners.read") === "self"} mayEdit={can(user, "practitioners.update", p.target)} notice={sp} />
      <PractitionerCountingCard p={p} />
      <PractitionerProfileCard p={p} mayRevealIdNumber={can(user, "practitioners.revealIdNumber")} />
      {/* Each panel below checks the caller itself: a page-level check does not cover what it embeds. */}
      <CredentialsPanel practitionerId={p.id} />
      <RegistrationPanel practitionerId={p.id} />
      <EmploymentHistoryCard practitionerId={p.id} />
      <PractitionerAwardsAndHistory p={p} />
      <PublicQrCard practitionerId={p.id} />
    </div>
  );
}
