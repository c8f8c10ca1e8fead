import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPractitionerDetail } from "@/server/practitioners/queries";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { RevealIdNumber } from "./reveal-id-number";

/** The register's profile of a practitioner; the ID number stays masked unless the caller may reveal it (audited). */
export async function PractitionerProfileCard({ p, mayRevealIdNumber }: { p: TPractitionerDetail; mayRevealIdNumber: boolean }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const none = t("practitioners.form.none");
  const sub = (text: string) => <span className="block text-xs text-slate-500">{text}</span>;
  return (
    <Card title={t("practitioners.detail.profile")}>
      <DescriptionList>
        <DescriptionItem label={t("practitioners.fields.idNumber")}>
          <RevealIdNumber practitionerId={p.id} masked={p.idNumberMasked ?? "—"} canReveal={!!p.idNumberMasked && mayRevealIdNumber} />
        </DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.gender")}>{p.gender ? t(`enums.gender.${p.gender}`) : none}</DescriptionItem>
        {p.birthYear !== null ? (
          <DescriptionItem label={t("practitioners.fields.birthYear")}>{p.birthYear}</DescriptionItem>
        ) : (
          <DescriptionItem label={t("practitioners.fields.birthDate")}>{day(p.birthDate)}</DescriptionItem>
        )}
        <DescriptionItem label={t("practitioners.fields.phone")}>{p.phone ?? none}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.email")}>{p.email ?? none}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.degree")}>
          {t(`enums.degree.${p.degree}`)}
          {p.major ? ` · ${t(`enums.major.${p.major}`)}` : ""}
          {p.degreeInstitution || p.degreeYear ? sub([p.degreeInstitution, p.degreeYear].filter(Boolean).join(" · ")) : null}
        </DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.professionalTitle")}>{t(`enums.professionalTitle.${p.professionalTitle}`)}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.organization")}>{p.organization ? localName(p.organization, locale) : none}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.employmentType")}>
          {p.employmentType ? t(`enums.employmentType.${p.employmentType}`) : none}
          {p.hireDate ? sub(t("common.labelled", { label: t("practitioners.fields.hireDate"), value: day(p.hireDate) })) : null}
        </DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.entryPath")}>
          {t(`enums.entryPath.${p.entryPath}`)}
          {sub(t("common.labelled", { label: t("practitioners.fields.entryDate"), value: day(p.entryDate) }))}
        </DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.talentTrack")}>{p.talentTrack ? t(`enums.talentTrack.${p.talentTrack}`) : none}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.keyPost")}>{p.keyPost ? "✓" : "—"}</DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.practiceFields")} wide>
          {p.practiceFields.length ? format.list(p.practiceFields.map((f) => t(`enums.practiceField.${f}`))) : none}
        </DescriptionItem>
        <DescriptionItem label={t("practitioners.fields.targetGroups")} wide>
          {p.targetGroups.length ? format.list(p.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
        </DescriptionItem>
      </DescriptionList>
      <p className="mt-4 text-xs text-slate-500">{t("practitioners.detail.updated", { date: momentFormatter(format)(p.updatedAt) })}</p>
    </Card>
  );
}
