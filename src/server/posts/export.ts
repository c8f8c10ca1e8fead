import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { postFilterParams, type TPostListFilter } from "@/domain/posts/list-filter";
import { fillRate, isCompliant } from "@/domain/posts/post-maths";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { postListForExport, type TPostListRow } from "./queries";

/**
 * The posts list view as Excel, with its filter: title, organisation and district, kind, practice
 * field, required, filled today (qualified), fill rate and, for ratio posts, compliance; the
 * closing date when the filter is about closed posts.
 */
export async function exportPosts(filter: TPostListFilter): Promise<TXlsxExport> {
  const actor = await authorize("posts.read");
  const [t, te, locale, rows] = await Promise.all([getTranslations("posts"), getTranslations("enums"), getLocale(), postListForExport(actor, { ...filter, view: "list" })]);
  const rate = (p: TPostListRow) => (p.fill ? fillRate(p.fill.filled, p.fill.required) : null);
  const columns: TExportColumn<TPostListRow>[] = [
    { header: t("columns.title"), width: 24, cell: (p) => p.title },
    { header: t("columns.organization"), width: 30, cell: (p) => localName(p.organization, locale) },
    { header: t("columns.district"), width: 12, cell: (p) => (p.district ? localName(p.district, locale) : t("cityLevel")) },
    { header: t("columns.kind"), width: 10, cell: (p) => te(`postKind.${p.kind}`) },
    { header: t("columns.field"), width: 14, cell: (p) => te(`practiceField.${p.practiceField}`) },
    { header: t("columns.required"), width: 8, cell: (p) => p.requiredHeadcount },
    { header: t("columns.filled"), width: 8, cell: (p) => p.fill?.filled },
    { header: t("columns.qualifiedFilled"), width: 8, cell: (p) => p.fill?.qualifiedFilled },
    // A share as Excel reads it (0.75), so the column can be summed and formatted.
    { header: t("columns.fillRate"), width: 8, cell: (p) => rate(p) ?? "" },
    { header: t("columns.compliance"), width: 10, cell: (p) => (p.kind === "RATIO" && p.fill ? t(isCompliant(p.fill) ? "compliance.compliant" : "compliance.notCompliant") : "") },
    ...(filter.status === "closed" ? [{ header: t("export.closedOn"), width: 12, cell: (p: TPostListRow) => isoDay(p.closedOn) }] : []),
  ];
  return xlsxExport({ actor, action: "posts.export", entity: "Post", filter: postFilterParams({ ...filter, view: "list" }), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...rows });
}
