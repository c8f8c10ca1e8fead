import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { contractFilterParams, type TContractListFilter } from "@/domain/contracts/list-filter";
import { isoDay } from "@/domain/common/calendar-day";
import { fenToYuanInput } from "@/lib/money";
import { localName } from "@/i18n/local-name";
import { contractListForExport, type TContractListRow } from "./queries";

/** The contracts list as Excel, with its filter: the columns the list shows, amounts in yuan as numbers. */
export async function exportContracts(filter: TContractListFilter): Promise<TXlsxExport> {
  const actor = await authorize("contracts.read");
  const [t, locale, rows] = await Promise.all([getTranslations("contracts"), getLocale(), contractListForExport(actor, filter)]);
  const yuan = (fen: bigint) => Number(fenToYuanInput(fen));
  const columns: TExportColumn<TContractListRow>[] = [
    { header: t("columns.reference"), width: 14, cell: (c) => c.reference },
    { header: t("columns.project"), width: 30, cell: (c) => c.title },
    { header: t("columns.agency"), width: 30, cell: (c) => localName(c.organization, locale) },
    { header: t("columns.department"), width: 20, cell: (c) => (c.department ? localName(c.department, locale) : t("cityCommissioned")) },
    { header: t("columns.district"), width: 12, cell: (c) => (c.district ? localName(c.district, locale) : t("cityLevel")) },
    { header: t("columns.type"), width: 14, cell: (c) => t(`types.${c.type}`) },
    { header: t("export.termStart"), width: 12, cell: (c) => isoDay(c.termStart) },
    { header: t("export.termEnd"), width: 12, cell: (c) => isoDay(c.termEnd) },
    { header: t("export.valueYuan"), width: 14, cell: (c) => yuan(c.valueFen) },
    { header: t("export.paidYuan"), width: 14, cell: (c) => yuan(c.paidFen) },
    { header: t("columns.milestones"), width: 10, cell: (c) => `${c.milestonesAccepted}/${c.milestonesTotal}` },
    { header: t("columns.late"), width: 10, cell: (c) => c.milestonesLate },
    { header: t("columns.status"), width: 10, cell: (c) => t(`statuses.${c.status}`) },
    { header: t("columns.shortfall"), width: 12, cell: (c) => (c.shortfall ? t("shortfallBadge") : "") },
  ];
  return xlsxExport({ actor, action: "contracts.export", entity: "Contract", filter: contractFilterParams(filter), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...rows });
}
