import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { tableCounts } from "../helpers/counts";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { makeCredentialedPractitioner } from "@/server/seed/credential-factories";
import { approveSupervisor, confirmSession, disputeSession, endSupervision, logSession, startSupervision, withdrawSupervisorApproval } from "@/server/supervision/mutations";
import { listPairs, mySupervision, supervisionCoverage, supervisorCandidates, supervisorLoads, supervisorApprovals } from "@/server/supervision/queries";
import { sendSupervisionReminders } from "@/server/supervision/reminders";
import { exportPairs } from "@/server/supervision/export";
import { updateTrainingSettings } from "@/server/plan/mutations";
import { getTrainingSettings } from "@/server/plan/training-settings";
import { ZApproveSupervisor, ZDisputeSession, ZEndSupervision, ZLogSession, ZStartSupervision } from "@/domain/supervision/schemas";
import { ZTrainingSettings } from "@/domain/plan/training-settings";
import { parsePairListFilter } from "@/domain/supervision/list-filter";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import type { TCurrentUser } from "@/server/auth/session";
import zhSupervision from "../../messages/zh-Hans/supervision.json" with { type: "json" };

// Supervision (T7) against PostgreSQL: who may start, log, confirm and end what; the cap under 20
// concurrent starts; both ledgers credited once; every refusal leaves nothing behind; each role
// reads only its scope; the reminder goes out once.

const DAY = 86_400_000;
const today = todayInCity();
const ago = (days: number) => isoDay(new Date(today.getTime() - days * DAY));

type TUser = { id: string; sessionVersion: number };

async function counts() {
  const [pairs, sessions, cpd, approvals, notifications, changes] = await Promise.all([
    prisma.supervision.count(),
    prisma.supervisionSession.count(),
    prisma.cpdEntry.count(),
    prisma.supervisorApproval.count(),
    prisma.notification.count(),
    prisma.auditEvent.count({ where: { outcome: "SUCCESS" } }),
  ]);
  // A refusal by the matrix is itself audited (outcome DENIED); `audit` counts the changes made.
  return { ...(await tableCounts()), pairs, sessions, cpd, approvals, notifications, audit: changes };
}

const start = (supervisorId: string, superviseeId: string, startDate = ago(100)) => startSupervision(ZStartSupervision.parse({ supervisorId, superviseeId, startDate }));
const log = (supervisionId: string, date: string, hours: string, topic = "个案复盘") => logSession(ZLogSession.parse({ supervisionId, date, hours, topic }));
const version = async (id: string) => (await prisma.supervisionSession.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const pairVersion = async (id: string) => (await prisma.supervision.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const eastStreet = await makeRegion(prisma, { level: "STREET", parent: east });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西区" });
  const agencyE = await makeOrganization(prisma, { kind: "AGENCY", regionId: eastStreet.id, name: "东区阳光社工" });
  const agencyW = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id, name: "西区社工" });
  const dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局", departmentType: "EDUCATION" });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: west.id, name: "西区中学", supervisingDepartmentId: dept.id });
  const evalBody = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id, name: "评估中心" });
  const provider = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: city.id, name: "培训中心" });
  const person = (name: string, orgId: string, kind: "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER", issueDate: string, extra = {}) =>
    makeCredentialedPractitioner(prisma, { organizationId: orgId, name, talentTrack: "FRONTLINE", ...extra }, [{ status: "VERIFIED", kind, issueDate, registrationEnd: isoDay(new Date(today.getTime() + 500 * DAY)) }]);
  const sup1 = await person("周督导", agencyE.id, "SOCIAL_WORKER", "2018-01-01", { talentTrack: "SUPERVISION" });
  const sup2 = await person("吴督导", agencyW.id, "SENIOR_SOCIAL_WORKER", "2015-01-01", { talentTrack: "SUPERVISION" });
  const capSup = await person("郑督导", agencyW.id, "SOCIAL_WORKER", "2016-01-01", { talentTrack: "SUPERVISION" });
  const junior = await person("钱助理", agencyE.id, "ASSISTANT_SOCIAL_WORKER", "2017-01-01");
  const newbie = await person("孙新人", agencyE.id, "SOCIAL_WORKER", ago(400));
  const e1 = await person("李东一", agencyE.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01");
  const e2 = await person("王东二", agencyE.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01");
  const w1 = await person("赵西一", agencyW.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01");
  const s1 = await person("陈校一", school.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01");
  const left = await person("离开者", agencyE.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01", { status: "LEFT" });
  // Twenty practitioners for the concurrent starts.
  const crowd = [];
  for (let i = 0; i < 20; i++) crowd.push(await person(`并发${i}`, agencyW.id, "ASSISTANT_SOCIAL_WORKER", "2023-01-01"));
  const users = {
    city: await makeUser(prisma, { role: "CITY_ADMIN" }),
    officerE: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    officerW: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    adminE: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyE.id }),
    deptOfficer: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id }),
    evaluator: await makeUser(prisma, { role: "EVALUATOR", organizationId: evalBody.id }),
    trainer: await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: provider.id }),
    sup1: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: sup1.id }),
    e1: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: e1.id }),
    e2: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: e2.id }),
  };
  return { city, east, west, agencyE, agencyW, dept, school, sup1, sup2, capSup, junior, newbie, e1, e2, w1, s1, left, crowd, users };
}

