import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getTraining } from "@/server/trainings/queries";
import { can } from "@/domain/authz/matrix";
import { trainingFormChoices } from "@/features/trainings/components/form-options";
import { trainingFormValues } from "@/features/trainings/components/form-values";
import { TrainingForm } from "@/features/trainings/components/forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings");
  return { title: t("editTitle") };
}

export default async function EditTrainingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("trainings.manage");
  const { id } = await params;
  const p = await getTraining(user, id);
  // Another provider's programme reads as missing; so does one that can no longer change.
  if (!p || !can(user, "trainings.manage", { organizationId: p.providerId }) || (p.status !== "DRAFT" && p.status !== "PUBLISHED")) notFound();
  const [t, choices] = await Promise.all([getTranslations("trainings"), trainingFormChoices(user)]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href={`/trainings/${p.id}`}>{p.title}</Breadcrumb>
        <PageHeader title={t("editTitle")} description={p.reference} />
      </div>
      <Card>
        <TrainingForm {...choices} values={trainingFormValues(p)} published={p.status === "PUBLISHED"} />
      </Card>
    </div>
  );
}
