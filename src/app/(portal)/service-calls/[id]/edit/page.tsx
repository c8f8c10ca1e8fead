import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getCall } from "@/server/service-calls/queries";
import { callFormChoices, callFormValues } from "@/features/service-calls/components/form-options";
import { CallForm } from "@/features/service-calls/components/forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls");
  return { title: t("edit") };
}

/** Edit a draft call (only its managers; a published call's particulars stay as published). */
export default async function EditServiceCallPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("serviceCalls.manage");
  const { id } = await params;
  const call = await getCall(user, id);
  if (!call || !call.manage || call.status !== "DRAFT") notFound();
  const [t, choices] = await Promise.all([getTranslations("serviceCalls"), callFormChoices(user)]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href={`/service-calls/${call.id}`}>{call.title}</Breadcrumb>
        <PageHeader title={t("edit")} description={call.reference} />
      </div>
      <Card>
        <CallForm {...choices} values={callFormValues(call)} />
      </Card>
    </div>
  );
}
