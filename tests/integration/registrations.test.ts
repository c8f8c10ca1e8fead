import { describe, expect, it } from "vitest";

import { actAs } from "../helpers/fake-auth";
import { codeOf } from "../helpers/integration";
import { TINY_PDF, TINY_PNG } from "@/server/seed/scan-files";
import { prisma } from "@/server/db";
import { formatIsoDay } from "@/domain/common/day-format";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { makeCredentialedPractitioner } from "@/server/seed/credential-factories";
import { creditCpd, recordRegistration, rejectCpdEntry, rejectRenewal, requestRenewal, submitCpdEntry, verifyCpdEntry, verifyRenewal } from "@/server/registrations/mutations";
import { cpdQueue, queueCounts, registrationsOfPractitioner, renewalQueue } from "@/server/registrations/queries";
import { sendRegistrationReminders } from "@/server/maintenance/reminders";
import { runDataTasks } from "@/server/maintenance/data-tasks";
import { listNotifications, markAllRead, notificationSummary, openNotification } from "@/server/notifications/center";
import { findPublicCertificates } from "@/server/public-register/queries";
import { getCurrentUser } from "@/server/auth/session";
import { ZSubmitCpdEntry } from "@/domain/registrations/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// The registration (登记) and continuing-education workflows end to end against PostgreSQL:
// hours submitted with proof and verified in scope, the renewal pre-flight and renewal, the
// reminders and the notification centre, and every refusal leaving nothing behind.

const DAY = 86_400_000;
const today = todayInCity();
const inDays = (n: number) => isoDay(new Date(today.getTime() + n * DAY));


async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id });
  const westAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id });
  // A social worker whose registration period ends in 60 days (it started three years before).
  const worker = await makeCredentialedPractitioner(prisma, { organizationId: agency.id, name: "李明", entryDate: new Date("2019-01-01T00:00:00Z") }, [
    { status: "VERIFIED", kind: "SOCIAL_WORKER", issueDate: "2019-06-01", registrationEnd: inDays(60), registrationNumber: `DJ-${Math.random().toString(36).slice(2, 8)}` },
  ]);
  const colleague = await makeCredentialedPractitioner(prisma, { organizationId: agency.id, name: "王芳" }, [{ status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", registrationEnd: inDays(400) }]);
  const westWorker = await makeCredentialedPractitioner(prisma, { organizationId: westAgency.id, name: "赵磊" }, [{ status: "VERIFIED", registrationEnd: inDays(30) }]);
  const users = {
    admin: await makeUser(prisma, { role: "CITY_ADMIN" }),
    east: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    west: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    agencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
    westAgencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: westAgency.id }),
    worker: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: worker.id }),
    colleague: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: colleague.id }),
  };
  const registration = await prisma.registration.findFirstOrThrow({ where: { practitionerId: worker.id } });
  return { east, west, agency, worker, colleague, westWorker, users, registration };
}

const hours = (practitionerId: string, over: Record<string, string> = {}) =>
  ZSubmitCpdEntry.parse({ practitionerId, kind: "EXTERNAL", title: "儿童保护专题研讨", provider: "市社工协会", startDate: inDays(-20), endDate: inDays(-19), hours: "12", ...over });

async function rowCounts() {
  const [cpd, files, renewals, periods, audit, notifications, outbox] = await Promise.all([
    prisma.cpdEntry.count(),
    prisma.storedFile.count(),
    prisma.renewalRequest.count(),
    prisma.registrationPeriod.count(),
    prisma.auditEvent.count({ where: { outcome: "SUCCESS" } }),
    prisma.notification.count(),
    prisma.outboxEmail.count(),
  ]);
  return { cpd, files, renewals, periods, audit, notifications, outbox };
}

const preflight = async (user: { id: string; sessionVersion: number }, practitionerId: string) => {
  actAs(user);
  const data = await registrationsOfPractitioner((await getCurrentUser())!, practitionerId);
  return data?.primary?.progress ?? null;
};

