import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { sittingListParams, type TSittingListFilter } from "@/domain/exams/list-filter";
import { localName } from "@/i18n/local-name";
import { sittingsForExport } from "./queries";
import type { TSittingRow } from "./select";

/** The exam sittings list as Excel, with its filter: person, employer, year, level, result, who entered it. */
export async function exportSittings(filter: TSittingListFilter): Promise<TXlsxExport> {
  const actor = await authorize("exams.read");
  const [t, tEnums, locale] = await Promise.all([getTranslations("exams"), getTranslations("enums"), getLocale()]);
  const columns: TExportColumn<TSittingRow>[] = [
    { header: t("columns.name"), width: 12, cell: (s) => s.practitioner.name },
    { header: t("columns.employer"), width: 30, cell: (s) => localName(s.practitioner.organization, locale) },
    { header: t("columns.year"), width: 8, cell: (s) => s.year },
    { header: t("columns.level"), width: 18, cell: (s) => tEnums(`qualificationLevel.${s.level}`) },
    { header: t("columns.result"), width: 10, cell: (s) => t(`results.${s.result}`) },
    { header: t("columns.source"), width: 14, cell: (s) => t(`sources.${s.source}`) },
  ];
  return xlsxExport({ actor, action: "exams.export", entity: "ExamSitting", filter: sittingListParams(filter), sheet: t("export.sheet"), filename: t("export.filename"), columns, ...(await sittingsForExport(actor, filter)) });
}
