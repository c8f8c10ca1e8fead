import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TEvaluationStatus } from "@/domain/evaluations/enums";

const TONE = { ASSIGNED: "amber", SCORING: "blue", SCORED: "blue", PUBLISHED: "green", UNDER_APPEAL: "amber", FINAL: "green", CANCELLED: "slate" } as const;

export async function EvaluationStatusBadge({ status }: { status: TEvaluationStatus }) {
  const t = await getTranslations("enums.evaluationStatus");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