describe("continuing-education hours", () => {
  it("a practitioner submits hours with proof; the district officer verifies; the pre-flight moves by exactly those hours", async () => {
    const w = await world();
    const before = (await preflight(w.users.worker, w.worker.id))!;
    expect(before).toMatchObject({ countedHours: 0, requiredHours: 90, met: false });
    actAs(w.users.worker);
    const entry = await submitCpdEntry(hours(w.worker.id, { hours: "12.5" }), { name: "结业证明.pdf", bytes: TINY_PDF });
    expect(entry).toMatchObject({ status: "SUBMITTED", halfHours: 25, submittedById: w.users.worker.id });
    expect(entry.proofFileId).toBeTruthy();
    expect((await preflight(w.users.worker, w.worker.id))!).toMatchObject({ countedHours: 0, pendingHours: 12.5 });
    // It waits in the east officer's queue, not the west one's.
    actAs(w.users.east);
    const east = (await getCurrentUser())!;
    expect((await cpdQueue(east, { page: 1 })).items.map((e) => e.id)).toEqual([entry.id]);
    expect((await queueCounts(east)).cpd).toBe(1);
    actAs(w.users.west);
    expect((await cpdQueue((await getCurrentUser())!, { page: 1 })).items).toEqual([]);
    expect(await codeOf(verifyCpdEntry({ id: entry.id, version: 1 }))).toBe("notFound");
    actAs(w.users.east);
    await verifyCpdEntry({ id: entry.id, version: 1 });
    expect((await preflight(w.users.worker, w.worker.id))!).toMatchObject({ countedHours: 12.5, pendingHours: 0, remainingHours: 77.5 });
    expect(await prisma.auditEvent.count({ where: { action: { in: ["cpd.submit", "cpd.verify"] }, entityId: entry.id } })).toBe(2);
    // The practitioner and the agency's administrator are told, in the portal and by e-mail.
    const told = await prisma.notification.findMany({ where: { kind: "cpdDecided" }, select: { userId: true, href: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.users.worker.id, w.users.agencyAdmin.id].sort());
    expect(told.find((n) => n.userId === w.users.worker.id)!.href).toBe("/me");
    expect(told.find((n) => n.userId === w.users.agencyAdmin.id)!.href).toBe(`/practitioners/${w.worker.id}`);
    expect(await prisma.outboxEmail.count({ where: { to: w.users.worker.email } })).toBe(1);
  });

  it("bad input is refused with a field error and nothing is written", async () => {
    const w = await world();
    actAs(w.users.worker);
    const before = await rowCounts();
    // Two days allow at most 16 hours at the default 8 a day.
    expect(await codeOf(submitCpdEntry(hours(w.worker.id, { hours: "16.5" }), { name: "p.pdf", bytes: TINY_PDF }))).toBe("cpdHoursTooMany@hours");
    expect(await codeOf(submitCpdEntry(hours(w.worker.id), null))).toBe("scanRequired@scan");
    expect(await codeOf(submitCpdEntry(hours(w.worker.id), { name: "notes.txt", bytes: new TextEncoder().encode("hello") }))).toBe("scanType@scan");
    expect(await rowCounts()).toEqual(before);
    // The exact limit is fine.
    expect(await codeOf(submitCpdEntry(hours(w.worker.id, { hours: "16" }), { name: "p.png", bytes: TINY_PNG }))).toBe("ok");
  });

  it("scope: a practitioner sees and submits only their own; an agency only its staff's; others see nothing", async () => {
    const w = await world();
    actAs(w.users.worker);
    const me = (await getCurrentUser())!;
    expect(await registrationsOfPractitioner(me, w.worker.id)).not.toBeNull();
    expect(await registrationsOfPractitioner(me, w.colleague.id)).toBeNull();
    expect(await codeOf(submitCpdEntry(hours(w.colleague.id), { name: "p.pdf", bytes: TINY_PDF }))).toBe("notFound");
    actAs(w.users.agencyAdmin);
    const agency = (await getCurrentUser())!;
    expect(await registrationsOfPractitioner(agency, w.colleague.id)).not.toBeNull();
    expect(await registrationsOfPractitioner(agency, w.westWorker.id)).toBeNull();
    expect(await codeOf(submitCpdEntry(hours(w.colleague.id), { name: "p.pdf", bytes: TINY_PDF }))).toBe("ok");
    expect(await codeOf(submitCpdEntry(hours(w.westWorker.id), { name: "p.pdf", bytes: TINY_PDF }))).toBe("notFound");
    // Practitioners and agencies never verify.
    const e = await prisma.cpdEntry.findFirstOrThrow({ where: { practitionerId: w.colleague.id } });
    expect(await codeOf(verifyCpdEntry({ id: e.id, version: 1 }))).toBe("authz:forbidden");
    actAs(w.users.east);
    expect(await registrationsOfPractitioner((await getCurrentUser())!, w.westWorker.id)).toBeNull();
  });

  it("nobody verifies their own entry: not the person, not the one who submitted it", async () => {
    const w = await world();
    // A district officer who is also in the register (linked account).
    const officerPerson = await makeCredentialedPractitioner(prisma, { organizationId: w.agency.id, name: "周强" });
    const officerAsWorker = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.east.id, practitionerId: officerPerson.id });
    actAs(w.users.agencyAdmin);
    const theirs = await submitCpdEntry(hours(officerPerson.id), { name: "p.pdf", bytes: TINY_PDF });
    actAs(officerAsWorker);
    expect(await codeOf(verifyCpdEntry({ id: theirs.id, version: 1 }))).toBe("cannotDecideOwn");
    actAs(w.users.east);
    const submitted = await submitCpdEntry(hours(w.worker.id), { name: "p.pdf", bytes: TINY_PDF });
    expect(await codeOf(verifyCpdEntry({ id: submitted.id, version: 1 }))).toBe("cannotDecideOwn");
    expect(await codeOf(rejectCpdEntry({ id: submitted.id, version: 1, reason: "x" }))).toBe("cannotDecideOwn");
    expect((await prisma.cpdEntry.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
    // A rejection carries its reason to the practitioner; a second decision is refused.
    expect(await codeOf(rejectCpdEntry({ id: theirs.id, version: 1, reason: "证明材料未显示学时" }))).toBe("ok");
    expect(await prisma.cpdEntry.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "REJECTED", reason: "证明材料未显示学时" });
    expect(await codeOf(verifyCpdEntry({ id: theirs.id, version: 2 }))).toBe("invalidTransition");
    // Someone else decided first (the page showed an older version): stale, nothing changes.
    actAs(w.users.agencyAdmin);
    const another = await submitCpdEntry(hours(w.worker.id), { name: "p.pdf", bytes: TINY_PDF });
    actAs(w.users.east);
    expect(await codeOf(verifyCpdEntry({ id: another.id, version: 7 }))).toBe("stale");
    expect((await prisma.cpdEntry.findUniqueOrThrow({ where: { id: another.id } })).status).toBe("SUBMITTED");
  });

  it("hours credited by another feature are verified at once and written once per source", async () => {
    const w = await world();
    const credit = { practitionerId: w.worker.id, kind: "TRAINING_PROGRAMME" as const, title: "轮训", provider: "市委党校", startDate: new Date(inDays(-5)), endDate: new Date(inDays(-3)), halfHours: 48, sourceRef: "training-attendance:t1" };
    expect(await prisma.$transaction((tx) => creditCpd(tx, credit))).toBe(true);
    expect(await prisma.$transaction((tx) => creditCpd(tx, credit))).toBe(false);
    expect(await prisma.cpdEntry.count({ where: { sourceRef: "training-attendance:t1", status: "VERIFIED" } })).toBe(1);
    expect((await preflight(w.users.worker, w.worker.id))!.countedHours).toBe(24);
  });
});

