import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { pairListParams, type TPairListFilter } from "@/domain/supervision/list-filter";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { pairsForExport, type TPairRow } from "./queries";

/** The supervision list as Excel, with its filter: both people, where, the dates and the sessions' figures. */
export async function exportPairs(filter: TPairListFilter): Promise<TXlsxExport> {
  const actor = await authorize("supervision.read");
  const [t, locale] = await Promise.all([getTranslations("supervision"), getLocale()]);
  const org = (o: { name: string; nameHant: string | null; nameEn: string | null } | null) => (o ? localName(o, locale) : "");
  const columns: TExportColumn<TPairRow>[] = [
    { header: t("columns.supervisor"), width: 12, cell: (p) => p.supervisor.name },
    { header: t("columns.supervisorEmployer"), width: 30, cell: (p) => org(p.supervisor.organization) },
    { header: t("columns.supervisee"), width: 12, cell: (p) => p.supervisee.name },
    { header: t("columns.superviseeEmployer"), width: 30, cell: (p) => org(p.supervisee.organization) },
    { header: t("columns.district"), width: 12, cell: (p) => (p.district ? localName(p.district, locale) : "") },
    { header: t("columns.start"), width: 12, cell: (p) => isoDay(p.startDate) },
    { header: t("columns.end"), width: 12, cell: (p) => isoDay(p.endDate) ?? "" },
    { header: t("columns.confirmedHours"), width: 10, cell: (p) => p.confirmedHalfHours / 2 },
    { header: t("columns.waiting"), width: 10, cell: (p) => p.waiting },
    { header: t("columns.disputed"), width: 10, cell: (p) => p.disputed },
  ];
  return xlsxExport({ actor, action: "supervision.export", entity: "Supervision", filter: pairListParams(filter), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...pairsForExport(actor, filter) });
}
