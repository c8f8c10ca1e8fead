import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/features/shell/components/status-page";

// Inside the portal's shell (a page's notFound(), e.g. an unknown record): the message only.
export default async function PortalNotFound() {
  const t = await getTranslations("errorsPage");
  return <StatusMessage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} />;
}
