import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { approveProvider, revokeApproval } from "@/server/trainings/providers";
import { addSession, cancelTraining, closeTraining, createTraining, publishTraining, removeSession, updateSession, updateTraining } from "@/server/trainings/programmes";
import { enrol, withdraw, type TEnrolActor } from "@/server/trainings/enrolment";
import { saveAttendance } from "@/server/trainings/attendance";
import { completeTraining } from "@/server/trainings/completion";
import { lockTraining } from "@/server/trainings/common";
import { attendanceSheet, completionRecord, getTraining, listTrainings, participants } from "@/server/trainings/queries";
import { trainingStats } from "@/server/trainings/stats";
import { availableOf } from "@/server/funds/ledger";
import { ZAddSession, ZApproveProvider, ZCreateTraining, ZRevokeApproval, ZTrainingRef, ZUpdateTraining } from "@/domain/trainings/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import type { TCurrentUser } from "@/server/auth/session";

type TUser = Awaited<ReturnType<typeof makeUser>>;
const today = todayInCity();
const iso = (offset: number) => isoDay(new Date(today.getTime() + offset * 86_400_000));

let city: TUser, districtOfficer: TUser, otherDistrictOfficer: TUser, deptOfficer: TUser, agencyAdmin: TUser, otherAgencyAdmin: TUser, provider: TUser, otherProvider: TUser;
let providerOrg: { id: string }, otherProviderOrg: { id: string }, agency: { id: string }, otherAgency: { id: string }, dept: { id: string }, school: { id: string };
let district: { id: string; path: string }, district2: { id: string; path: string };
let lineId: string;
let seq = 0;

async function person(org: { id: string }, d: { id: string; path: string }, extra: Record<string, unknown> = {}) {
  return makePractitioner(prisma, { name: `学员${++seq}`, organizationId: org.id, regionId: d.id, regionPath: d.path, idNumberMasked: "1101**********0028", ...extra });
}

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  district2 = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  providerOrg = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: district.id, name: "示例培训中心" });
  otherProviderOrg = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: district.id });
  agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
  otherAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district2.id });
  dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: district.id, departmentType: "EDUCATION" });
  school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: district2.id, supervisingDepartmentId: dept.id });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  districtOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  otherDistrictOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district2.id });
  deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  otherAgencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: otherAgency.id });
  provider = await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: providerOrg.id });
  otherProvider = await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: otherProviderOrg.id });
  const fund = await prisma.fund.create({ data: { year: today.getUTCFullYear(), name: "专项" } });
  lineId = (await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 100_000_000n } })).id;
  await as(city);
  await approveProvider(ZApproveProvider.parse({ organizationId: providerOrg.id, scopes: ["THEORY", "PRACTICE"], validFrom: iso(-30), validTo: iso(365) }));
  await approveProvider(ZApproveProvider.parse({ organizationId: otherProviderOrg.id, scopes: ["THEORY"], validFrom: iso(-30), validTo: iso(365) }));
});

const form = (over: Record<string, unknown> = {}) => ({
  kind: "PROFESSIONAL",
  scope: "PRACTICE",
  title: "儿童保护实务",
  venue: "培训中心 201",
  startDate: iso(-1),
  endDate: iso(30),
  capacity: "5",
  hours: "6",
  cpdHours: "6",
  completionPercent: "50",
  audienceDepartmentTypes: [],
  audienceRegionIds: [],
  audienceOrganizationKinds: [],
  audienceLevels: [],
  cost: "1000",
  subsidy: "600",
  budgetLineId: lineId,
  ...over,
});

/** A published programme of the provider with two sessions of 3 hours (yesterday and today). */
async function published(over: Record<string, unknown> = {}) {
  await as(provider);
  const t = await createTraining(ZCreateTraining.parse(form(over)));
  await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(-1), startsAt: "09:00", hours: "3", topic: "开班与理论" }));
  await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(0), startsAt: "14:00", hours: "3", topic: "实务演练" }));
  await publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" }));
  return prisma.training.findUniqueOrThrow({ where: { id: t.id } });
}

