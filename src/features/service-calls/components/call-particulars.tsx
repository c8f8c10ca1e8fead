import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCallDetail } from "@/server/service-calls/queries";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { DataTable } from "@/components/ui/data-table";

/** A call's particulars: project, department, district, budget, term, deadline, staffing, eligibility. */
export async function CallParticulars({ call }: { call: TCallDetail }) {
  const [t, tAll, locale, format] = await Promise.all([getTranslations("serviceCalls"), getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const moment = momentFormatter(format);
  return (
    <div className="space-y-5">
      <p className="whitespace-pre-line text-sm text-slate-800">{call.description}</p>
      <DescriptionList>
        <DescriptionItem label={t("fields.type")}>{t(`types.${call.type}`)}</DescriptionItem>
        <DescriptionItem label={t("fields.practiceField")}>{tAll(`enums.practiceField.${call.practiceField}`)}</DescriptionItem>
        <DescriptionItem label={t("fields.targetGroups")}>{call.targetGroups.length ? call.targetGroups.map((g) => tAll(`enums.targetGroup.${g}`)).join(tAll("common.listSeparator")) : "—"}</DescriptionItem>
        <DescriptionItem label={t("fields.department")}>{call.department ? localName(call.department, locale) : t("form.cityItself")}</DescriptionItem>
        <DescriptionItem label={t("fields.region")}>{localName(call.region, locale)}</DescriptionItem>
        <DescriptionItem label={t("fields.budget")} testId="call-budget">{formatFen(call.budgetFen, locale)}</DescriptionItem>
        <DescriptionItem label={t("fields.budgetLine")}>{call.budgetLine ? `${call.budgetLine.fund.year} · ${call.budgetLine.name}` : "—"}</DescriptionItem>
        <DescriptionItem label={t("detail.term")}>{`${day(call.termStart)} – ${day(call.termEnd)}`}</DescriptionItem>
        <DescriptionItem label={t("fields.deadline")} testId="call-deadline">{t("detail.deadlineValue", { deadline: moment(call.deadline) })}</DescriptionItem>
        <DescriptionItem label={t("detail.staffing")} wide>{t("detail.staffingValue", { staff: call.minQualifiedStaff, percent: call.minQualifiedPercent })}</DescriptionItem>
        <DescriptionItem label={t("fields.minRating")}>{call.minRating ? tAll(`enums.agencyRatingLevel.${call.minRating}`) : t("detail.noMinRating")}</DescriptionItem>
      </DescriptionList>
    </div>
  );
}

/** The weighted criteria of a call. */
export async function CallCriteria({ call }: { call: TCallDetail }) {
  const t = await getTranslations("serviceCalls");
  return (
    <DataTable
      caption={t("detail.criteria")}
      columns={[{ label: t("detail.criterionNumber"), numeric: true }, { label: t("fields.criteria") }, { label: t("detail.weight"), numeric: true }, { label: t("detail.maxScore"), numeric: true }]}
      rows={call.criteria.map((c) => ({ key: String(c.number), testId: "criterion-row", cells: [c.number, c.name, `${c.weight}%`, c.maxScore] }))}
    />
  );
}
