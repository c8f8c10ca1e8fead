import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/**
 * "Export to Excel" for a list: `href` is the list's export route with the list's current filter,
 * so the file holds what the list shows (all pages). A plain link: it works without JavaScript.
 */
export async function ExportLink({ href, params }: { href: string; params: Record<string, string | undefined> }) {
  const t = await getTranslations("common");
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <a href={qs ? `${href}?${qs}` : href} className={buttonClass("secondary")} title={t("exportHint")} download data-testid="export-link">
      {t("exportExcel")}
    </a>
  );
}