beforeAll(async () => {
  w = await build();
});

let pairE1: string; // 周督导 → 李东一 (east), started by the agency
let pairW1: string; // 吴督导 (west) → 王东二 (east): a supervisor from another district

describe("starting pairs", () => {
  it("an agency pairs its staff with an eligible supervisor from anywhere in the city, audited", async () => {
    await as(w.users.adminE);
    const before = await counts();
    const a = await start(w.sup1.id, w.e1.id);
    const b = await start(w.sup2.id, w.e2.id);
    pairE1 = a.id;
    pairW1 = b.id;
    expect(await counts()).toMatchObject({ pairs: before.pairs + 2, audit: before.audit + 2 });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: a.id }, select: { action: true, actorId: true } })).toEqual({ action: "supervision.start", actorId: w.users.adminE.id });
  });

  it("refuses, writing nothing: a supervisee outside the scope, an ineligible supervisor, oneself, a second open pair, someone who left", async () => {
    await as(w.users.adminE);
    const before = await counts();
    expect(await codeOf(start(w.sup1.id, w.w1.id))).toBe("supervision.validation.superviseeNotFound@superviseeId");
    expect(await codeOf(start(w.junior.id, w.e2.id))).toBe("supervision.validation.supervisorNotEligible@supervisorId");
    expect(await codeOf(start(w.newbie.id, w.e2.id))).toBe("supervision.validation.supervisorNotEligible@supervisorId");
    expect(await codeOf(start(w.sup1.id, w.e1.id))).toBe("supervision.validation.pairExists@superviseeId");
    expect(await codeOf(start(w.sup1.id, w.left.id))).toBe("supervision.validation.superviseeNotActive@superviseeId");
    expect(await codeOf(start("no-such-person", w.e2.id))).toBe("supervision.validation.supervisorNotFound@supervisorId");
    await as(w.users.city);
    expect(ZStartSupervision.safeParse({ supervisorId: w.sup1.id, superviseeId: w.sup1.id, startDate: ago(1) }).success).toBe(false);
    expect(await codeOf(startSupervision({ supervisorId: w.sup1.id, superviseeId: w.sup1.id, startDate: new Date(ago(1)) }))).toBe("supervision.validation.selfSupervision@superviseeId");
    // Roles without supervision.manage.
    for (const u of [w.users.deptOfficer, w.users.evaluator, w.users.trainer, w.users.e1]) {
      await as(u);
      expect(await codeOf(start(w.sup1.id, w.e2.id))).toBe("authz:forbidden");
    }
    expect(await counts()).toMatchObject({ pairs: before.pairs, sessions: before.sessions });
  });

  it("the city approves a supervisor who does not meet the rule; once", async () => {
    await as(w.users.officerE);
    expect(await codeOf(approveSupervisor(ZApproveSupervisor.parse({ practitionerId: w.junior.id, note: "十年一线经验" })))).toBe("authz:forbidden");
    const me = await as(w.users.city);
    const approval = await approveSupervisor(ZApproveSupervisor.parse({ practitionerId: w.junior.id, note: "十年一线经验" }));
    expect(approval).toMatchObject({ practitionerId: w.junior.id, note: "十年一线经验", name: "钱助理" });
    expect(await codeOf(approveSupervisor(ZApproveSupervisor.parse({ practitionerId: w.junior.id, note: "再次" })))).toBe("supervision.validation.alreadyApproved@practitionerId");
    expect(await prisma.supervisorApproval.count({ where: { practitionerId: w.junior.id } })).toBe(1);
    const found = await supervisorCandidates(me, "钱助理");
    expect(found.items[0]?.standing.eligibility).toMatchObject({ eligible: true, basis: "approved" });
    // Without a name the picker offers only those the rule admits (the newcomer's level is right, not his years).
    const offered = await supervisorCandidates(me, "");
    expect(offered.items.every((c) => c.standing.eligibility.eligible)).toBe(true);
    expect(offered.items.map((c) => c.name).sort()).toEqual(["吴督导", "周督导", "郑督导", "钱助理"].sort());
    // By name, someone not eligible is found with the reasons.
    expect((await supervisorCandidates(me, "孙新人")).items[0]?.standing.eligibility).toMatchObject({ eligible: false, reasons: [{ code: "tooFewYears", minYears: 3 }] });
    await as(w.users.adminE);
    const pair = await start(w.junior.id, w.e2.id);
    // Withdrawn: the current pair goes on, a new one is refused by the rule; audited; only the city, once.
    await as(w.users.officerE);
    expect(await codeOf(withdrawSupervisorApproval({ practitionerId: w.junior.id }))).toBe("authz:forbidden");
    const city = await as(w.users.city);
    expect((await supervisorApprovals(city, 1)).items.find((a) => a.person.id === w.junior.id)).toMatchObject({ note: "十年一线经验", activeSupervisees: 1 });
    await withdrawSupervisorApproval({ practitionerId: w.junior.id });
    expect(await prisma.supervisorApproval.count({ where: { practitionerId: w.junior.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "supervision.withdrawApproval", entityId: approval.id } })).toBe(1);
    expect(await codeOf(withdrawSupervisorApproval({ practitionerId: w.junior.id }))).toBe("supervision.validation.approvalNotFound@practitionerId");
    expect((await supervisorApprovals(city, 1)).items.some((a) => a.person.id === w.junior.id)).toBe(false);
    expect(await prisma.supervision.count({ where: { id: pair.id, endDate: null } })).toBe(1);
    await as(w.users.adminE);
    expect(await codeOf(start(w.junior.id, w.e1.id))).toBe("supervision.validation.supervisorNotEligible@supervisorId");
    await as(w.users.city);
    await endSupervision(ZEndSupervision.parse({ id: pair.id, version: "1", endDate: isoDay(today) }));
  });
});

