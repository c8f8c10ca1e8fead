import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TEnrolmentStatus, TTrainingStatus } from "@/domain/trainings/enums";

const TONE = { DRAFT: "slate", PUBLISHED: "green", CANCELLED: "red", CLOSED: "blue" } as const;
const ENROLMENT_TONE = { ENROLLED: "green", WAITLISTED: "amber", WITHDRAWN: "slate", COMPLETED: "blue", NOT_COMPLETED: "red" } as const;

export async function TrainingStatusBadge({ status }: { status: TTrainingStatus }) {
  const t = await getTranslations("trainings.statuses");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

/** An enrolment's status; on the waiting list, its place (1 = next). */
export async function EnrolmentStatusBadge({ status, place }: { status: TEnrolmentStatus; place?: number | null }) {
  const t = await getTranslations("trainings");
  return <Badge tone={ENROLMENT_TONE[status]}>{status === "WAITLISTED" && place ? t("participants.waitingPlace", { place }) : t(`enrolmentStatuses.${status}`)}</Badge>;
}