const actorOf = async (u: TUser): Promise<TCurrentUser> => as(u);
const committed = async (ref: string) => prisma.fundEntry.findMany({ where: { sourceRef: { startsWith: ref } }, select: { kind: true, amountFen: true, sourceRef: true }, orderBy: { createdAt: "asc" } });

describe("providers and programmes", () => {
  it("only an approved provider saves and publishes, within its scopes; a revoked approval stops it", async () => {
    await as(provider);
    expect(await codeOf(createTraining(ZCreateTraining.parse(form({ scope: "EXAM_PREPARATION" }))))).toBe("trainings.errors.noApproval");
    const t = await createTraining(ZCreateTraining.parse(form()));
    expect(t.reference).toMatch(new RegExp(`^PX-${iso(-1).slice(0, 4)}-\\d{4}$`));
    expect(t.status).toBe("DRAFT");
    // Sessions must make up the length: none yet, then 3 of 6 hours.
    expect(await codeOf(publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" })))).toBe("trainings.errors.noSessions");
    await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(-1), startsAt: "9:00", hours: "3", topic: "一" }));
    expect(await codeOf(publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" })))).toBe("trainings.errors.sessionsIncomplete");
    // Beyond the length, or outside the dates: refused, nothing written.
    expect(await codeOf(addSession(ZAddSession.parse({ trainingId: t.id, date: iso(0), startsAt: "9:00", hours: "3.5", topic: "二" })))).toBe("trainings.validation.sessionsBeyondLength@hours");
    expect(await codeOf(addSession(ZAddSession.parse({ trainingId: t.id, date: iso(40), startsAt: "9:00", hours: "3", topic: "二" })))).toBe("trainings.validation.sessionOutsideDates@date");
    expect(await prisma.trainingSession.count({ where: { trainingId: t.id } })).toBe(1);
    // A session on an earlier day goes first: sessions are numbered by date.
    await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(-1), startsAt: "08:00", hours: "3", topic: "早" }));
    expect((await prisma.trainingSession.findMany({ where: { trainingId: t.id }, orderBy: { number: "asc" } })).map((s) => s.topic)).toEqual(["早", "一"]);
    // Another provider cannot touch it; the city can.
    await as(otherProvider);
    expect(await codeOf(publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" })))).toBe("notFound");
    await as(city);
    expect(await codeOf(publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" })))).toBe("ok");
    // Published: a session is changed, not removed; its hours stay.
    const s = await prisma.trainingSession.findFirstOrThrow({ where: { trainingId: t.id, number: 1 } });
    expect(await codeOf(removeSession({ id: s.id }))).toBe("trainings.errors.notEditable");
    expect(await codeOf(updateSession({ id: s.id, date: today, startsAt: "10:00", hours: 5, topic: "改" }))).toBe("trainings.validation.lengthNotSessions@hours");
    expect(await codeOf(updateSession({ id: s.id, date: today, startsAt: "10:00", hours: 6, topic: "改" }))).toBe("ok");
  });

  it("the city must name an approved provider; a revoked approval refuses the next save", async () => {
    await as(city);
    expect(await codeOf(createTraining(ZCreateTraining.parse(form())))).toBe("trainings.validation.providerRequired@providerId");
    expect(await codeOf(createTraining(ZCreateTraining.parse(form({ providerId: agency.id }))))).toBe("trainings.validation.notProviderKind@providerId");
    const lone = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: district.id });
    const approval = await approveProvider(ZApproveProvider.parse({ organizationId: lone.id, scopes: ["THEORY"], validFrom: iso(-1), validTo: iso(10) }));
    const t = await createTraining(ZCreateTraining.parse(form({ providerId: lone.id, scope: "THEORY" })));
    expect(t.providerId).toBe(lone.id);
    await revokeApproval(ZRevokeApproval.parse({ id: approval.id, version: "1", reason: "资质到期未续" }));
    expect(await codeOf(updateTraining(ZUpdateTraining.parse({ ...form({ providerId: lone.id, scope: "THEORY", title: "改名" }), id: t.id, version: "1" })))).toBe("trainings.errors.noApproval");
    expect(await codeOf(revokeApproval(ZRevokeApproval.parse({ id: approval.id, version: "2", reason: "again" })))).toBe("trainings.errors.approvalRevoked");
    // No other role approves.
    await as(districtOfficer);
    expect(await codeOf(approveProvider(ZApproveProvider.parse({ organizationId: lone.id, scopes: ["THEORY"], validFrom: iso(0), validTo: iso(10) })))).toBe("authz:forbidden");
  });

  it("a subsidy needs a training-subsidy line", async () => {
    const other = await prisma.budgetLine.create({ data: { fundId: (await prisma.budgetLine.findUniqueOrThrow({ where: { id: lineId } })).fundId, kind: "OTHER", name: "其他", amountFen: 1000n } });
    await as(provider);
    expect(await codeOf(createTraining(ZCreateTraining.parse(form({ budgetLineId: other.id }))))).toBe("trainings.validation.lineNotSubsidy@budgetLineId");
  });
});