describe("the cap", () => {
  it("holds under 20 concurrent starts for one supervisor: exactly the cap open, the rest refused", async () => {
    await prisma.planTarget.upsert({ where: { id: "city" }, create: { id: "city", startDate: new Date("2025-01-01T00:00:00Z"), supervisorMaxSupervisees: 3 }, update: { supervisorMaxSupervisees: 3 } });
    await as(w.users.city);
    const results = await Promise.all(w.crowd.map((p) => codeOf(start(w.capSup.id, p.id))));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    expect(results.filter((r) => r === "supervision.validation.supervisorAtCap@supervisorId")).toHaveLength(17);
    expect(await prisma.supervision.count({ where: { supervisorId: w.capSup.id, endDate: null } })).toBe(3);
    const loads = await supervisorLoads(await as(w.users.city));
    expect(loads.rows.find((r) => r.id === w.capSup.id)?.standing.active).toBe(3);
    expect(loads.cap).toBe(3);
    // Ending one frees a place; the settings' default comes back for the rest of the file.
    const one = await prisma.supervision.findFirstOrThrow({ where: { supervisorId: w.capSup.id, endDate: null }, select: { id: true, version: true } });
    await prisma.supervision.update({ where: { id: one.id }, data: { startDate: new Date(ago(10)) } });
    await endSupervision(ZEndSupervision.parse({ id: one.id, version: String(one.version), endDate: ago(1) }));
    const unpaired = await prisma.practitioner.findFirstOrThrow({ where: { id: { in: w.crowd.map((c) => c.id) }, supervisedBy: { none: {} } }, select: { id: true } });
    expect(await codeOf(start(w.capSup.id, unpaired.id))).toBe("ok");
    await prisma.planTarget.update({ where: { id: "city" }, data: { supervisorMaxSupervisees: 8 } });
  });
});