describe("renewal", () => {
  it("is refused until the hours are met; then requested once, verified, and the new period starts the day after the old one ends", async () => {
    const w = await world();
    const reg = w.registration;
    actAs(w.users.worker);
    const before = await rowCounts();
    expect(await codeOf(requestRenewal({ registrationId: reg.id, version: reg.version }))).toBe("renewalHoursNotMet");
    expect(await rowCounts()).toEqual(before);
    // 90 hours verified in the period.
    await prisma.$transaction((tx) => creditCpd(tx, { practitionerId: w.worker.id, kind: "TRAINING_PROGRAMME", title: "专业培训", provider: "示例大学", startDate: new Date(inDays(-100)), endDate: new Date(inDays(-90)), halfHours: 180, sourceRef: "t:90h" }));
    const request = await requestRenewal({ registrationId: reg.id, version: reg.version });
    expect(request).toMatchObject({ status: "SUBMITTED", halfHours: 180, periodEnd: reg.periodEnd });
    expect(await codeOf(requestRenewal({ registrationId: reg.id, version: reg.version }))).toBe("renewalAlreadyRequested");
    // The west officer cannot see it; the east officer verifies.
    actAs(w.users.west);
    expect((await renewalQueue((await getCurrentUser())!, { page: 1 })).items).toEqual([]);
    expect(await codeOf(verifyRenewal({ id: request.id, version: 1 }))).toBe("notFound");
    actAs(w.users.east);
    expect((await renewalQueue((await getCurrentUser())!, { page: 1 })).items.map((r) => [r.id, r.requiredHours])).toEqual([[request.id, 90]]);
    const countedBefore = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.worker.id }, select: { isQualified: true, qualifiedSince: true } });
    await verifyRenewal({ id: request.id, version: 1 });
    const after = await prisma.registration.findUniqueOrThrow({ where: { id: reg.id }, include: { periods: { orderBy: { start: "asc" } } } });
    const nextStart = new Date(reg.periodEnd.getTime() + DAY);
    expect(after.periodStart).toEqual(nextStart);
    expect(isoDay(after.periodEnd)).toBe(isoDay(new Date(Date.UTC(nextStart.getUTCFullYear() + 3, nextStart.getUTCMonth(), nextStart.getUTCDate() - 1))));
    expect(after.periods.map((p) => p.origin)).toEqual(["INITIAL", "RENEWAL"]);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.worker.id }, select: { registrationEnd: true } })).toEqual({ registrationEnd: after.periodEnd });
    // Counting is untouched by the registration.
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.worker.id }, select: { isQualified: true, qualifiedSince: true } })).toEqual(countedBefore);
    // The public register shows the new end date.
    const cert = await prisma.credential.findUniqueOrThrow({ where: { id: reg.credentialId } });
    expect((await findPublicCertificates({ number: cert.number }))[0]!.registration).toEqual({ status: "current", periodEnd: isoDay(after.periodEnd) });
    // The new period starts with no hours: the pre-flight is back at 0 of 90.
    expect((await preflight(w.users.worker, w.worker.id))!).toMatchObject({ countedHours: 0, met: false });
    expect(await prisma.notification.count({ where: { kind: "renewalDecided" } })).toBe(2);
  });

  it("a refused renewal says why and can be asked for again", async () => {
    const w = await world();
    await prisma.$transaction((tx) => creditCpd(tx, { practitionerId: w.worker.id, kind: "SUPERVISION", title: "督导", provider: "督导中心", startDate: new Date(inDays(-40)), endDate: new Date(inDays(-30)), halfHours: 180, sourceRef: "s:90h" }));
    actAs(w.users.agencyAdmin);
    const r1 = await requestRenewal({ registrationId: w.registration.id, version: 1 });
    actAs(w.users.east);
    expect(await codeOf(rejectRenewal({ id: r1.id, version: 1, reason: "   " }))).toBe("reasonRequired@reason");
    await rejectRenewal({ id: r1.id, version: 1, reason: "学时证明不完整" });
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: w.registration.id } })).periodEnd).toEqual(w.registration.periodEnd);
    actAs(w.users.agencyAdmin);
    expect(await codeOf(requestRenewal({ registrationId: w.registration.id, version: 1 }))).toBe("ok");
    // The agency administrator submitted it: the east officer may decide, the admin may not.
    expect(await codeOf(verifyRenewal({ id: r1.id, version: 2 }))).toBe("authz:forbidden");
  });
});

