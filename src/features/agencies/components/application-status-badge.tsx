import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TApplicationStatus } from "@/domain/agencies/enums";
import { STATUS_TONE } from "@/components/ui/status-tone";

const TONE = STATUS_TONE.application satisfies Record<TApplicationStatus, string>;

export async function ApplicationStatusBadge({ status }: { status: TApplicationStatus }) {
  const t = await getTranslations("enums");
  return <Badge tone={TONE[status]}>{t(`applicationStatus.${status}`)}</Badge>;
}