describe("sessions", () => {
  let logged: string;
  it("only the pair's supervisor logs, inside the period, within the day's maximum", async () => {
    await as(w.users.sup1);
    const before = await counts();
    const s = await log(pairE1, ago(3), "2", "家庭个案复盘");
    logged = s.id;
    expect(s).toMatchObject({ status: "LOGGED", halfHours: 4, topic: "家庭个案复盘" });
    // The supervisee hears of it.
    expect(await prisma.notification.count({ where: { userId: w.users.e1.id, kind: "supervisionLogged" } })).toBe(1);
    expect(await counts()).toMatchObject({ sessions: before.sessions + 1, audit: before.audit + 1, cpd: before.cpd });

    const mid = await counts();
    expect(await codeOf(log(pairE1, ago(200), "2"))).toBe("supervision.validation.sessionOutsidePair@date");
    expect(await codeOf(logSession({ supervisionId: pairE1, date: isoDay(new Date(today.getTime() + DAY)), halfHours: 2, topic: "x" }))).toBe("dateInFuture@date");
    expect(await codeOf(log(pairE1, ago(3), "6.5"))).toBe("supervision.validation.sessionTooLong@hours");
    expect(await codeOf(log(pairW1, ago(3), "1"))).toBe("supervision.validation.pairNotFound@supervisionId");
    await as(w.users.e1);
    expect(await codeOf(log(pairE1, ago(2), "1"))).toBe("supervision.errors.notSupervisor");
    await as(w.users.e2);
    expect(await codeOf(log(pairE1, ago(2), "1"))).toBe("supervision.validation.pairNotFound@supervisionId");
    await as(w.users.adminE);
    expect(await codeOf(log(pairE1, ago(2), "1"))).toBe("authz:forbidden");
    expect(await counts()).toMatchObject({ sessions: mid.sessions, audit: mid.audit });
    // The limit is the supervisor's day, not the pair's: 6 hours with another supervisee the same day, then half an hour more is too many.
    await as(w.users.adminE);
    const second = await start(w.sup1.id, w.e2.id, ago(30));
    await as(w.users.sup1);
    const six = await log(second.id, ago(3), "6");
    expect(await codeOf(log(pairE1, ago(3), "0.5"))).toBe("supervision.validation.sessionTooLong@hours");
    await prisma.supervisionSession.delete({ where: { id: six.id } });
    await prisma.supervision.delete({ where: { id: second.id } });
  });

  it("only the supervisee confirms; confirmed hours go to both ledgers, once", async () => {
    const before = await counts();
    await as(w.users.sup1);
    expect(await codeOf(confirmSession({ id: logged, version: 1 }))).toBe("supervision.errors.notSupervisee");
    await as(w.users.e2);
    expect(await codeOf(confirmSession({ id: logged, version: 1 }))).toBe("notFound");
    await as(w.users.city);
    expect(await codeOf(confirmSession({ id: logged, version: 1 }))).toBe("authz:forbidden");
    await as(w.users.e1);
    expect(await codeOf(confirmSession({ id: logged, version: 2 }))).toBe("stale");
    expect(await counts()).toMatchObject({ cpd: before.cpd, audit: before.audit });

    await confirmSession({ id: logged, version: await version(logged) });
    const entries = await prisma.cpdEntry.findMany({ where: { sourceRef: { startsWith: `supervision:${logged}:` } }, select: { practitionerId: true, kind: true, status: true, halfHours: true, title: true, provider: true, sourceRef: true }, orderBy: { sourceRef: "asc" } });
    expect(entries).toEqual([
      { practitionerId: w.e1.id, kind: "SUPERVISION", status: "VERIFIED", halfHours: 4, title: "家庭个案复盘", provider: "周督导", sourceRef: `supervision:${logged}:supervisee` },
      { practitionerId: w.sup1.id, kind: "SUPERVISION", status: "VERIFIED", halfHours: 4, title: "家庭个案复盘", provider: "李东一", sourceRef: `supervision:${logged}:supervisor` },
    ]);
    expect(await counts()).toMatchObject({ cpd: before.cpd + 2, audit: before.audit + 1 });
    // Once: a second confirmation is refused and credits nothing.
    expect(await codeOf(confirmSession({ id: logged, version: await version(logged) }))).toBe("supervision.errors.notLogged");
    expect(await prisma.cpdEntry.count()).toBe(before.cpd + 2);
  });

  it("a dispute needs a reason, credits nothing, and tells the supervisor", async () => {
    await as(w.users.sup1);
    const s = await log(pairE1, ago(2), "1.5", "危机干预");
    await as(w.users.e1);
    expect(ZDisputeSession.safeParse({ id: s.id, version: "1", reason: "" }).success).toBe(false);
    const before = await counts();
    const after = await disputeSession(ZDisputeSession.parse({ id: s.id, version: "1", reason: "当天没有进行督导" }));
    expect(after).toMatchObject({ status: "DISPUTED", reason: "当天没有进行督导" });
    expect(await counts()).toMatchObject({ cpd: before.cpd, audit: before.audit + 1, notifications: before.notifications + 1 });
    expect(await prisma.notification.findFirstOrThrow({ where: { userId: w.users.sup1.id, kind: "supervisionDisputed" }, select: { params: true } })).toMatchObject({ params: { reason: "当天没有进行督导", topic: "危机干预" } });
    expect(await codeOf(confirmSession({ id: s.id, version: 2 }))).toBe("supervision.errors.notLogged");
    // A disputed session does not count toward the day's maximum: 8 hours that day are still possible.
    await as(w.users.sup1);
    expect(await codeOf(log(pairE1, ago(2), "8"))).toBe("ok");
  });

  it("the practitioner's page: waiting sessions, history, standing as a supervisor", async () => {
    const mine = await mySupervision(await as(w.users.e1));
    expect(mine!.waiting.map((s) => s.halfHours)).toEqual([16]);
    expect(mine!.received.map((s) => s.status).sort()).toEqual(["CONFIRMED", "DISPUTED"]);
    expect(mine!.supervisedBy.map((p) => p.supervisor.name)).toEqual(["周督导"]);
    expect(mine!.supervisedBy[0]!.confirmedHalfHours).toBe(4);
    expect(mine!.standing?.eligibility).toMatchObject({ eligible: false });
    const sup = await mySupervision(await as(w.users.sup1));
    expect(sup!.supervising.map((p) => p.supervisee.name)).toEqual(["李东一"]);
    expect(sup!.given).toHaveLength(3);
    expect(sup!.standing?.eligibility).toMatchObject({ eligible: true, basis: "levelAndYears" });
    expect(await mySupervision(await as(w.users.city))).toBeNull();
  });
});

