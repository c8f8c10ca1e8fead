import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TTrainingDetail } from "@/server/trainings/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { audienceIsOpen, hoursOf } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";

/** A programme's particulars: provider, dates, venue, hours, completion, audience and money; its places as figures. */
export async function TrainingParticulars({ t: p }: { t: TTrainingDetail }) {
  const [t, tAll, locale, format] = await Promise.all([getTranslations("trainings"), getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const list = (items: string[]) => items.join(tAll("common.listSeparator"));
  const audience = [
    p.audienceDepartmentTypes.length ? tAll("common.labelled", { label: t("fields.audienceDepartmentTypes"), value: list(p.audienceDepartmentTypes.map((d) => tAll(`departmentTypes.${d}`))) }) : null,
    p.districts.length ? tAll("common.labelled", { label: t("fields.audienceRegionIds"), value: list(p.districts.map((d) => localName(d, locale))) }) : null,
    p.audienceOrganizationKinds.length ? tAll("common.labelled", { label: t("fields.audienceOrganizationKinds"), value: list(p.audienceOrganizationKinds.map((k) => tAll(`orgKinds.${k}`))) }) : null,
    p.audienceLevels.length ? tAll("common.labelled", { label: t("fields.audienceLevels"), value: list(p.audienceLevels.map((l) => tAll(`enums.qualificationLevel.${l}`))) }) : null,
  ].filter((x): x is string => !!x);
  return (
    <div className="space-y-5">
      <KpiGrid className="grid-cols-2 sm:grid-cols-4">
        <KpiTile compact label={t("detail.places")} value={t("list.placesValue", { taken: p.taken, capacity: p.capacity })} testId="places-taken" />
        <KpiTile compact tone={p.placesLeft ? "green" : "amber"} label={t("detail.placesLeft")} value={p.placesLeft} testId="places-left" />
        <KpiTile compact tone={p.waitlisted ? "amber" : "slate"} label={t("detail.waitlist")} value={p.waitlisted} testId="waitlist-length" />
        <KpiTile compact tone="slate" label={t("detail.completed")} value={p.completed} testId="completed-count" />
      </KpiGrid>
      <DescriptionList>
        <DescriptionItem label={t("fields.provider")}>{localName(p.provider, locale)}</DescriptionItem>
        <DescriptionItem label={t("fields.kind")}>{t(`kinds.${p.kind}`)}</DescriptionItem>
        <DescriptionItem label={t("fields.scope")}>{t(`scopes.${p.scope}`)}</DescriptionItem>
        <DescriptionItem label={t("detail.dates")}>{`${day(p.startDate)} – ${day(p.endDate)}`}</DescriptionItem>
        <DescriptionItem label={t("fields.venue")}>{p.venue}</DescriptionItem>
        <DescriptionItem label={t("detail.hours")} testId="training-hours">{t("detail.hoursValue", { hours: hoursOf(p.lengthHalfHours), cpd: hoursOf(p.cpdHalfHours) })}</DescriptionItem>
        <DescriptionItem label={t("fields.completionPercent")}>{t("detail.completionValue", { percent: p.completionPercent, needed: p.sessionsNeeded, sessions: p.sessions.length })}</DescriptionItem>
        <DescriptionItem label={t("fields.cost")}>{formatFen(p.costFen, locale)}</DescriptionItem>
        <DescriptionItem label={t("fields.subsidy")} testId="training-subsidy">
          {p.subsidyFen > 0 ? t("detail.subsidyValue", { amount: formatFen(p.subsidyFen, locale), line: p.budgetLine ? `${p.budgetLine.fund.year} · ${p.budgetLine.name}` : "—" }) : t("detail.noSubsidy")}
        </DescriptionItem>
        <DescriptionItem label={t("detail.audience")} wide>
          {audienceIsOpen({ departmentTypes: p.audienceDepartmentTypes, organizationKinds: p.audienceOrganizationKinds, levels: p.audienceLevels, regionIds: p.audienceRegionIds }) ? t("detail.audienceOpen") : (
            <ul className="space-y-0.5">
              {audience.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          )}
        </DescriptionItem>
      </DescriptionList>
    </div>
  );
}
