import "server-only";
import { practitionerExportSelect } from "./select";
import { districtNames, organizationNames } from "./queries";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { roleSeesFullBirthDates } from "@/domain/practitioners/privacy";
import { localName } from "@/i18n/local-name";
import { listFilterParams, type TListFilter } from "@/domain/practitioners/list-filter";
import { G1_FLAGS } from "@/domain/practitioners/enums";
import { districtIdOf, registerOrderBy, registerWhere } from "./where";
import { isoDay, todayInCity, todayInCityIso } from "@/domain/common/calendar-day";
import { registrationStatus } from "@/domain/registrations/rules";
import { getQualificationSettings } from "@/server/plan/qualification-settings";

/** More rows than the city will ever hold; a guard against a runaway export, not a page size. */
export const EXPORT_MAX_ROWS = 200_000;
const BATCH = 2000;

/**
 * The filtered register as an .xlsx stream (practitioners.export, within the caller's scope).
 * Personal identifiers are masked; phone and e-mail are left out. The export is audited with its
 * filter and row count before the first byte is sent.
 */
export async function exportPractitioners(filter: TListFilter): Promise<{ stream: ReadableStream; filename: string; rows: number }> {
  const actor = await authorize("practitioners.export");
  const meta = await getRequestMeta();
  const where = await registerWhere(actor, "practitioners.export", filter);
  const total = Math.min(await prisma.practitioner.count({ where }), EXPORT_MAX_ROWS);
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actor: auditActor(actor), action: "practitioners.export", entity: "Practitioner", after: { filter: listFilterParams(filter), rows: total }, meta }),
  );

  const [t, te, locale] = await Promise.all([getTranslations("practitioners"), getTranslations("enums"), getLocale()]);
  // Whoever may not reveal ID numbers gets the year of birth only (issue 10, hole 1).
  const fullBirth = roleSeesFullBirthDates(actor.role);
  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t("export.sheet"));
  sheet.columns = [
    { header: t("fields.name"), key: "name", width: 12 },
    { header: t("fields.gender"), key: "gender", width: 6 },
    fullBirth ? { header: t("fields.birthDate"), key: "birthDate", width: 12 } : { header: t("fields.birthYear"), key: "birthDate", width: 10 },
    { header: t("fields.idNumber"), key: "idNumber", width: 21 },
    { header: t("fields.district"), key: "district", width: 12 },
    { header: t("fields.organization"), key: "organization", width: 30 },
    { header: t("fields.employmentType"), key: "employmentType", width: 14 },
    { header: t("fields.degree"), key: "degree", width: 8 },
    { header: t("fields.major"), key: "major", width: 10 },
    { header: t("fields.professionalTitle"), key: "professionalTitle", width: 10 },
    { header: t("fields.practiceFields"), key: "practiceFields", width: 30 },
    { header: t("fields.targetGroups"), key: "targetGroups", width: 24 },
    { header: t("fields.talentTrack"), key: "talentTrack", width: 12 },
    { header: t("fields.entryPath"), key: "entryPath", width: 12 },
    { header: t("fields.entryDate"), key: "entryDate", width: 12 },
    { header: t("fields.status"), key: "status", width: 10 },
    { header: t("fields.statusSince"), key: "statusSince", width: 12 },
    { header: t("fields.counts"), key: "counts", width: 8 },
    { header: t("fields.qualifiedSince"), key: "qualifiedSince", width: 12 },
    { header: t("fields.qualificationLevel"), key: "level", width: 16 },
    { header: t("fields.g1Profiles"), key: "g1", width: 30 },
    { header: t("fields.registrationEnd"), key: "registrationEnd", width: 12 },
    { header: t("fields.registrationStatus"), key: "registrationStatus", width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };

  // Region and employer names, looked up once per batch for the ids not seen yet.
  const names = new Map<string, string>();
  async function learnNames(rows: { regionPath: string | null; organizationId: string | null }[]) {
    // Only names not learnt from an earlier batch.
    const [districts, orgs] = await Promise.all([
      districtNames(rows.map((r) => r.regionPath).filter((p) => !names.has(districtIdOf(p) ?? ""))),
      organizationNames(rows.map((r) => r.organizationId).filter((id) => !!id && !names.has(id))),
    ]);
    for (const [id, r] of [...districts, ...orgs]) names.set(id, localName(r, locale));
  }

  const orderBy = registerOrderBy(filter);
  const [settings, today] = [await getQualificationSettings(), todayInCity()];
  void (async () => {
    try {
      for (let skip = 0; skip < total; skip += BATCH) {
        const rows = await prisma.practitioner.findMany({ where, orderBy, skip, take: Math.min(BATCH, total - skip), select: practitionerExportSelect });
        await learnNames(rows);
        for (const p of rows) {
          sheet
            .addRow({
              name: p.name,
              gender: p.gender ? te(`gender.${p.gender}`) : "",
              birthDate: fullBirth ? (isoDay(p.birthDate) ?? "") : (p.birthDate?.getUTCFullYear() ?? ""),
              idNumber: p.idNumberMasked ?? "",
              district: names.get(districtIdOf(p.regionPath) ?? "") ?? "",
              organization: p.organizationId ? (names.get(p.organizationId) ?? "") : "",
              employmentType: p.employmentType ? te(`employmentType.${p.employmentType}`) : "",
              degree: te(`degree.${p.degree}`),
              major: p.major ? te(`major.${p.major}`) : "",
              professionalTitle: te(`professionalTitle.${p.professionalTitle}`),
              practiceFields: p.practiceFields.map((f) => te(`practiceField.${f}`)).join("; "),
              targetGroups: p.targetGroups.map((g) => te(`targetGroup.${g}`)).join("; "),
              talentTrack: p.talentTrack ? te(`talentTrack.${p.talentTrack}`) : "",
              entryPath: te(`entryPath.${p.entryPath}`),
              entryDate: isoDay(p.entryDate) ?? "",
              status: te(`practitionerStatus.${p.status}`),
              statusSince: isoDay(p.statusSince) ?? "",
              counts: p.isQualified ? t("counts.yes") : t("counts.no"),
              qualifiedSince: isoDay(p.qualifiedSince) ?? "",
              level: te(`qualificationLevel.${p.qualificationLevel}`),
              g1: G1_FLAGS.filter((k) => p[k]).map((k) => te(`g1Profile.${k}`)).join("; "),
              registrationEnd: isoDay(p.registrationEnd) ?? "",
              registrationStatus: p.registrationEnd ? t(`registrationFilter.${registrationStatus(p.registrationEnd, today, settings.registrationDueDays)}`) : t("registrationFilter.none"),
            })
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error("[export] practitioners", error);
      pass.destroy(error as Error);
    }
  })();

  const stamp = todayInCityIso();
  return { stream: Readable.toWeb(pass) as ReadableStream, filename: `${t("export.filename")}-${stamp}.xlsx`, rows: total };
}
