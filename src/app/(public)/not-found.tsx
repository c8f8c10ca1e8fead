import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/features/shell/components/status-page";

// Inside the public shell (e.g. an unknown agency in the directory): the message only.
export default async function PublicNotFound() {
  const t = await getTranslations("errorsPage");
  return <StatusMessage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} />;
}