describe("ending pairs", () => {
  it("refuses a last day before the first, before a session, a stale version, and ending twice", async () => {
    const pair = await prisma.supervision.findUniqueOrThrow({ where: { id: pairE1 }, select: { startDate: true, version: true } });
    await as(w.users.officerW);
    expect(await codeOf(endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(pair.version), endDate: ago(1) })))).toBe("notFound");
    await as(w.users.adminE);
    const before = await counts();
    expect(await codeOf(endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(pair.version), endDate: isoDay(new Date(pair.startDate.getTime() - 86_400_000)) })))).toBe("supervision.validation.endBeforeStart@endDate");
    expect(await codeOf(endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(pair.version), endDate: ago(5) })))).toBe("supervision.validation.sessionsAfterEnd@endDate");
    expect(await codeOf(endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(pair.version + 1), endDate: ago(1) })))).toBe("stale");
    expect(await counts()).toMatchObject({ audit: before.audit });
    const ended = await endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(pair.version), endDate: ago(1) }));
    expect(isoDay(ended.endDate)).toBe(ago(1));
    expect(await codeOf(endSupervision(ZEndSupervision.parse({ id: pairE1, version: String(await pairVersion(pairE1)), endDate: ago(1) })))).toBe("supervision.errors.alreadyEnded");
    // After the end, a session inside the period can still be logged; after its last day not.
    await as(w.users.sup1);
    expect(await codeOf(log(pairE1, isoDay(today), "1"))).toBe("supervision.validation.sessionOutsidePair@date");
    // A new pair of the same two people may start again.
    await as(w.users.adminE);
    expect(await codeOf(start(w.sup1.id, w.e1.id, isoDay(today)))).toBe("ok");
  });
});

