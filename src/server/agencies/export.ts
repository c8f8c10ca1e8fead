import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize, AuthzError } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { scopeOf } from "@/domain/authz/matrix";
import { agencyListParams, type TAgencyListFilter } from "@/domain/agencies/list-filter";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { agencyListForExport, type TAgencyRow } from "./queries";

/**
 * The officials' agency list as Excel, with its filter: what the list shows (credit code,
 * district, status and since when, rating and its date, integrity flags, ownership, staff,
 * membership), plus the founding date when the list is sorted by it. For officials only, like
 * the list (an agency's administrator reads their own profile).
 */
export async function exportAgencies(filter: TAgencyListFilter): Promise<TXlsxExport> {
  const actor = await authorize("agencies.read");
  if (scopeOf(actor.role, "agencies.read") === "organization") throw new AuthzError("forbidden");
  const [t, te, locale] = await Promise.all([getTranslations("agencies"), getTranslations("enums"), getLocale()]);
  const rows = await agencyListForExport(actor, filter);
  const columns: TExportColumn<TAgencyRow>[] = [
    { header: t("list.columns.name"), width: 30, cell: (a) => localName(a, locale) },
    { header: t("export.creditCode"), width: 20, cell: (a) => a.creditCode },
    { header: t("list.columns.district"), width: 12, cell: (a) => (a.district ? localName(a.district, locale) : "") },
    { header: t("list.columns.status"), width: 10, cell: (a) => (a.agencyStatus ? te(`agencyStatus.${a.agencyStatus}`) : "") },
    { header: t("export.statusSince"), width: 12, cell: (a) => isoDay(a.agencyStatusSince) },
    { header: t("list.columns.rating"), width: 8, cell: (a) => (a.rating ? te(`agencyRatingLevel.${a.rating}`) : t("list.notRated")) },
    { header: t("export.ratingDate"), width: 12, cell: (a) => isoDay(a.ratingDate) },
    { header: t("list.columns.flags"), width: 20, cell: (a) => a.flags.map((f) => t(`flags.${f}`)).join("; ") },
    { header: t("list.columns.ownership"), width: 8, cell: (a) => (a.isPrivate ? t("ownership.private") : t("ownership.public")) },
    ...(filter.sort === "foundedOn" ? [{ header: t("export.foundedOn"), width: 12, cell: (a: TAgencyRow) => isoDay(a.foundedOn) }] : []),
    { header: t("export.staffQualified"), width: 10, cell: (a) => a.staff.qualified },
    { header: t("export.staffTotal"), width: 10, cell: (a) => a.staff.total },
    { header: t("list.columns.member"), width: 10, cell: (a) => (a.isMember ? t("member.yes") : t("member.no")) },
  ];
  return xlsxExport({ actor, action: "agencies.export", entity: "Organization", filter: agencyListParams(filter), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...rows });
}