describe("recording a registration that is not on file", () => {
  it("officials in scope record it for a verified certificate; once; never for another district's, an unverified one, or by a practitioner", async () => {
    const w = await world();
    const bare = await makeCredentialedPractitioner(prisma, { organizationId: w.agency.id, name: "钱多" }, [{ status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", issueDate: "2024-01-10", registrationEnd: null }]);
    const pending = await makeCredentialedPractitioner(prisma, { organizationId: w.agency.id, name: "孙少" }, [{ status: "SUBMITTED", kind: "SOCIAL_WORKER", registrationEnd: null }]);
    const cert = bare.credentials[0]!;
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: bare.id }, select: { registrationEnd: true } })).toEqual({ registrationEnd: null });
    actAs(w.users.worker);
    expect(await codeOf(recordRegistration({ credentialId: cert.id, number: "DJ-X", start: "2024-02-01" }))).toBe("authz:forbidden");
    actAs(w.users.west);
    expect(await codeOf(recordRegistration({ credentialId: cert.id, number: "DJ-X", start: "2024-02-01" }))).toBe("notFound");
    actAs(w.users.east);
    const before = await rowCounts();
    expect(await codeOf(recordRegistration({ credentialId: cert.id, number: "DJ-X", start: "2023-12-31" }))).toBe("registrationBeforeIssue@start");
    expect(await codeOf(recordRegistration({ credentialId: pending.credentials[0]!.id, number: "DJ-Y", start: "2024-02-01" }))).toBe("invalidTransition");
    expect(await rowCounts()).toEqual(before);
    await recordRegistration({ credentialId: cert.id, number: "DJ-X", start: "2024-02-01" });
    const reg = await prisma.registration.findUniqueOrThrow({ where: { credentialId: cert.id }, include: { periods: true } });
    expect([isoDay(reg.periodStart), isoDay(reg.periodEnd), reg.periods.map((p) => p.origin)]).toEqual(["2024-02-01", "2027-01-31", ["INITIAL"]]);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: bare.id }, select: { registrationEnd: true } })).toEqual({ registrationEnd: reg.periodEnd });
    expect(await prisma.auditEvent.count({ where: { action: "registrations.record", entityId: reg.id } })).toBe(1);
    expect(await codeOf(recordRegistration({ credentialId: cert.id, number: "DJ-Z", start: "2024-03-01" }))).toBe("registrationExists");
  });
});

