import { getTranslations } from "next-intl/server";
import { forbiddenBody } from "@/features/shell/forbidden-body";
import { StatusMessage } from "@/features/shell/components/status-page";

// Inside the portal's shell (a page's forbidden()): the message only, under the shell's header.
export default async function PortalForbidden() {
  const t = await getTranslations("errorsPage");
  return <StatusMessage code="403" title={t("forbiddenTitle")} body={await forbiddenBody()} />;
}
