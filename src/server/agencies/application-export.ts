import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { authorize } from "@/server/auth/session";
import { cityDateTime, xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { localName } from "@/i18n/local-name";
import { applicationListWhere, type TApplicationFilters } from "./application-queries";

const row = {
  reference: true,
  name: true,
  creditCode: true,
  status: true,
  returnedFrom: true,
  submittedAt: true,
  decidedAt: true,
  region: { select: namedSelect },
} as const satisfies Prisma.AgencyApplicationSelect;
type TRow = Prisma.AgencyApplicationGetPayload<{ select: typeof row }>;

/**
 * The review queue of agency applications as Excel, with its filter (status, district, search):
 * reference, agency and credit code, district, submitted, status and the step that returned it;
 * a filter on decided applications adds when they were decided.
 */
export async function exportApplications(filter: Omit<TApplicationFilters, "page">): Promise<TXlsxExport> {
  const actor = await authorize("agencyApplications.read");
  const { where, status, orderBy } = applicationListWhere(actor, filter);
  const [t, te, locale] = await Promise.all([getTranslations("agencyApplications"), getTranslations("enums"), getLocale()]);
  const decided = status === "APPROVED" || status === "REJECTED";
  const columns: TExportColumn<TRow>[] = [
    { header: t("queue.columns.reference"), width: 16, cell: (a) => a.reference },
    { header: t("queue.columns.agency"), width: 30, cell: (a) => a.name },
    { header: t("fields.creditCode"), width: 20, cell: (a) => a.creditCode },
    { header: t("queue.columns.district"), width: 12, cell: (a) => localName(a.region, locale) },
    { header: t("queue.columns.submittedAt"), width: 16, cell: (a) => cityDateTime(a.submittedAt) },
    { header: t("queue.columns.status"), width: 12, cell: (a) => te(`applicationStatus.${a.status}`) },
    { header: t("export.returnedFrom"), width: 12, cell: (a) => (a.status === "RETURNED" && a.returnedFrom ? te(`applicationStatus.${a.returnedFrom}`) : "") },
    ...(decided ? [{ header: t("export.decidedAt"), width: 16, cell: (a: TRow) => cityDateTime(a.decidedAt) }] : []),
  ];
  return xlsxExport({
    actor,
    action: "agencyApplications.export",
    entity: "AgencyApplication",
    filter: { q: filter.q, status, district: filter.district },
    sheet: t("export.sheet"),
    filename: t("export.filename"),
    columns,
    count: () => prisma.agencyApplication.count({ where }),
    page: (skip, take) => prisma.agencyApplication.findMany({ where, orderBy, skip, take, select: row }),
  });
}
