import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { callFormChoices, EMPTY_CALL } from "@/features/service-calls/components/form-options";
import { CallForm } from "@/features/service-calls/components/forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls");
  return { title: t("new") };
}

export default async function NewServiceCallPage() {
  const user = await requirePermission("serviceCalls.manage");
  const [t, choices] = await Promise.all([getTranslations("serviceCalls"), callFormChoices(user)]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/service-calls">{t("title")}</Breadcrumb>
        <PageHeader title={t("new")} description={t("newDescription")} />
      </div>
      <Card>
        <CallForm {...choices} values={{ ...EMPTY_CALL, budgetLineId: choices.lines[0]?.id ?? "" }} />
      </Card>
    </div>
  );
}
