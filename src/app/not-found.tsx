import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/features/shell/components/status-page";

export default async function NotFound() {
  const t = await getTranslations("errorsPage");
  return <StatusPage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} />;
}
