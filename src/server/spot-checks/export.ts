import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthzError, getCurrentUser } from "@/server/auth/session";
import { xlsxExport, cityDateTime, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { isoDay } from "@/domain/common/calendar-day";
import { fenToYuanInput } from "@/lib/money";
import { localName } from "@/i18n/local-name";
import { getDraw, spotCheckReadAction, type TDraw } from "./draws";

type TRow = TDraw["items"][number];

/** A draw's sample as Excel: one row a sampled milestone with its document check. */
export async function exportDraw(id: string): Promise<TXlsxExport> {
  const actor = await getCurrentUser();
  if (!actor) throw new AuthzError("unauthenticated");
  if (!spotCheckReadAction(actor)) throw new AuthzError("forbidden");
  const draw = await getDraw(actor, id);
  if (!draw) throw new AuthzError("forbidden");
  const [t, locale] = await Promise.all([getTranslations("spotChecks"), getLocale()]);
  const columns: TExportColumn<TRow>[] = [
    { header: t("detail.reference"), width: 14, cell: () => draw.reference },
    { header: t("detail.seed"), width: 20, cell: () => draw.seed },
    { header: t("detail.contract"), width: 16, cell: (i) => i.milestone.contract.reference },
    { header: t("detail.agency"), width: 30, cell: (i) => localName(i.milestone.contract.organization, locale) },
    { header: t("detail.milestone"), width: 36, cell: (i) => t("detail.milestoneLabel", { number: i.milestone.number, title: i.milestone.title }) },
    { header: t("detail.amount"), width: 14, cell: (i) => Number(fenToYuanInput(i.milestone.amountFen)) },
    { header: t("detail.acceptedOn"), width: 18, cell: (i) => cityDateTime(i.milestone.decidedAt) },
    { header: t("detail.status"), width: 10, cell: (i) => t(`statuses.${i.status}`) },
    { header: t("detail.note"), width: 40, cell: (i) => i.note ?? "" },
  ];
  return xlsxExport({
    actor,
    action: "spotChecks.export",
    entity: "SpotCheckDraw",
    filter: { id: draw.id, periodStart: isoDay(draw.periodStart), periodEnd: isoDay(draw.periodEnd) },
    sheet: t("export.sheet"),
    filename: `${t("export.filename")}-${draw.reference}`,
    columns,
    count: async () => draw.items.length,
    page: async (skip, take) => draw.items.slice(skip, skip + take),
  });
}
