import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { employerOptions, getPractitionerForEdit } from "@/server/practitioners/queries";
import { PractitionerForm } from "@/features/practitioners/components/practitioner-form";
import { ContactForm } from "@/features/practitioners/components/contact-form";
import { StatusForm } from "@/features/practitioners/components/status-form";
import { toFormValues } from "@/features/practitioners/form-values";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("edit") };
}

export default async function EditPractitionerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("practitioners.update");
  const { id } = await params;
  const [t, locale, p] = await Promise.all([getTranslations(), getLocale(), getPractitionerForEdit(user, id)]);
  if (!p) notFound();
  const self = scopeOf(user.role, "practitioners.update") === "self";
  const orgs = self ? [] : await employerOptions(user, "practitioners.update");
  const employers = orgs.map((o) => ({ id: o.id, label: localName(o, locale) }));
  // The current employer stays selectable even when it lies outside the list (e.g. a department officer's own).
  if (p.organization && !employers.some((o) => o.id === p.organization!.id)) employers.unshift({ id: p.organization.id, label: localName(p.organization, locale) });
  const fixed = !self && !can(user, "practitioners.chooseEmployer") ? (employers.find((o) => o.id === p.organizationId) ?? null) : null;
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href={`/practitioners/${p.id}`}>{p.name}</Breadcrumb>
        <PageHeader title={self ? t("practitioners.editContact") : t("practitioners.edit")} description={p.name} />
      </div>
      <Card>
        {self ? (
          <ContactForm practitioner={{ id: p.id, version: p.version, phone: p.phone ?? "", email: p.email ?? "" }} />
        ) : (
          <PractitionerForm key={p.version} employers={employers} fixedEmployer={fixed} canSetKeyPost={can(user, "practitioners.setKeyPost")} practitioner={toFormValues(p)} />
        )}
      </Card>
      {can(user, "practitioners.changeStatus") ? (
        <Card title={t("practitioners.statusForm.title")}>
          <StatusForm
            key={p.version}
            practitioner={{ id: p.id, version: p.version, status: p.status, entryPath: p.entryPath, entryDate: isoDay(p.entryDate) ?? "" }}
            today={todayInCityIso()}
          />
        </Card>
      ) : null}
    </div>
  );
}