describe("reminders and the notification centre", () => {
  it("90, 30 and 7 days before the end: once each, to the practitioner and the agency, however often or concurrently it runs", async () => {
    await prisma.notification.deleteMany();
    await prisma.outboxEmail.deleteMany();
    const w = await world();
    const mine = { userId: { in: Object.values(w.users).map((u) => u.id) }, kind: "registrationDue" };
    // The worker's registration ends in 60 days (the 90-day reminder), the west worker's in 30 (the
    // 30-day one), the colleague's in 400 (none). Two passes at once and a third after them.
    await Promise.all([sendRegistrationReminders(today), sendRegistrationReminders(today)]);
    await sendRegistrationReminders(today);
    const rows = await prisma.notification.findMany({ where: mine, select: { userId: true, params: true } });
    const got = rows.map((r) => `${r.userId}:${(r.params as { days: number }).days}`).sort();
    // The west worker has no account of their own: only their agency's administrator hears.
    expect(got).toEqual([`${w.users.worker.id}:90`, `${w.users.agencyAdmin.id}:90`, `${w.users.westAgencyAdmin.id}:30`].sort());
    // One e-mail per notification, to the same people.
    const mails = await prisma.outboxEmail.findMany({ where: { to: { in: Object.values(w.users).map((u) => u.email) } }, select: { to: true } });
    expect(mails.map((m) => m.to).sort()).toEqual([w.users.worker.email, w.users.agencyAdmin.email, w.users.westAgencyAdmin.email].sort());
    // 31 days on, 29 days are left: the 30-day reminder comes, once.
    await sendRegistrationReminders(new Date(today.getTime() + 31 * DAY));
    await sendRegistrationReminders(new Date(today.getTime() + 32 * DAY));
    const worker = await prisma.notification.findMany({ where: { ...mine, userId: w.users.worker.id }, select: { params: true } });
    expect(worker.map((n) => (n.params as { days: number }).days).sort()).toEqual([30, 90]);
    // After the end, nothing more.
    await sendRegistrationReminders(new Date(today.getTime() + 61 * DAY));
    expect(await prisma.notification.count({ where: { ...mine, userId: w.users.worker.id } })).toBe(2);
  });

  it("each user reads and opens only their own notifications, in their language", async () => {
    const w = await world();
    await sendRegistrationReminders(today);
    actAs(w.users.worker);
    const me = (await getCurrentUser())!;
    const summary = await notificationSummary(me, "en");
    expect(summary.unread).toBe(1);
    const end = isoDay(w.registration.periodEnd);
    // The day in each reader's own date format (one per language, src/domain/common/day-format.ts).
    expect(summary.latest[0]!.title).toContain(`ends on ${formatIsoDay("en", end)}`);
    expect((await notificationSummary(me, "zh-Hans")).latest[0]!.title).toContain(`将于 ${formatIsoDay("zh-Hans", end)} 到期`);
    const theirs = await prisma.notification.findFirstOrThrow({ where: { userId: w.users.agencyAdmin.id } });
    expect(await openNotification(theirs.id)).toBeNull();
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await openNotification(summary.latest[0]!.id)).toBe("/me");
    expect((await notificationSummary(me, "en")).unread).toBe(0);
    actAs(w.users.agencyAdmin);
    const agency = (await getCurrentUser())!;
    expect((await listNotifications(agency, "en", { unread: true, page: 1 })).total).toBe(1);
    expect(await markAllRead()).toBe(1);
    expect((await listNotifications(agency, "en", { unread: true, page: 1 })).total).toBe(0);
  });
});

describe("data tasks", () => {
  it("a pending task recomputes everyone once and is marked done", async () => {
    const w = await world();
    // Stale stored facts, as after a migration that changed the rule.
    await prisma.practitioner.update({ where: { id: w.worker.id }, data: { isQualified: false, registrationEnd: null } });
    await prisma.dataTask.create({ data: { key: "recompute-qualification-test" } });
    expect(await runDataTasks()).toBe(1);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.worker.id }, select: { isQualified: true, registrationEnd: true } })).toEqual({ isQualified: true, registrationEnd: w.registration.periodEnd });
    expect((await prisma.dataTask.findUniqueOrThrow({ where: { key: "recompute-qualification-test" } })).doneAt).not.toBeNull();
    expect(await runDataTasks()).toBe(0);
  });
});
