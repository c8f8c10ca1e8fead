import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { employerOptions } from "@/server/practitioners/queries";
import { PractitionerForm } from "@/features/practitioners/components/practitioner-form";
import { localName } from "@/i18n/local-name";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("new") };
}

export default async function NewPractitionerPage() {
  const user = await requirePermission("practitioners.create");
  const [t, locale, orgs] = await Promise.all([getTranslations(), getLocale(), employerOptions(user, "practitioners.create")]);
  const employers = orgs.map((o) => ({ id: o.id, label: localName(o, locale) }));
  // An agency administrator's new staff belong to their agency: shown, not chosen.
  const fixed = can(user, "practitioners.chooseEmployer") ? null : (employers.find((o) => o.id === user.organizationId) ?? null);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/practitioners">{t("practitioners.title")}</Breadcrumb>
        <PageHeader title={t("practitioners.new")} />
      </div>
      <Card>
        <PractitionerForm employers={employers} fixedEmployer={fixed} canSetKeyPost={can(user, "practitioners.setKeyPost")} />
      </Card>
    </div>
  );
}
