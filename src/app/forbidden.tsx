import { getTranslations } from "next-intl/server";
import { forbiddenBody } from "@/features/shell/forbidden-body";
import { StatusPage } from "@/features/shell/components/status-page";

export default async function Forbidden() {
  const t = await getTranslations("errorsPage");
  return <StatusPage code="403" title={t("forbiddenTitle")} body={await forbiddenBody()} />;
}
