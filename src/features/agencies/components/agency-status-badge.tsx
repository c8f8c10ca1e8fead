import { useTranslations } from "next-intl";
import type { TAgencyStatus } from "@/domain/agencies/enums";
import { Badge } from "@/components/ui/card";

const TONE = { PENDING: "amber", ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const satisfies Record<TAgencyStatus, string>;

export function AgencyStatusBadge({ status }: { status: TAgencyStatus | null }) {
  const t = useTranslations("enums.agencyStatus");
  if (!status) return <Badge>—</Badge>;
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
