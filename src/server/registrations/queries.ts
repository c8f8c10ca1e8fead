import "server-only";
import { prisma } from "@/server/db";
import { practitionerScope } from "@/server/authz/scope";
import { nameOnlySelect } from "@/server/select";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { can } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_PAGE_SIZE, toPage } from "@/lib/pagination";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { cpdProgress, daysLeft, registrationStatus, renewalBlocker, type TCertificateKind } from "@/domain/registrations/rules";
import { cpdRowSelect, renewalAuditSelect } from "./select";

// Registrations and the continuing-education ledger, always within the caller's scope: a record
// of a practitioner outside it is indistinguishable from one that does not exist.

/** Most ledger lines a profile shows (the ledger is a few lines a year per person). */
const LEDGER_LIMIT = 200;

export type TCpdRow = Prisma.CpdEntryGetPayload<{ select: typeof cpdRowSelect }>;

/**
 * A practitioner's registrations with their current period's progress, renewal history and the
 * ledger, or null when the practitioner is out of the caller's scope.
 */
export async function registrationsOfPractitioner(user: TCurrentUser, practitionerId: string, now = new Date()) {
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: practitionerId }, practitionerScope(user, "registrations.read")] },
    select: { id: true, name: true, organizationId: true, regionPath: true, status: true },
  });
  if (!practitioner) return null;
  const today = todayInCity(now);
  const [settings, regs, ledger, degrees] = await Promise.all([
    getQualificationSettings(),
    prisma.registration.findMany({
      where: { practitionerId },
      orderBy: [{ periodEnd: "desc" }, { id: "asc" }],
      select: {
        id: true,
        number: true,
        periodStart: true,
        periodEnd: true,
        version: true,
        credential: { select: { id: true, kind: true, number: true, status: true, issueDate: true } },
        periods: { orderBy: { start: "desc" }, select: { id: true, start: true, end: true, origin: true } },
        renewals: { orderBy: { createdAt: "desc" }, select: renewalAuditSelect },
      },
    }),
    prisma.cpdEntry.findMany({ where: { practitionerId }, orderBy: [{ endDate: "desc" }, { id: "desc" }], take: LEDGER_LIMIT, select: cpdRowSelect }),
    prisma.credential.findMany({ where: { practitionerId, kind: "SOCIAL_WORK_DEGREE", status: "VERIFIED" }, select: { issueDate: true, degreeLevel: true } }),
  ]);
  const registrations = regs.map((r) => {
    const period = { start: r.periodStart, end: r.periodEnd };
    const progress = cpdProgress(ledger, degrees.map((d) => d.issueDate), period, r.credential.kind as TCertificateKind, settings);
    const openRenewal = r.renewals.find((x) => x.status === "SUBMITTED") ?? null;
    return {
      ...r,
      level: r.credential.kind as TCertificateKind,
      status: registrationStatus(r.periodEnd, today, settings.registrationDueDays),
      daysLeft: daysLeft(r.periodEnd, today),
      progress,
      openRenewal,
      blocker: renewalBlocker({ certificateVerified: r.credential.status === "VERIFIED", progress, openRequest: openRenewal !== null }),
    };
  });
  // The one to act on: the latest-ending registration of a verified certificate.
  const primary = registrations.find((r) => r.credential.status === "VERIFIED") ?? null;
  return { practitioner, today: isoDay(today), settings, registrations, primary, ledger };
}

export type TReviewQueueFilters = { q?: string; district?: string; page: number; pageSize?: number };

export function queuePractitionerWhere(user: TCurrentUser, action: "cpd.verify" | "registrations.verifyRenewal", f: Omit<TReviewQueueFilters, "page">): Prisma.PractitionerWhereInput {
  const and: Prisma.PractitionerWhereInput[] = [practitionerScope(user, action)];
  if (f.district && /^[\w-]{1,64}$/.test(f.district)) and.push({ region: { path: { contains: `/${f.district}/` } } });
  const q = f.q?.trim().slice(0, 100);
  if (q) and.push({ name: { contains: q, mode: "insensitive" } });
  return { AND: and };
}

export const queuePerson = { select: { id: true, name: true, organization: { select: nameOnlySelect }, region: { select: nameOnlySelect } } } as const;

/** Hours waiting for verification in the caller's scope, oldest first. */
export async function cpdQueue(user: TCurrentUser, f: TReviewQueueFilters) {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const where: Prisma.CpdEntryWhereInput = { status: "SUBMITTED", practitioner: queuePractitionerWhere(user, "cpd.verify", f) };
  const [total, items] = await Promise.all([
    prisma.cpdEntry.count({ where }),
    prisma.cpdEntry.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * pageSize,
      take: pageSize,
      select: { ...cpdRowSelect, practitioner: queuePerson },
    }),
  ]);
  return toPage(items, total, f.page, pageSize);
}

/** Renewal requests waiting for verification in the caller's scope, oldest first. */
export async function renewalQueue(user: TCurrentUser, f: TReviewQueueFilters) {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const settings = await getQualificationSettings();
  const where: Prisma.RenewalRequestWhereInput = { status: "SUBMITTED", practitioner: queuePractitionerWhere(user, "registrations.verifyRenewal", f) };
  const [total, items] = await Promise.all([
    prisma.renewalRequest.count({ where }),
    prisma.renewalRequest.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * pageSize,
      take: pageSize,
      select: {
        ...renewalAuditSelect,
        registration: { select: { number: true, periodStart: true, periodEnd: true, credential: { select: { kind: true } } } },
        practitioner: queuePerson,
      },
    }),
  ]);
  return {
    ...toPage(
      items.map((r) => ({ ...r, requiredHours: r.registration.credential.kind === "ASSISTANT_SOCIAL_WORKER" ? settings.cpdHoursAssistant : settings.cpdHoursSocialWorker })),
      total,
      f.page,
      pageSize,
    ),
  };
}

/** How many items wait in each of the queue's tabs, for the tab labels. */
export async function queueCounts(user: TCurrentUser) {
  const [credentials, cpd, renewals] = await Promise.all([
    can(user, "credentials.verify") ? prisma.credential.count({ where: { status: "SUBMITTED", practitioner: practitionerScope(user, "credentials.verify") } }) : 0,
    can(user, "cpd.verify") ? prisma.cpdEntry.count({ where: { status: "SUBMITTED", practitioner: practitionerScope(user, "cpd.verify") } }) : 0,
    can(user, "registrations.verifyRenewal") ? prisma.renewalRequest.count({ where: { status: "SUBMITTED", practitioner: practitionerScope(user, "registrations.verifyRenewal") } }) : 0,
  ]);
  return { credentials, cpd, renewals };
}

/** A stored proof of hours, only when the caller may read the practitioner's ledger. */
export async function proofForDownload(user: TCurrentUser, fileId: string) {
  if (!can(user, "registrations.read")) return null;
  return prisma.storedFile.findFirst({
    where: { id: fileId, cpdEntry: { practitioner: practitionerScope(user, "registrations.read") } },
    select: { id: true, storageKey: true, mimeType: true, size: true, originalName: true, sha256: true, cpdEntry: { select: { id: true, practitionerId: true } } },
  });
}