describe("who sees which pairs", () => {
  const names = async (user: TUser) => (await listPairs(await as(user), parsePairListFilter({ state: "all" }))).items.map((p) => `${p.supervisor.name}→${p.supervisee.name}`).sort();
  it("each role its scope; a training provider and an evaluator nothing", async () => {
    await as(w.users.city);
    await start(w.sup2.id, w.s1.id);
    const all = await names(w.users.city);
    expect(all).toContain("吴督导→陈校一");
    // East: pairs whose supervisee (or supervisor) is in the east, not the school's or the crowd's.
    const east = await names(w.users.officerE);
    expect(east).toContain("吴督导→王东二");
    expect(east).toContain("周督导→李东一");
    expect(east.some((n) => n.includes("陈校一") || n.includes("并发"))).toBe(false);
    // The agency: its staff on either side.
    const agency = await names(w.users.adminE);
    expect(agency.every((n) => /周督导|钱助理|李东一|王东二/.test(n))).toBe(true);
    // The department: the people of the organisations it supervises.
    expect(await names(w.users.deptOfficer)).toEqual(["吴督导→陈校一"]);
    expect(await names(w.users.trainer)).toEqual([]);
    expect(await names(w.users.evaluator)).toEqual([]);
    expect(await names(w.users.e2)).toEqual(["吴督导→王东二", "钱助理→王东二"]);
    // The district filter reads the supervisee's district.
    const west = (await listPairs(await as(w.users.city), parsePairListFilter({ state: "all", district: w.west.id }))).items.map((p) => p.supervisee.name);
    expect(west.length).toBeGreaterThan(0);
    expect(west.some((n) => n === "李东一" || n === "王东二")).toBe(false);
  });

  it("the list exports to Excel with its filter, in scope, audited; roles without supervision.read get nothing", async () => {
    const filter = parsePairListFilter({ state: "all" });
    const shown = (await listPairs(await as(w.users.officerE), filter)).items.map((p) => p.supervisee.name);
    const file = await exportPairs(filter);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(file.stream as never));
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const i = rows[0]!.indexOf(zhSupervision.columns.supervisee);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(rows.slice(1).map((r) => r[i])).toEqual(shown);
    expect(file.rows).toBe(shown.length);
    expect(await prisma.auditEvent.count({ where: { action: "supervision.export", actorId: w.users.officerE.id } })).toBe(1);
    for (const u of [w.users.trainer, w.users.evaluator]) {
      await as(u);
      expect(await codeOf(exportPairs(filter))).toBe("authz:forbidden");
    }
  });

  it("frontline coverage: active frontline workers in scope with an open pair as supervisee", async () => {
    const city = await supervisionCoverage(await as(w.users.city));
    const frontline = await prisma.practitioner.count({ where: { status: "ACTIVE", talentTrack: "FRONTLINE" } });
    const covered = await prisma.practitioner.count({ where: { status: "ACTIVE", talentTrack: "FRONTLINE", supervisedBy: { some: { endDate: null } } } });
    expect(city).toMatchObject({ frontline, covered, share: covered / frontline });
    expect(city!.byDistrict.find((d) => d.id === w.east.id)).toMatchObject({ frontline: 4, covered: 2 });
    const east = await supervisionCoverage(await as(w.users.officerE));
    expect(east).toMatchObject({ frontline: 4, covered: 2, byDistrict: [] });
    expect(await supervisionCoverage(await as(w.users.adminE))).toBeNull();
  });
});

