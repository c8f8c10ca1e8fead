import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getOrganizationForSupervision, supervisingDepartmentOptions } from "@/server/organizations/queries";
import { takesSupervisingDepartment } from "@/domain/organizations/supervision";
import { localName } from "@/i18n/local-name";
import { SupervisionForm } from "@/features/organizations/components/supervision-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations.supervision");
  return { title: t("title") };
}

/** The city administrator records which government department supervises an organisation (主管部门). */
export default async function OrganizationSupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("organizations.setSupervisingDepartment");
  const { id } = await params;
  const [t, locale, org, departments] = await Promise.all([getTranslations(), getLocale(), getOrganizationForSupervision(user, id), supervisingDepartmentOptions(user)]);
  if (!org) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/organizations">{t("nav.organizations")}</Breadcrumb>
        <PageHeader title={localName(org, locale)} description={[t(`orgKinds.${org.kind}`), localName(org.region, locale)].join(" · ")} />
      </div>
      <Card title={t("organizations.supervision.title")}>
        <p className="mb-4 text-sm text-slate-600">{t("organizations.supervision.intro")}</p>
        {takesSupervisingDepartment(org.kind) ? (
          <SupervisionForm
            organization={{ id: org.id, version: org.version, supervisingDepartmentId: org.supervisingDepartmentId ?? "" }}
            departments={departments
              .filter((d) => d.id !== org.id)
              .map((d) => ({ id: d.id, label: [localName(d, locale), localName(d.region, locale)].join(" · ") }))}
          />
        ) : (
          <p className="text-sm text-slate-700" data-testid="supervises">{t("organizations.supervision.isDepartment", { count: org._count.supervised })}</p>
        )}
      </Card>
    </div>
  );
}
