import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { deadlineListParams, type TDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { deadlinesForExport, type TDeadlineListRow } from "./queries";

/** The civil servants' deadline list as Excel, with its filter: the list's columns, days as a signed number. */
export async function exportDeadlines(filter: TDeadlineListFilter): Promise<TXlsxExport> {
  const actor = await authorize("civilServants.read");
  const [t, te, locale] = await Promise.all([getTranslations("civilServants"), getTranslations("enums"), getLocale()]);
  const columns: TExportColumn<TDeadlineListRow>[] = [
    { header: t("columns.person"), width: 12, cell: (r) => r.name },
    { header: t("columns.employmentType"), width: 16, cell: (r) => te(`employmentType.${r.employmentType}`) },
    { header: t("columns.department"), width: 28, cell: (r) => localName(r.department, locale) },
    { header: t("columns.employer"), width: 28, cell: (r) => (r.employer ? localName(r.employer, locale) : "") },
    { header: t("columns.district"), width: 12, cell: (r) => (r.districtName ? localName(r.districtName, locale) : t("cityLevel")) },
    { header: t("columns.entryDate"), width: 12, cell: (r) => isoDay(r.entryDate) },
    { header: t("columns.deadline"), width: 12, cell: (r) => isoDay(r.deadline) },
    { header: t("columns.daysLeft"), width: 10, cell: (r) => (r.status === "DONE" ? "" : r.daysLeft) },
    { header: t("columns.status"), width: 12, cell: (r) => t(`statuses.${r.status}`) + (r.late ? ` (${t("list.late")})` : "") },
    { header: t("columns.certifiedOn"), width: 12, cell: (r) => isoDay(r.certifiedOn) ?? "" },
  ];
  return xlsxExport({ actor, action: "civilServants.export", entity: "Practitioner", filter: deadlineListParams(filter), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...deadlinesForExport(actor, filter) });
}