describe("enrolment", () => {
  it("each role enrols within its own scope only; the provider cannot enrol anyone", async () => {
    const t = await published({ capacity: "20" });
    const mine = await person(agency, district);
    const theirs = await person(otherAgency, district2);
    const teacher = await person(school, district2);
    const self = await person(agency, district);
    const selfUser = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: self.id });
    await as(agencyAdmin);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [theirs.id] }))).toBe("trainings.errors.outOfScope");
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [mine.id] }))).toBe("ok");
    await as(otherDistrictOfficer);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [self.id] }))).toBe("trainings.errors.outOfScope");
    await as(deptOfficer);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [theirs.id] }))).toBe("trainings.errors.outOfScope");
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [teacher.id] }))).toBe("ok");
    await as(selfUser);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [mine.id] }))).toBe("trainings.errors.outOfScope");
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [self.id] }))).toBe("ok");
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [self.id] }))).toBe("trainings.errors.alreadyEnrolled");
    await as(provider);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [theirs.id] }))).toBe("authz:forbidden");
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: t.id } })).toBe(3);
    // Each place promised the subsidy (600 yuan) under training:<enrolmentId>.
    const e = await prisma.trainingEnrolment.findMany({ where: { trainingId: t.id } });
    for (const x of e) expect(await committed(`training:${x.id}`)).toEqual([{ kind: "COMMITMENT", amountFen: 60_000n, sourceRef: `training:${x.id}` }]);
  });

  it("refuses people outside the audience, a draft, and a step with one bad person writes nothing", async () => {
    const t = await published({ capacity: "20", audienceRegionIds: [district.id], audienceLevels: ["SOCIAL_WORKER"] });
    const ok = await person(agency, district, { qualificationLevel: "SOCIAL_WORKER" });
    const wrongLevel = await person(agency, district);
    const elsewhere = await person(otherAgency, district2, { qualificationLevel: "SOCIAL_WORKER" });
    await as(city);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [ok.id, wrongLevel.id] }))).toBe("trainings.errors.notInAudience");
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [elsewhere.id] }))).toBe("trainings.errors.notInAudience");
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: t.id } })).toBe(0);
    expect(await prisma.fundEntry.count({ where: { note: t.reference } })).toBe(0);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [ok.id] }))).toBe("ok");
    await as(provider);
    const draft = await createTraining(ZCreateTraining.parse(form()));
    await as(city);
    expect(await codeOf(enrol({ trainingId: draft.id, practitionerIds: [ok.id] }))).toBe("trainings.errors.notOpen");
  });

  it("past capacity goes to the waiting list in order; a withdrawal moves the first up, promises its subsidy and tells them", async () => {
    const t = await published({ capacity: "2" });
    const [a, b, c, d] = [await person(agency, district), await person(agency, district), await person(agency, district), await person(agency, district)];
    const cUser = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: c.id });
    await as(agencyAdmin);
    const out = await enrol({ trainingId: t.id, practitionerIds: [a.id, b.id, c.id, d.id] });
    expect(out.map((o) => [o.status, o.waitlistPosition, o.number])).toEqual([["ENROLLED", null, 1], ["ENROLLED", null, 2], ["WAITLISTED", 1, 3], ["WAITLISTED", 2, 4]]);
    expect(await prisma.fundEntry.count({ where: { note: t.reference, kind: "COMMITMENT" } })).toBe(2);
    const detail = (await getTraining(await actorOf(agencyAdmin), t.id))!;
    expect([detail.taken, detail.waitlisted, detail.placesLeft]).toEqual([2, 2, 0]);
    // b withdraws: c moves up (a commitment for c), d is next.
    const res = await withdraw({ enrolmentId: out[1]!.enrolmentId });
    expect(res.promoted).toEqual([out[2]!.enrolmentId]);
    expect(await committed(`training:${out[1]!.enrolmentId}`)).toEqual([
      { kind: "COMMITMENT", amountFen: 60_000n, sourceRef: `training:${out[1]!.enrolmentId}` },
      { kind: "RELEASE", amountFen: 60_000n, sourceRef: `training:${out[1]!.enrolmentId}:release` },
    ]);
    expect((await committed(`training:${out[2]!.enrolmentId}`)).map((x) => x.kind)).toEqual(["COMMITMENT"]);
    const rows = await prisma.trainingEnrolment.findMany({ where: { trainingId: t.id }, orderBy: { number: "asc" }, select: { status: true, waitlistPosition: true } });
    expect(rows).toEqual([{ status: "ENROLLED", waitlistPosition: null }, { status: "WITHDRAWN", waitlistPosition: null }, { status: "ENROLLED", waitlistPosition: null }, { status: "WAITLISTED", waitlistPosition: 2 }]);
    expect(await prisma.notification.count({ where: { userId: cUser.id, kind: "trainingPromoted" } })).toBe(1);
    // The person may come back: a new promise, under a new id; d is ahead now.
    const again = await enrol({ trainingId: t.id, practitionerIds: [b.id] });
    expect(again[0]).toMatchObject({ status: "WAITLISTED", waitlistPosition: 3, number: 2 });
    expect(again[0]!.enrolmentId).not.toBe(out[1]!.enrolmentId);
    // Withdrawing from the waiting list moves nobody.
    expect((await withdraw({ enrolmentId: out[3]!.enrolmentId })).promoted).toEqual([]);
  });

  it("a person who would move up stays on the waiting list while the line has no money, and the page says why", async () => {
    const fund = await prisma.fund.create({ data: { year: 2099, name: `小额${Date.now()}` } });
    const small = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 120_000n } });
    const t = await published({ capacity: "2", budgetLineId: small.id });
    const [a, b, c] = [await person(agency, district), await person(agency, district), await person(agency, district)];
    await as(agencyAdmin);
    const out = await enrol({ trainingId: t.id, practitionerIds: [a.id, b.id, c.id] });
    expect(await availableOf(prisma as never, small.id)).toBe(0n);
    // The line is spent elsewhere meanwhile (another programme's promise), so the freed 600 cannot go to c.
    await prisma.$transaction((tx) => tx.fundEntry.create({ data: { lineId: small.id, kind: "COMMITMENT", amountFen: 60_000n, sourceRef: `elsewhere:${t.id}` } }));
    const res = await withdraw({ enrolmentId: out[0]!.enrolmentId });
    expect(res).toMatchObject({ promoted: [], blockedByLine: true });
    expect((await prisma.trainingEnrolment.findUniqueOrThrow({ where: { id: out[2]!.enrolmentId } })).status).toBe("WAITLISTED");
    expect((await getTraining(await actorOf(agencyAdmin), t.id))!.waitingForMoney).toBe(true);
    // A new enrolment with a free place but no money: refused, nothing written.
    const d = await person(agency, district);
    const before = await prisma.trainingEnrolment.count({ where: { trainingId: t.id } });
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [d.id] }))).toBe("trainings.errors.lineExceeded");
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: t.id } })).toBe(before);
  });

  it("50 people enrolling at once never pass the capacity, and the waiting list has no gaps or twins", async () => {
    const t = await published({ capacity: "20" });
    const people = await Promise.all(Array.from({ length: 50 }, () => person(agency, district)));
    const actor = (await as(city)) as TEnrolActor;
    const results = await Promise.all(people.map((p) => codeOf(enrol({ trainingId: t.id, practitionerIds: [p.id] }, { actor }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(50);
    const rows = await prisma.trainingEnrolment.findMany({ where: { trainingId: t.id }, select: { status: true, waitlistPosition: true, number: true } });
    expect(rows.filter((r) => r.status === "ENROLLED")).toHaveLength(20);
    expect(rows.filter((r) => r.status === "WAITLISTED").map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await prisma.fundEntry.count({ where: { note: t.reference, kind: "COMMITMENT" } })).toBe(20);
  });

  it("50 people enrolling at once never promise past the subsidy line: the rest are refused with nothing written", async () => {
    const fund = await prisma.fund.create({ data: { year: 2098, name: `十五人${Date.now()}` } });
    const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 15n * 60_000n } });
    const t = await published({ capacity: "40", budgetLineId: line.id });
    const people = await Promise.all(Array.from({ length: 50 }, () => person(agency, district)));
    const actor = (await as(city)) as TEnrolActor;
    const results = await Promise.all(people.map((p) => codeOf(enrol({ trainingId: t.id, practitionerIds: [p.id] }, { actor }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(15);
    expect(results.filter((r) => r === "trainings.errors.lineExceeded")).toHaveLength(35);
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: t.id } })).toBe(15);
    expect(await availableOf(prisma as never, line.id)).toBe(0n);
  });
});

