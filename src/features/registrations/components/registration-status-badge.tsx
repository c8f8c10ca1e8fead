import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TRegistrationStatus } from "@/domain/registrations/rules";
import { STATUS_TONE } from "@/components/ui/status-tone";

/** Current, due in N days, or lapsed: the registration's standing today (the certificate stays valid). */
export async function RegistrationStatusBadge({ status, daysLeft }: { status: TRegistrationStatus; daysLeft: number }) {
  const t = await getTranslations("registrations.status");
  let label = t("current");
  if (status === "due") label = t("due", { days: daysLeft });
  if (status === "lapsed") label = t("lapsed");
  return <Badge tone={STATUS_TONE.registration[status]}>{label}</Badge>;
}
