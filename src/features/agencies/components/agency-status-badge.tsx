import { useTranslations } from "next-intl";
import type { TAgencyStatus } from "@/domain/agencies/enums";
import { Badge } from "@/components/ui/card";
import { STATUS_TONE } from "@/components/ui/status-tone";

const TONE = STATUS_TONE.agency satisfies Record<TAgencyStatus, string>;

export function AgencyStatusBadge({ status }: { status: TAgencyStatus | null }) {
  const t = useTranslations("enums.agencyStatus");
  if (!status) return <Badge>—</Badge>;
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
