import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";

/** The agency's registered particulars, contact and services. */
export async function AgencyParticularsCard({ agency: a }: { agency: TAgencyDetail }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const none = t("agencies.profile.none");
  return (
    <Card title={t("agencies.profile.sections.particulars")}>
      <DescriptionList>
        <DescriptionItem label={t("agencies.profile.fields.creditCode")}><span className="font-mono">{a.creditCode ?? none}</span></DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.legalRepresentative")}>{a.legalRepresentative ?? none}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.foundedOn")}>{dayFormatter(format, { none })(a.foundedOn)}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.district")}>{a.district ? localName(a.district, locale) : localName(a.region, locale)}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.address")}>{a.address ?? none}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.ownership")}>{a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public")}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.contactName")}>{a.contactName ?? none}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.contactPhone")}>{a.contactPhone ?? none}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.contactEmail")}>{a.contactEmail ?? none}</DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.serviceAreas")} wide>
          {a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : none}
        </DescriptionItem>
        <DescriptionItem label={t("agencies.profile.fields.targetGroups")} wide>
          {a.targetGroups.length ? format.list(a.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
        </DescriptionItem>
      </DescriptionList>
      <p className="mt-4 text-xs text-slate-500">{t("agencies.profile.updated", { date: momentFormatter(format)(a.updatedAt) })}</p>
    </Card>
  );
}
