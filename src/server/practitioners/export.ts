import "server-only";
import { practitionerExportSelect } from "./select";
import { districtNames, organizationNames } from "./queries";
import { getLocale, getTranslations } from "next-intl/server";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { cityDateTime, ExportRefused, xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { roleSeesFullBirthDates } from "@/domain/practitioners/privacy";
import { primaryCertificate, registerExportExtras } from "@/domain/practitioners/export-columns";
import { localName } from "@/i18n/local-name";
import { listFilterParams, type TListFilter } from "@/domain/practitioners/list-filter";
import { G1_FLAGS } from "@/domain/practitioners/enums";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { districtIdOf, registerOrderBy, registerWhere } from "./where";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { registrationStatus } from "@/domain/registrations/rules";
import { getQualificationSettings } from "@/server/plan/qualification-settings";

const certificateSelect = {
  practitionerId: true,
  kind: true,
  number: true,
  issueDate: true,
  registration: { select: { number: true, periodStart: true, periodEnd: true } },
} as const satisfies Prisma.CredentialSelect;
type TCertificate = Prisma.CredentialGetPayload<{ select: typeof certificateSelect }>;

type TRow = Prisma.PractitionerGetPayload<{ select: typeof practitionerExportSelect & { phone: true; updatedAt: true } }> & {
  district: string;
  organization: string;
  certificate: TCertificate | null;
};

/**
 * The filtered register as an .xlsx stream (practitioners.export, within the caller's scope): the
 * list's columns, plus those its filter is about (registerExportExtras: certificate, registration,
 * and the phone when registrations come due). ID numbers are masked; whoever may not reveal them
 * gets the year of birth; e-mail never, phone only as said. Audited before the first byte is sent.
 */
export async function exportPractitioners(filter: TListFilter): Promise<TXlsxExport> {
  const actor = await authorize("practitioners.export");
  const where = await registerWhere(actor, "practitioners.export", filter);
  const [t, te, locale, settings] = await Promise.all([getTranslations("practitioners"), getTranslations("enums"), getLocale(), getQualificationSettings()]);
  // The list points out a number of days that is not one and does not apply it; the export must
  // not quietly widen to the whole register either.
  if (filter.regEndsInvalid !== null) throw new ExportRefused(t("filters.regEndsInvalid", { value: filter.regEndsInvalid }));
  const today = todayInCity();
  // Whoever may not reveal ID numbers gets the year of birth only (issue 10, hole 1).
  const fullBirth = roleSeesFullBirthDates(actor.role);
  const extras = registerExportExtras(filter, actor.role);

  const col = (header: string, width: number, cell: TExportColumn<TRow>["cell"]): TExportColumn<TRow> => ({ header, width, cell });
  const registrationColumns = [
    col(t("fields.registrationEnd"), 12, (p) => isoDay(p.registrationEnd) ?? ""),
    col(t("fields.registrationStatus"), 12, (p) => (p.registrationEnd ? t(`registrationFilter.${registrationStatus(p.registrationEnd, today, settings.registrationDueDays)}`) : t("registrationFilter.none"))),
  ];
  // The columns the filter is about come right after the person, where they are seen first.
  const filterColumns: TExportColumn<TRow>[] = [
    ...(extras.phone ? [col(t("fields.phone"), 14, (p) => p.phone)] : []),
    ...(extras.certificate
      ? [col(t("export.certificateNumber"), 18, (p) => p.certificate?.number), col(t("export.certificateKind"), 16, (p) => (p.certificate ? te(`credentialKind.${p.certificate.kind}`) : "")), col(t("export.certificateIssued"), 12, (p) => isoDay(p.certificate?.issueDate))]
      : []),
    ...(extras.registration
      ? [col(t("export.registrationNumber"), 18, (p) => p.certificate?.registration?.number), col(t("export.registrationStart"), 12, (p) => isoDay(p.certificate?.registration?.periodStart)), ...registrationColumns]
      : []),
  ];
  const columns: TExportColumn<TRow>[] = [
    col(t("fields.name"), 12, (p) => p.name),
    col(t("fields.gender"), 6, (p) => (p.gender ? te(`gender.${p.gender}`) : "")),
    fullBirth ? col(t("fields.birthDate"), 12, (p) => isoDay(p.birthDate)) : col(t("fields.birthYear"), 10, (p) => p.birthDate?.getUTCFullYear()),
    col(t("fields.idNumber"), 21, (p) => p.idNumberMasked),
    ...filterColumns,
    col(t("fields.district"), 12, (p) => p.district),
    col(t("fields.organization"), 30, (p) => p.organization),
    col(t("fields.employmentType"), 14, (p) => (p.employmentType ? te(`employmentType.${p.employmentType}`) : "")),
    col(t("fields.degree"), 8, (p) => te(`degree.${p.degree}`)),
    col(t("fields.major"), 10, (p) => (p.major ? te(`major.${p.major}`) : "")),
    col(t("fields.professionalTitle"), 10, (p) => te(`professionalTitle.${p.professionalTitle}`)),
    col(t("fields.practiceFields"), 30, (p) => p.practiceFields.map((f) => te(`practiceField.${f}`)).join("; ")),
    col(t("fields.targetGroups"), 24, (p) => p.targetGroups.map((g) => te(`targetGroup.${g}`)).join("; ")),
    col(t("fields.talentTrack"), 12, (p) => (p.talentTrack ? te(`talentTrack.${p.talentTrack}`) : "")),
    col(t("fields.entryPath"), 12, (p) => te(`entryPath.${p.entryPath}`)),
    col(t("fields.entryDate"), 12, (p) => isoDay(p.entryDate)),
    col(t("fields.status"), 10, (p) => te(`practitionerStatus.${p.status}`)),
    col(t("fields.statusSince"), 12, (p) => isoDay(p.statusSince)),
    col(t("fields.counts"), 8, (p) => (p.isQualified ? t("counts.yes") : t("counts.no"))),
    col(t("fields.qualifiedSince"), 12, (p) => isoDay(p.qualifiedSince)),
    col(t("fields.qualificationLevel"), 16, (p) => te(`qualificationLevel.${p.qualificationLevel}`)),
    col(t("fields.g1Profiles"), 30, (p) => G1_FLAGS.filter((k) => p[k]).map((k) => te(`g1Profile.${k}`)).join("; ")),
    ...(extras.registration ? [] : registrationColumns),
    col(t("columns.updatedAt"), 16, (p) => cityDateTime(p.updatedAt)),
  ];

  // Region and employer names, looked up once per batch for the ids not seen yet.
  const names = new Map<string, string>();
  async function learnNames(rows: { regionPath: string | null; organizationId: string | null }[]) {
    const [districts, orgs] = await Promise.all([
      districtNames(rows.map((r) => r.regionPath).filter((p) => !names.has(districtIdOf(p) ?? ""))),
      organizationNames(rows.map((r) => r.organizationId).filter((id) => !!id && !names.has(id))),
    ]);
    for (const [id, r] of [...districts, ...orgs]) names.set(id, localName(r, locale));
  }
  /** Each row's verified certificate that the filter is about (one query per batch). */
  async function certificatesOf(ids: string[]): Promise<Map<string, TCertificate>> {
    if (!extras.certificate) return new Map();
    const rows = await prisma.credential.findMany({ where: { practitionerId: { in: ids }, kind: { in: [...CERTIFICATE_KINDS] }, status: "VERIFIED" }, select: certificateSelect });
    const byPerson = new Map<string, TCertificate[]>();
    for (const c of rows) byPerson.set(c.practitionerId, [...(byPerson.get(c.practitionerId) ?? []), c]);
    const out = new Map<string, TCertificate>();
    for (const [id, certs] of byPerson) {
      const best = primaryCertificate(certs);
      if (best) out.set(id, best);
    }
    return out;
  }

  const orderBy = registerOrderBy(filter);
  return xlsxExport<TRow>({
    actor,
    action: "practitioners.export",
    entity: "Practitioner",
    filter: listFilterParams(filter),
    sheet: t("export.sheet"),
    filename: t("export.filename"),
    columns,
    count: () => prisma.practitioner.count({ where }),
    page: async (skip, take) => {
      // The phone is read only when the export carries it.
      const rows = await prisma.practitioner.findMany({ where, orderBy, skip, take, select: { ...practitionerExportSelect, phone: true, updatedAt: true } });
      const [, certificates] = await Promise.all([learnNames(rows), certificatesOf(rows.map((r) => r.id))]);
      return rows.map((p) => ({
        ...p,
        phone: extras.phone ? p.phone : null,
        district: names.get(districtIdOf(p.regionPath) ?? "") ?? "",
        organization: p.organizationId ? (names.get(p.organizationId) ?? "") : "",
        certificate: certificates.get(p.id) ?? null,
      }));
    },
  });
}
