import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TRegistrationStatus } from "@/domain/registrations/rules";

const TONE = { current: "green", due: "amber", lapsed: "red" } as const;

/** Current, due in N days, or lapsed: the registration's standing today (the certificate stays valid). */
export async function RegistrationStatusBadge({ status, daysLeft }: { status: TRegistrationStatus; daysLeft: number }) {
  const t = await getTranslations("registrations.status");
  let label = t("current");
  if (status === "due") label = t("due", { days: daysLeft });
  if (status === "lapsed") label = t("lapsed");
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
