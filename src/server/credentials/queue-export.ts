import "server-only";
import { credentialBaseSelect } from "./select";
import { getLocale, getTranslations } from "next-intl/server";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { nameOnlySelect } from "@/server/select";
import { authorize } from "@/server/auth/session";
import { cityDateTime, xlsxExport, type TExportColumn, type TXlsxExport } from "@/server/export/xlsx";
import { districtNames } from "@/server/practitioners/queries";
import { districtIdOf } from "@/server/practitioners/where";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { queuePractitionerWhere } from "@/server/registrations/queries";
import { verificationQueueWhere } from "./queries";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";

// The verification queue's three tabs as Excel, each with the filter of the page it is on:
// credentials (status, kind, district, search), CPD hours and renewals (district, search).
// Each tab needs the permission that tab's page needs; the rows are the caller's scope.

export const QUEUE_TABS = ["credentials", "hours", "renewals"] as const;
export type TQueueTab = (typeof QUEUE_TABS)[number];
export type TQueueExportFilter = { tab: TQueueTab; q?: string; kind?: string; status?: string; district?: string };

export function parseQueueExportFilter(params: URLSearchParams): TQueueExportFilter {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const tab = QUEUE_TABS.find((x) => x === params.get("tab")) ?? "credentials";
  return { tab, q: get("q")?.slice(0, 100), kind: get("kind"), status: get("status"), district: get("district") };
}

const person = { select: { id: true, name: true, regionPath: true, organization: { select: nameOnlySelect } } } as const;
type TPerson = { name: string; regionPath: string | null; organization: { name: string; nameHant: string | null; nameEn: string | null } | null };

/** The columns every tab starts with: who, employer, district (names looked up once per page). */
async function personColumns<R extends { practitioner: TPerson }>(locale: Awaited<ReturnType<typeof getLocale>>) {
  const t = await getTranslations("credentials");
  const districts = new Map<string, string>();
  const learn = async (rows: R[]) => {
    for (const [id, r] of await districtNames(rows.map((r) => r.practitioner.regionPath))) districts.set(id, localName(r, locale));
  };
  const columns: TExportColumn<R>[] = [
    { header: t("practitioner"), width: 12, cell: (r) => r.practitioner.name },
    { header: t("export.employer"), width: 30, cell: (r) => (r.practitioner.organization ? localName(r.practitioner.organization, locale) : "") },
    { header: t("district"), width: 12, cell: (r) => districts.get(districtIdOf(r.practitioner.regionPath) ?? "") ?? "" },
  ];
  return { columns, learn };
}

export async function exportVerificationQueue(filter: TQueueExportFilter): Promise<TXlsxExport> {
  switch (filter.tab) {
    case "hours":
      return exportCpdQueue(filter);
    case "renewals":
      return exportRenewalQueue(filter);
    default:
      return exportCredentialQueue(filter);
  }
}

const credentialRow = {
  ...credentialBaseSelect,
  createdAt: true,
  registration: { select: { number: true, periodStart: true, periodEnd: true } },
  practitioner: person,
} as const satisfies Prisma.CredentialSelect;
type TCredentialRow = Prisma.CredentialGetPayload<{ select: typeof credentialRow }>;

async function exportCredentialQueue(filter: TQueueExportFilter): Promise<TXlsxExport> {
  const actor = await authorize("credentials.verify");
  const { where, orderBy, status, kind } = verificationQueueWhere(actor, filter);
  const [t, te, locale] = await Promise.all([getTranslations("credentials"), getTranslations("enums"), getLocale()]);
  const who = await personColumns<TCredentialRow>(locale);
  const kindLabel = (c: TCredentialRow) =>
    c.kind === "SOCIAL_WORK_DEGREE" && c.degreeLevel
      ? `${te(`credentialKind.${c.kind}`)} · ${te(`degree.${c.degreeLevel}`)}`
      : c.kind === "PROFESSIONAL_TITLE" && c.titleLevel
        ? `${te(`credentialKind.${c.kind}`)} · ${te(`professionalTitle.${c.titleLevel}`)}`
        : te(`credentialKind.${c.kind}`);
  const columns: TExportColumn<TCredentialRow>[] = [
    ...who.columns,
    { header: t("kind"), width: 16, cell: kindLabel },
    { header: t("number"), width: 18, cell: (c) => c.number },
    { header: t("issuingAuthority"), width: 24, cell: (c) => c.issuingAuthority },
    { header: t("issueDate"), width: 12, cell: (c) => isoDay(c.issueDate) },
    { header: t("registrationNumber"), width: 18, cell: (c) => c.registration?.number },
    { header: t("export.registrationStart"), width: 12, cell: (c) => isoDay(c.registration?.periodStart) },
    { header: t("export.registrationEnd"), width: 12, cell: (c) => isoDay(c.registration?.periodEnd) },
    { header: t("submittedAt"), width: 16, cell: (c) => cityDateTime(c.createdAt) },
    { header: t("status"), width: 10, cell: (c) => te(`credentialStatus.${c.status}`) },
    // A filter on decided credentials is about the decision: when, and why.
    ...(status === "SUBMITTED" ? [] : [{ header: t("export.decidedAt"), width: 16, cell: (c: TCredentialRow) => cityDateTime(c.verifiedAt) }]),
    { header: t("reason"), width: 30, cell: (c) => c.statusReason },
  ];
  return xlsxExport({
    actor,
    action: "credentials.queue.export",
    entity: "Credential",
    filter: { tab: "credentials", q: filter.q, kind: kind ?? undefined, status, district: filter.district },
    sheet: t("export.sheet"),
    filename: t("export.filename"),
    columns,
    count: () => prisma.credential.count({ where }),
    page: async (skip, take) => {
      const rows = await prisma.credential.findMany({ where, orderBy, skip, take, select: credentialRow });
      await who.learn(rows);
      return rows;
    },
  });
}