describe("attendance and completion", () => {
  it("the provider takes attendance for its own programme's participants only, sees names and employers, never ID numbers", async () => {
    const t = await published();
    const other = await published();
    const [a, b] = [await person(agency, district), await person(agency, district)];
    const stranger = await person(agency, district);
    await as(city);
    const [ea, eb] = await enrol({ trainingId: t.id, practitionerIds: [a.id, b.id] });
    const [es] = await enrol({ trainingId: other.id, practitionerIds: [stranger.id] });
    const s1 = await prisma.trainingSession.findFirstOrThrow({ where: { trainingId: t.id, number: 1 } });
    await as(provider);
    expect(await codeOf(saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId, es!.enrolmentId], present: [ea!.enrolmentId] }))).toBe("trainings.errors.sessionOfOtherProgramme");
    expect(await codeOf(saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId, "nobody"], present: [] }))).toBe("trainings.errors.notEnrolled");
    expect(await prisma.trainingAttendance.count({ where: { sessionId: s1.id } })).toBe(0);
    expect(await saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId, eb!.enrolmentId], present: [ea!.enrolmentId] })).toMatchObject({ created: 2, changed: 0 });
    expect(await saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId, eb!.enrolmentId], present: [ea!.enrolmentId, eb!.enrolmentId] })).toMatchObject({ created: 0, changed: 1, unchanged: 1 });
    await as(otherProvider);
    expect(await codeOf(saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId], present: [] }))).toBe("notFound");
    expect(await participants(await actorOf(otherProvider), t.id)).toEqual([]);
    expect(await attendanceSheet(await actorOf(otherProvider), t.id, 1)).toBeNull();
    await as(agencyAdmin);
    expect(await codeOf(saveAttendance({ sessionId: s1.id, listed: [ea!.enrolmentId], present: [] }))).toBe("authz:forbidden");
    // What the provider reads: names and employers; no key anywhere holds an ID number.
    const list = await participants(await actorOf(provider), t.id);
    expect(list.map((p) => p.name).sort()).toEqual([a.name, b.name].sort());
    const sheet = await attendanceSheet(await actorOf(provider), t.id, 1);
    const text = JSON.stringify([list, sheet]);
    expect(text).not.toMatch(/idNumber|0028/);
    expect(sheet!.people.map((p) => p.present)).toEqual([true, true]);
    // An agency sees only its own staff among another agency's participants.
    await as(city);
    await enrol({ trainingId: t.id, practitionerIds: [(await person(otherAgency, district2)).id] });
    expect((await participants(await actorOf(agencyAdmin), t.id)).length).toBe(2);
    expect((await participants(await actorOf(otherAgencyAdmin), t.id)).length).toBe(1);
    expect((await participants(await actorOf(provider), t.id)).length).toBe(3);
  });

  it("closing decides completions: hours credited and subsidy paid for those who attended enough, promises given back for the others; running it again changes nothing", async () => {
    const t = await published({ completionPercent: "100" });
    const [a, b] = [await person(agency, district), await person(agency, district)];
    const aUser = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: a.id });
    await as(city);
    const [ea, eb] = await enrol({ trainingId: t.id, practitionerIds: [a.id, b.id] });
    const sessions = await prisma.trainingSession.findMany({ where: { trainingId: t.id }, orderBy: { number: "asc" } });
    await as(provider);
    await saveAttendance({ sessionId: sessions[0]!.id, listed: [ea!.enrolmentId, eb!.enrolmentId], present: [ea!.enrolmentId, eb!.enrolmentId] });
    await saveAttendance({ sessionId: sessions[1]!.id, listed: [ea!.enrolmentId, eb!.enrolmentId], present: [ea!.enrolmentId] });
    const lineBefore = await availableOf(prisma as never, lineId);
    expect(await closeTraining(ZTrainingRef.parse({ id: t.id, version: String(t.version) }))).toMatchObject({ completed: 1, notCompleted: 1 });
    expect((await prisma.trainingEnrolment.findUniqueOrThrow({ where: { id: ea!.enrolmentId } })).status).toBe("COMPLETED");
    expect((await prisma.trainingEnrolment.findUniqueOrThrow({ where: { id: eb!.enrolmentId } })).status).toBe("NOT_COMPLETED");
    const cpd = await prisma.cpdEntry.findMany({ where: { sourceRef: { startsWith: "training:" }, practitionerId: { in: [a.id, b.id] } } });
    expect(cpd).toHaveLength(1);
    expect(cpd[0]).toMatchObject({ practitionerId: a.id, halfHours: 12, status: "VERIFIED", kind: "TRAINING_PROGRAMME", sourceRef: `training:${ea!.enrolmentId}`, provider: "示例培训中心" });
    expect((await committed(`training:${ea!.enrolmentId}`)).map((x) => x.kind)).toEqual(["COMMITMENT", "RELEASE", "SPENDING"]);
    expect((await committed(`training:${eb!.enrolmentId}`)).map((x) => x.kind)).toEqual(["COMMITMENT", "RELEASE"]);
    // b's promise came back to the line; a's was paid (the line's available changes only by b's 600).
    expect(await availableOf(prisma as never, lineId)).toBe(lineBefore! + 60_000n);
    expect(await prisma.notification.count({ where: { userId: aUser.id, kind: "trainingCompleted" } })).toBe(1);
    // Again: nothing is written twice.
    const locked = await prisma.$transaction(async (tx) => completeTraining(tx, await lockTraining(tx, t.id), null));
    expect(locked.completed).toEqual([]);
    expect(await prisma.cpdEntry.count({ where: { sourceRef: `training:${ea!.enrolmentId}` } })).toBe(1);
    expect(await prisma.fundEntry.count({ where: { sourceRef: { startsWith: `training:${ea!.enrolmentId}` } } })).toBe(3);
    expect(await codeOf(closeTraining(ZTrainingRef.parse({ id: t.id, version: String(t.version + 1) })))).toBe("trainings.errors.notClosable");
    // The completion's printable record: the person, and officials in scope; not another agency.
    const record = await completionRecord(await actorOf(aUser), ea!.enrolmentId);
    expect(record).toMatchObject({ practitioner: { name: a.name }, training: { reference: t.reference, cpdHalfHours: 12 }, recordNumber: `${t.reference}-001` });
    expect(await completionRecord(await actorOf(otherAgencyAdmin), ea!.enrolmentId)).toBeNull();
    expect(await completionRecord(await actorOf(city), ea!.enrolmentId)).not.toBeNull();
    expect(await completionRecord(await actorOf(agencyAdmin), ea!.enrolmentId)).not.toBeNull();
    expect(await completionRecord(await actorOf(aUser), eb!.enrolmentId)).toBeNull();
    // The dashboard's figures see the completion in the district.
    const stats = await trainingStats({ from: new Date(today.getTime() - 86_400_000 * 400), to: new Date(today.getTime() + 86_400_000 * 400), scope: { kind: "district", regionPath: district.path } });
    expect(stats.peopleTrained).toBeGreaterThanOrEqual(1);
    const cityStats = await trainingStats({ from: new Date(today.getTime() - 86_400_000 * 400), to: new Date(today.getTime() + 86_400_000 * 400), scope: { kind: "city" } });
    expect(cityStats.byArea.find((d) => d.key === district.id)?.people).toBeGreaterThanOrEqual(1);
    expect(stats.subsidySpentFen).toBeGreaterThanOrEqual(60_000n);
  });

  it("a programme cannot be closed before its last session, and cancelling gives every promise back and tells everyone", async () => {
    await as(provider);
    const t = await createTraining(ZCreateTraining.parse(form({ endDate: iso(10) })));
    await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(0), startsAt: "09:00", hours: "3", topic: "一" }));
    await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(5), startsAt: "09:00", hours: "3", topic: "二" }));
    await publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" }));
    const [a, b] = [await person(agency, district), await person(agency, district)];
    const bUser = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: b.id });
    await as(city);
    const [ea] = await enrol({ trainingId: t.id, practitionerIds: [a.id, b.id] });
    await as(provider);
    expect(await codeOf(closeTraining(ZTrainingRef.parse({ id: t.id, version: "2" })))).toBe("trainings.errors.sessionsNotOver");
    expect(await cancelTraining(ZTrainingRef.parse({ id: t.id, version: "2" }))).toMatchObject({ withdrawn: 2 });
    expect((await committed(`training:${ea!.enrolmentId}`)).map((x) => x.kind)).toEqual(["COMMITMENT", "RELEASE"]);
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: t.id, status: "WITHDRAWN" } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: bUser.id, kind: "trainingCancelled" } })).toBe(1);
    await as(city);
    expect(await codeOf(enrol({ trainingId: t.id, practitionerIds: [a.id] }))).toBe("trainings.errors.notOpen");
  });
});

