import { getTranslations } from "next-intl/server";
import { isCompliant } from "@/domain/posts/post-maths";
import { Badge } from "@/components/ui/card";

/** Whether a ratio post reaches its required headcount with qualified holders. */
export async function ComplianceBadge({ fill }: { fill: Parameters<typeof isCompliant>[0] }) {
  const t = await getTranslations("posts.compliance");
  return isCompliant(fill) ? <Badge tone="green">{t("compliant")}</Badge> : <Badge tone="amber">{t("notCompliant")}</Badge>;
}
