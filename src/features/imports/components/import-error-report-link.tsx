import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** The refused rows of an import as a spreadsheet, to correct and upload again (`href`: another import's report route). */
export async function ImportErrorReportLink({ jobId, href }: { jobId: string; href?: string }) {
  const t = await getTranslations("staff.import.job");
  return (
    <a href={href ?? `/api/staff-import/${jobId}/errors`} className={buttonClass("secondary")} download data-testid="error-report">
      {t("downloadErrors")}
    </a>
  );
}
