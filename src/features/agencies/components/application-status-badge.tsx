import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TApplicationStatus } from "@/domain/agencies/enums";

const TONE = { DISTRICT_REVIEW: "amber", CITY_REVIEW: "blue", RETURNED: "slate", APPROVED: "green", REJECTED: "red" } as const satisfies Record<TApplicationStatus, string>;

export async function ApplicationStatusBadge({ status }: { status: TApplicationStatus }) {
  const t = await getTranslations("enums");
  return <Badge tone={TONE[status]}>{t(`applicationStatus.${status}`)}</Badge>;
}