const cpdRow = { title: true, provider: true, kind: true, startDate: true, endDate: true, halfHours: true, createdAt: true, proofFileId: true, practitioner: person } as const satisfies Prisma.CpdEntrySelect;
type TCpdRow = Prisma.CpdEntryGetPayload<{ select: typeof cpdRow }>;

async function exportCpdQueue(filter: TQueueExportFilter): Promise<TXlsxExport> {
  const actor = await authorize("cpd.verify");
  const where: Prisma.CpdEntryWhereInput = { status: "SUBMITTED", practitioner: queuePractitionerWhere(actor, "cpd.verify", filter) };
  const [t, tq, tk, locale] = await Promise.all([getTranslations("registrations.queue.export"), getTranslations("registrations.queue"), getTranslations("registrations.cpdKind"), getLocale()]);
  const who = await personColumns<TCpdRow>(locale);
  const columns: TExportColumn<TCpdRow>[] = [
    ...who.columns,
    { header: tq("activity"), width: 30, cell: (e) => e.title },
    { header: t("provider"), width: 24, cell: (e) => e.provider },
    { header: t("kind"), width: 16, cell: (e) => tk(e.kind) },
    { header: t("start"), width: 12, cell: (e) => isoDay(e.startDate) },
    { header: t("end"), width: 12, cell: (e) => isoDay(e.endDate) },
    { header: tq("hours"), width: 8, cell: (e) => e.halfHours / 2 },
    { header: t("proof"), width: 8, cell: (e) => (e.proofFileId ? t("yes") : t("no")) },
    { header: tq("submittedAt"), width: 16, cell: (e) => cityDateTime(e.createdAt) },
  ];
  return xlsxExport({
    actor,
    action: "cpd.queue.export",
    entity: "CpdEntry",
    filter: { tab: "hours", q: filter.q, district: filter.district },
    sheet: t("cpdSheet"),
    filename: t("cpdFilename"),
    columns,
    count: () => prisma.cpdEntry.count({ where }),
    page: async (skip, take) => {
      const rows = await prisma.cpdEntry.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take, select: cpdRow });
      await who.learn(rows);
      return rows;
    },
  });
}

const renewalRow = {
  halfHours: true,
  createdAt: true,
  registration: { select: { number: true, periodStart: true, periodEnd: true, credential: { select: { kind: true, number: true } } } },
  practitioner: person,
} as const satisfies Prisma.RenewalRequestSelect;
type TRenewalRow = Prisma.RenewalRequestGetPayload<{ select: typeof renewalRow }>;

async function exportRenewalQueue(filter: TQueueExportFilter): Promise<TXlsxExport> {
  const actor = await authorize("registrations.verifyRenewal");
  const where: Prisma.RenewalRequestWhereInput = { status: "SUBMITTED", practitioner: queuePractitionerWhere(actor, "registrations.verifyRenewal", filter) };
  const [t, tq, tc, te, locale, settings] = await Promise.all([
    getTranslations("registrations.queue.export"),
    getTranslations("registrations.queue"),
    getTranslations("credentials"),
    getTranslations("enums"),
    getLocale(),
    getQualificationSettings(),
  ]);
  const who = await personColumns<TRenewalRow>(locale);
  const required = (r: TRenewalRow) => (r.registration.credential.kind === "ASSISTANT_SOCIAL_WORKER" ? settings.cpdHoursAssistant : settings.cpdHoursSocialWorker);
  const columns: TExportColumn<TRenewalRow>[] = [
    ...who.columns,
    { header: tc("registrationNumber"), width: 18, cell: (r) => r.registration.number },
    { header: tc("number"), width: 18, cell: (r) => r.registration.credential.number },
    { header: tc("kind"), width: 16, cell: (r) => te(`credentialKind.${r.registration.credential.kind}`) },
    { header: tc("export.registrationStart"), width: 12, cell: (r) => isoDay(r.registration.periodStart) },
    { header: tc("export.registrationEnd"), width: 12, cell: (r) => isoDay(r.registration.periodEnd) },
    { header: t("hoursCounted"), width: 10, cell: (r) => r.halfHours / 2 },
    { header: t("hoursRequired"), width: 10, cell: required },
    { header: tq("submittedAt"), width: 16, cell: (r) => cityDateTime(r.createdAt) },
  ];
  return xlsxExport({
    actor,
    action: "registrations.renewalQueue.export",
    entity: "RenewalRequest",
    filter: { tab: "renewals", q: filter.q, district: filter.district },
    sheet: t("renewalSheet"),
    filename: t("renewalFilename"),
    columns,
    count: () => prisma.renewalRequest.count({ where }),
    page: async (skip, take) => {
      const rows = await prisma.renewalRequest.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take, select: renewalRow });
      await who.learn(rows);
      return rows;
    },
  });
}
