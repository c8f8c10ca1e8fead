import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/**
 * "Export to Excel" for a list: `href` is the list's export route with the list's current filter,
 * so the file holds what the list shows (all pages). A plain link: it works without JavaScript.
 * `label`: the link's accessible name where a page has several (it starts with the visible words).
 */
export async function ExportLink({ href, params, label, size = "md" }: { href: string; params: Record<string, string | undefined>; label?: string; size?: "sm" | "md" }) {
  const t = await getTranslations("common");
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <a href={qs ? `${href}?${qs}` : href} className={buttonClass("secondary", size)} title={t("exportHint")} download data-testid="export-link" aria-label={label}>
      {t("exportExcel")}
    </a>
  );
}