describe("the reminder", () => {
  it("goes to the supervisee once, for sessions waiting longer than the setting", async () => {
    await as(w.users.sup1);
    const pair = await prisma.supervision.findFirstOrThrow({ where: { supervisorId: w.sup1.id, superviseeId: w.e1.id, endDate: null }, select: { id: true } });
    const old = await log(pair.id, isoDay(today), "1", "旧记录");
    const fresh = await log(pair.id, isoDay(today), "1", "新记录");
    await prisma.supervisionSession.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 15 * DAY) } });
    await prisma.supervisionSession.update({ where: { id: fresh.id }, data: { createdAt: new Date(Date.now() - 13 * DAY) } });
    const first = await sendSupervisionReminders();
    expect(first.notifications).toBe(1);
    const n = await prisma.notification.findMany({ where: { kind: "supervisionConfirmDue" }, select: { userId: true, params: true, href: true } });
    expect(n).toEqual([{ userId: w.users.e1.id, params: expect.objectContaining({ topic: "旧记录", days: 14 }), href: "/me/supervision" }]);
    expect((await prisma.supervisionSession.findUniqueOrThrow({ where: { id: old.id } })).remindedAt).not.toBeNull();
    expect((await prisma.supervisionSession.findUniqueOrThrow({ where: { id: fresh.id } })).remindedAt).toBeNull();
    expect((await sendSupervisionReminders()).notifications).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "supervisionConfirmDue" } })).toBe(1);
  });
});

describe("training settings", () => {
  it("the city saves all nine, audited; a stale version and other roles are refused", async () => {
    const input = (version: number, over: Record<string, string> = {}) =>
      ZTrainingSettings.parse({ civilServantDeadlineYears: "3", civilServantDeadlineIncludesPublicInstitutions: "on", civilServantDueDays: "60", rotationCoverageYears: "2", trainingCompletionPercent: "75", supervisorMinLevel: "SENIOR_SOCIAL_WORKER", supervisorMinYears: "5", supervisorMaxSupervisees: "6", supervisionConfirmDays: "10", version: String(version), ...over });
    const row = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" }, select: { version: true } });
    await as(w.users.officerE);
    expect(await codeOf(updateTrainingSettings(input(row.version)))).toBe("authz:forbidden");
    const me: TCurrentUser = await as(w.users.city);
    expect(me.role).toBe("CITY_ADMIN");
    expect(await codeOf(updateTrainingSettings(input(row.version + 1)))).toBe("stale");
    await updateTrainingSettings(input(row.version));
    expect(await getTrainingSettings()).toEqual({ civilServantDeadlineYears: 3, civilServantDeadlineIncludesPublicInstitutions: true, civilServantDueDays: 60, rotationCoverageYears: 2, trainingCompletionPercent: 75, supervisorMinLevel: "SENIOR_SOCIAL_WORKER", supervisorMinYears: 5, supervisorMaxSupervisees: 6, supervisionConfirmDays: 10 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.updateTrainingSettings", outcome: "SUCCESS" }, select: { before: true, after: true } });
    expect(audit.after).toMatchObject({ supervisorMinLevel: "SENIOR_SOCIAL_WORKER", supervisorMaxSupervisees: 6 });
    // The stricter rule applies at once: 周督导 (社会工作师) no longer qualifies.
    const found = await supervisorCandidates(me, "周督导");
    expect(found.items[0]?.standing.eligibility).toMatchObject({ eligible: false, reasons: [{ code: "levelBelow" }] });
  });
});
