import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { myProfile } from "@/server/credentials/queries";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { MyStanding } from "@/features/credentials/components/my-standing";
import { MyCredentialAlerts } from "@/features/credentials/components/my-credential-alerts";
import { CredentialList } from "@/features/credentials/components/credential-list";
import { CredentialForm } from "@/features/credentials/components/credential-form";
import { RegistrationPanel } from "@/features/registrations/components/registration-panel";
import { MyTrainings } from "@/features/trainings/components/my-trainings";
import { MyExamsCard } from "@/features/exams/components/my-exams-card";
import { PublicQrCard } from "@/features/public-register/components/public-qr-card";
import { ContactForm } from "@/features/practitioners/components/contact-form";
import { localName } from "@/i18n/local-name";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("myProfile") };
}

export default async function MyProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requirePermission("practitioners.read");
  const sp = await searchParams;
  // Only a practitioner has a profile of their own; myProfile is scoped to the caller themselves.
  const data = await myProfile(user);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations("me"), getLocale()]);
  const p = data.practitioner;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={[p.name, localName(p.organization, locale)].filter(Boolean).join(" · ")}
        actions={data.counting.counts ? <Link href="/practitioners/me/certificate" className={buttonClass("secondary")}>{t("certificate")}</Link> : null}
      />
      {sp.saved ? <Notice tone="success">{t("contactSaved")}</Notice> : null}
      <MyStanding data={data} />
      <MyCredentialAlerts data={data} />
      {can(user, "practitioners.update", { practitionerId: p.id }) ? (
        <section id="contact" aria-labelledby="contact-title" className="scroll-mt-20">
          <Card title={<span id="contact-title">{t("contactTitle")}</span>}>
            <ContactForm onMyProfile practitioner={{ id: p.id, version: p.version, phone: p.phone ?? "", email: p.email ?? "" }} />
          </Card>
        </section>
      ) : null}
      {can(user, "supervision.read") ? (
        <Card title={t("supervisionTitle")}>
          <p className="text-sm text-slate-600">
            {t("supervisionIntro")}{" "}
            <Link href="/me/supervision" className="font-medium text-brand-700 underline hover:text-brand-800">{t("supervisionLink")}</Link>
          </p>
        </Card>
      ) : null}
      {can(user, "exams.read") ? <MyExamsCard /> : null}
      {/* The QR code to the public verification page, as on the register's profile page. */}
      <PublicQrCard practitionerId={p.id} />
      <RegistrationPanel practitionerId={p.id} />
      <MyTrainings practitionerId={p.id} />
      <Card title={t("credentialsTitle")}>
        {data.credentials.length ? <CredentialList credentials={data.credentials} /> : <EmptyState title={t("noCredentials")}>{t("noCredentialsHint")}</EmptyState>}
      </Card>
      {can(user, "credentials.submit", { practitionerId: p.id }) ? (
        <Card title={t("submitTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("submitIntro")}</p>
          <CredentialForm practitionerId={p.id} today={todayInCityIso()} />
        </Card>
      ) : null}
    </div>
  );
}
