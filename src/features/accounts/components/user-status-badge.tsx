import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

/** Disabled, active (has set a password) or pending (invited, no password yet). */
export async function UserStatusBadge({ user }: { user: { disabledAt: Date | null; hasPassword: boolean } }) {
  const t = await getTranslations("users.statuses");
  if (user.disabledAt) return <Badge tone="red">{t("disabled")}</Badge>;
  return user.hasPassword ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="amber">{t("pending")}</Badge>;
}
