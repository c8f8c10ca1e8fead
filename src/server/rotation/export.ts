import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { authorize } from "@/server/auth/session";
import { xlsxExport, ExportRefused, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { rotationDepartmentFor, rotationList, type TRotationList } from "./list";

type TRow = TRotationList["rows"][number];

/** A department's rotation list as Excel: each person, their employment, last rotation training and coverage. */
export async function exportRotationList(departmentId: string): Promise<TXlsxExport> {
  const actor = await authorize("rotation.read");
  const [t, te, locale] = await Promise.all([getTranslations("rotation"), getTranslations("enums.employmentType"), getLocale()]);
  const department = await rotationDepartmentFor(actor, departmentId || undefined);
  if (!department) throw new ExportRefused(t("errors.notDepartment"));
  const list = await rotationList(actor, department.id);
  const columns: TExportColumn<TRow>[] = [
    { header: t("list.name"), width: 14, cell: (r) => r.practitioner.name },
    { header: t("list.employment"), width: 16, cell: (r) => (r.practitioner.employmentType ? te(r.practitioner.employmentType) : "") },
    { header: t("export.employer"), width: 30, cell: (r) => (r.practitioner.organization ? localName(r.practitioner.organization, locale) : "") },
    { header: t("export.lastDate"), width: 14, cell: (r) => isoDay(r.lastRotation?.date ?? null) ?? "" },
    { header: t("export.lastTitle"), width: 36, cell: (r) => r.lastRotation?.title ?? "" },
    { header: t("list.status"), width: 12, cell: (r) => (r.covered ? t("list.covered") : t("list.notCovered")) },
    { header: t("export.addedAt"), width: 14, cell: (r) => isoDay(r.addedAt) },
  ];
  return xlsxExport({
    actor,
    action: "rotation.export",
    entity: "RotationListEntry",
    filter: { department: department.id },
    sheet: t("export.sheet"),
    filename: t("export.filename", { department: localName(department, locale) }),
    columns,
    count: async () => list.rows.length,
    page: async (skip, take) => list.rows.slice(skip, skip + take),
  });
}