describe("the catalogue", () => {
  it("everyone reads published programmes; drafts only their provider and the city; a provider only its own", async () => {
    await as(provider);
    const draft = await createTraining(ZCreateTraining.parse(form({ title: "草稿项目", kind: "SEMINAR" })));
    const open = await published({ title: "公开项目", kind: "SEMINAR" });
    const ids = async (u: TUser) => (await listTrainings(await actorOf(u), { kind: "SEMINAR", providerId: null, month: null, open: false }, 1)).items.map((i) => i.id);
    expect(await ids(agencyAdmin)).toContain(open.id);
    expect(await ids(agencyAdmin)).not.toContain(draft.id);
    expect(await ids(provider)).toContain(draft.id);
    expect(await ids(city)).toContain(draft.id);
    expect(await ids(otherProvider)).not.toContain(open.id);
    expect(await getTraining(await actorOf(otherProvider), open.id)).toBeNull();
    expect(await getTraining(await actorOf(deptOfficer), draft.id)).toBeNull();
    // Open places: a full programme is left out.
    const full = await published({ capacity: "1", title: "满员项目", kind: "SEMINAR" });
    await as(city);
    await enrol({ trainingId: full.id, practitionerIds: [(await person(agency, district)).id] });
    const openIds = (await listTrainings(await actorOf(agencyAdmin), { kind: "SEMINAR", providerId: null, month: null, open: true }, 1)).items.map((i) => i.id);
    expect(openIds).toContain(open.id);
    expect(openIds).not.toContain(full.id);
  });
});
