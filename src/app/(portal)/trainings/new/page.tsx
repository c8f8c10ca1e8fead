import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { defaultCompletionPercent } from "@/server/trainings/queries";
import { trainingFormChoices } from "@/features/trainings/components/form-options";
import { TrainingForm } from "@/features/trainings/components/forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings");
  return { title: t("new") };
}

export default async function NewTrainingPage() {
  const user = await requirePermission("trainings.manage");
  const [t, choices, percent] = await Promise.all([getTranslations("trainings"), trainingFormChoices(user), defaultCompletionPercent()]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/trainings">{t("title")}</Breadcrumb>
        <PageHeader title={t("new")} description={t("newDescription")} />
      </div>
      <Card>
        <TrainingForm
          {...choices}
          values={{
            providerId: "",
            kind: "",
            scope: "",
            title: "",
            venue: "",
            startDate: "",
            endDate: "",
            capacity: "",
            hours: "",
            cpdHours: "",
            completionPercent: String(percent),
            audienceDepartmentTypes: [],
            audienceRegionIds: [],
            audienceOrganizationKinds: [],
            audienceLevels: [],
            cost: "",
            subsidy: "",
            budgetLineId: choices.lines[0]?.id ?? "",
          }}
        />
      </Card>
    </div>
  );
}
