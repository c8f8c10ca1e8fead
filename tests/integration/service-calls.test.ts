import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { cancelCall, closeCall, createCall, publishCall, updateCall } from "@/server/service-calls/calls";
import { closeDueCalls } from "@/server/service-calls/close";
import { EligibilityRefusal, submitProposal, withdrawProposal } from "@/server/service-calls/proposals";
import { callProposals, getCall, listCalls, ownProposal, publicCalls } from "@/server/service-calls/queries";
import { ZCallRef, ZCreateCall, ZSubmitProposal, ZUpdateCall } from "@/domain/service-calls/schemas";
import { parseCallListFilter } from "@/domain/service-calls/list-filter";
import { readSnapshot } from "@/domain/service-calls/eligibility";
import { cityDateTimeInput } from "@/domain/service-calls/rules";
import { errorOf } from "../helpers/integration";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// Calls and proposals (issue 13, part A) on a real PostgreSQL: drafts with weighted criteria,
// publishing, the deadline, the eligibility check line by line (nothing written on a refusal),
// named staff of another agency, 50 submissions at once giving one proposal, the close re-checking
// every proposal, and what each role sees.

type TUser = Awaited<ReturnType<typeof makeUser>>;
const DAY = 86_400_000;
const today = todayInCity();
const iso = (offset: number) => isoDay(new Date(today.getTime() + offset * DAY));
const inDays = (n: number) => cityDateTimeInput(new Date(Date.now() + n * DAY));

let city: TUser, deptOfficer: TUser, otherDeptOfficer: TUser, districtOfficer: TUser, otherDistrictOfficer: TUser, agencyAdmin: TUser, otherAgencyAdmin: TUser, badAdmin: TUser, expert: TUser, otherExpert: TUser, worker: TUser;
let dept: { id: string }, otherDept: { id: string }, agency: { id: string }, otherAgency: { id: string }, blacklisted: { id: string };
let district: { id: string; path: string }, district2: { id: string; path: string };
let lineId: string;
let qualified: { id: string }[] = [];
let unqualified: { id: string }, otherStaff: { id: string }, badStaff: { id: string };

const farFuture = new Date(Date.UTC(2099, 0, 1));
async function staff(org: { id: string }, d: { id: string; path: string }, counts: boolean) {
  return makePractitioner(prisma, {
    organizationId: org.id,
    regionId: d.id,
    regionPath: d.path,
    ...(counts ? { qualificationLevel: "SOCIAL_WORKER" as const, registrationEnd: farFuture } : {}),
  });
}

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  district2 = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: c.id, departmentType: "EDUCATION" });
  otherDept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: c.id, departmentType: "HEALTH" });
  agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "阳光" });
  otherAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district2.id, name: "和平" });
  blacklisted = await makeOrganization(prisma, { kind: "AGENCY", regionId: district2.id, name: "明德" });
  await prisma.integrityRecord.create({ data: { organizationId: blacklisted.id, kind: "BLACKLIST", occurredOn: new Date(today.getTime() - 30 * DAY), source: "民政局", description: "列入严重失信名单" } });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id });
  otherDeptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: otherDept.id });
  districtOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  otherDistrictOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district2.id });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  otherAgencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: otherAgency.id });
  badAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: blacklisted.id });
  expert = await makeUser(prisma, { role: "EXPERT" });
  otherExpert = await makeUser(prisma, { role: "EXPERT" });
  const p = await staff(agency, district, true);
  worker = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: p.id });
  qualified = [p, await staff(agency, district, true), await staff(agency, district, true)];
  unqualified = await staff(agency, district, false);
  otherStaff = await staff(otherAgency, district2, true);
  await staff(otherAgency, district2, true);
  badStaff = await staff(blacklisted, district2, true);
  const fund = await prisma.fund.create({ data: { year: today.getUTCFullYear(), name: "专项" } });
  lineId = (await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 1_000_000_000n } })).id;
});

const form = (over: Record<string, unknown> = {}) => ({
  title: "中小学驻校社工服务",
  description: "驻校服务",
  type: "COMMUNITY",
  practiceField: "SCHOOLS",
  targetGroups: ["CHILDREN"],
  regionId: district.id,
  budget: "500000",
  budgetLineId: lineId,
  termStart: iso(60),
  termEnd: iso(420),
  minQualifiedStaff: "2",
  minQualifiedPercent: "50",
  minRating: "",
  deadline: inDays(10),
  criteria: [
    { name: "方案", weight: "60", maxScore: "100" },
    { name: "团队", weight: "40", maxScore: "50" },
  ],
  ...over,
});

/** An open call of the department (published as its officer). */
async function openCall(over: Record<string, unknown> = {}) {
  await as(deptOfficer);
  const c = await createCall(ZCreateCall.parse(form(over)));
  await publishCall(ZCallRef.parse({ id: c.id, version: "1" }));
  return c;
}

const proposal = (callId: string, staffIds: string[], over: Record<string, unknown> = {}) =>
  ZSubmitProposal.parse({ callId, narrative: "服务方案", lines: [{ item: "人员经费", amount: "300000" }, { item: "活动经费", amount: "100000" }], staffIds, ...over });

describe("calls", () => {
  it("refuses criteria whose weights do not add up to 100, and a deadline after the term starts", () => {
    const r = ZCreateCall.safeParse(form({ criteria: [{ name: "方案", weight: "60", maxScore: "100" }, { name: "团队", weight: "30", maxScore: "100" }], deadline: cityDateTimeInput(new Date(Date.now() + 90 * DAY)) }));
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toContain("criteria:serviceCalls.validation.weightsSum");
    expect(paths).toContain("deadline:serviceCalls.validation.deadlineAfterStart");
  });

  it("a department officer's call is their department's whatever they send; a draft is edited with its version, then published", async () => {
    await as(deptOfficer);
    const c = await createCall(ZCreateCall.parse(form({ departmentId: otherDept.id })));
    const saved = await prisma.serviceCall.findUniqueOrThrow({ where: { id: c.id }, include: { criteria: true } });
    expect(saved).toMatchObject({ departmentId: dept.id, status: "DRAFT", budgetFen: 50_000_000n, regionPath: district.path });
    expect(saved.criteria.map((k) => k.weight).sort()).toEqual([40, 60]);
    await updateCall(ZUpdateCall.parse({ ...form({ title: "新标题", criteria: [{ name: "唯一", weight: "100", maxScore: "10" }] }), id: c.id, version: "1" }));
    expect(await codeOf(updateCall(ZUpdateCall.parse({ ...form(), id: c.id, version: "1" })))).toBe("stale");
    // Another department cannot touch it.
    await as(otherDeptOfficer);
    expect(await codeOf(publishCall(ZCallRef.parse({ id: c.id, version: "2" })))).toBe("notFound");
    await as(deptOfficer);
    await publishCall(ZCallRef.parse({ id: c.id, version: "2" }));
    const after = await prisma.serviceCall.findUniqueOrThrow({ where: { id: c.id }, include: { criteria: true } });
    expect(after).toMatchObject({ status: "OPEN", title: "新标题" });
    expect(after.criteria).toHaveLength(1);
    expect(await codeOf(updateCall(ZUpdateCall.parse({ ...form(), id: c.id, version: String(after.version) })))).toBe("serviceCalls.errors.notEditable");
    expect(await prisma.auditEvent.count({ where: { entityId: c.id, action: { in: ["serviceCalls.create", "serviceCalls.update", "serviceCalls.publish"] } } })).toBe(3);
  });

  it("cannot publish with a deadline already past; cancels a draft or an open call only", async () => {
    await as(city);
    const c = await createCall(ZCreateCall.parse(form()));
    expect(await codeOf(publishCall(ZCallRef.parse({ id: c.id, version: "1" }), new Date(Date.now() + 11 * DAY)))).toBe("serviceCalls.errors.deadlineInPast");
    await cancelCall(ZCallRef.parse({ id: c.id, version: "1" }));
    expect(await codeOf(cancelCall(ZCallRef.parse({ id: c.id, version: "2" })))).toBe("serviceCalls.errors.notCancellable");
  });
});

describe("proposals", () => {
  it("an eligible agency proposes with its qualified staff; the lines are stored with the proposal", async () => {
    const c = await openCall();
    await as(agencyAdmin);
    await submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id, unqualified.id]));
    const p = await prisma.proposal.findFirstOrThrow({ where: { callId: c.id }, include: { budgetLines: true, staff: true } });
    expect(p).toMatchObject({ organizationId: agency.id, status: "SUBMITTED", totalFen: 40_000_000n });
    expect(p.budgetLines).toHaveLength(2);
    expect(p.staff).toHaveLength(3);
    const snap = readSnapshot(p.eligibility)!;
    expect(snap.eligible).toBe(true);
    expect(snap.lines.find((l) => l.key === "staffing")?.params).toMatchObject({ counting: 2, named: 3 });
    // A second proposal of the same agency is refused.
    expect(await codeOf(submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id])))).toBe("serviceCalls.errors.alreadyProposed");
  });

  it("refuses after the deadline, nothing written", async () => {
    const c = await openCall();
    await as(agencyAdmin);
    const before = await prisma.proposal.count();
    expect(await codeOf(submitProposal(proposal(c.id, qualified.map((q) => q.id)), new Date(Date.now() + 10 * DAY + 60_000)))).toBe("serviceCalls.errors.deadlinePassed");
    expect(await prisma.proposal.count()).toBe(before);
  });

  it("refuses the blacklisted agency with the lines, nothing written", async () => {
    const c = await openCall({ minQualifiedStaff: "1", minQualifiedPercent: "0" });
    await as(badAdmin);
    const before = await prisma.proposal.count();
    const e = await errorOf(submitProposal(proposal(c.id, [badStaff.id])));
    expect(e).toBeInstanceOf(EligibilityRefusal);
    const lines = (e as EligibilityRefusal).lines;
    expect(lines.filter((l) => !l.ok).map((l) => l.key)).toEqual(["notBlacklisted"]);
    expect(await prisma.proposal.count()).toBe(before);
    expect(await prisma.auditEvent.count({ where: { action: "proposals.submit", actorId: badAdmin.id } })).toBe(0);
  });

  it("refuses staff not of the agency (counted, not named), below the minimum rating, or short of staffing", async () => {
    const c = await openCall({ minRating: "A3" });
    await as(agencyAdmin);
    const e = await errorOf(submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id, otherStaff.id])));
    const lines = (e as EligibilityRefusal).lines;
    expect(lines.filter((l) => !l.ok).map((l) => l.key).sort()).toEqual(["rating", "staffEmployed"]);
    const employed = lines.find((l) => l.key === "staffEmployed")!;
    expect(employed.params).toMatchObject({ count: 1, names: "" });
    await prisma.organization.update({ where: { id: agency.id }, data: { rating: "A4" } });
    try {
      const short = await errorOf(submitProposal(proposal(c.id, [qualified[0]!.id, unqualified.id])));
      expect((short as EligibilityRefusal).lines.filter((l) => !l.ok).map((l) => l.key)).toEqual(["staffing"]);
      expect(await prisma.proposal.count({ where: { callId: c.id } })).toBe(0);
    } finally {
      await prisma.organization.update({ where: { id: agency.id }, data: { rating: null } });
    }
  });

  it("refuses an agency graded fail within the city's bar", async () => {
    const c = await openCall({ minQualifiedStaff: "0", minQualifiedPercent: "0" });
    const r = await prisma.integrityRecord.create({ data: { organizationId: otherAgency.id, kind: "EVALUATION_FAILED", occurredOn: new Date(today.getTime() - 100 * DAY), source: "评估中心", description: "不合格" } });
    try {
      await as(otherAgencyAdmin);
      const e = await errorOf(submitProposal(proposal(c.id, [])));
      expect((e as EligibilityRefusal).lines.filter((l) => !l.ok).map((l) => l.key)).toEqual(["noFailedEvaluation"]);
    } finally {
      await prisma.integrityRecord.delete({ where: { id: r.id } });
    }
  });

  it("50 submissions at once by the same agency give one proposal", async () => {
    const c = await openCall();
    await as(agencyAdmin);
    const results = await Promise.all(Array.from({ length: 50 }, () => codeOf(submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id])))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(new Set(results.filter((r) => r !== "ok"))).toEqual(new Set(["serviceCalls.errors.alreadyProposed"]));
    expect(await prisma.proposal.count({ where: { callId: c.id } })).toBe(1);
  });

  it("withdraws before the deadline and submits again; not after the deadline", async () => {
    const c = await openCall();
    await as(agencyAdmin);
    const { id } = await submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id]));
    expect(await codeOf(withdrawProposal({ id, version: 1 }, new Date(Date.now() + 11 * DAY)))).toBe("serviceCalls.errors.deadlinePassed");
    await as(otherAgencyAdmin);
    expect(await codeOf(withdrawProposal({ id, version: 1 }))).toBe("notFound");
    await as(agencyAdmin);
    await withdrawProposal({ id, version: 1 });
    expect(await codeOf(withdrawProposal({ id, version: 2 }))).toBe("serviceCalls.errors.notWithdrawable");
    await submitProposal(proposal(c.id, qualified.map((q) => q.id)));
    const p = await prisma.proposal.findUniqueOrThrow({ where: { id }, include: { staff: true } });
    expect(p.status).toBe("SUBMITTED");
    expect(p.staff).toHaveLength(3);
  });

  it("the close re-checks every proposal: one whose named worker left becomes INELIGIBLE with the lines", async () => {
    const c = await openCall();
    const leaver = await staff(otherAgency, district2, true);
    await as(agencyAdmin);
    await submitProposal(proposal(c.id, [qualified[0]!.id, qualified[1]!.id]));
    await as(otherAgencyAdmin);
    await submitProposal(proposal(c.id, [otherStaff.id, leaver.id]));
    // The named worker leaves the agency after the proposal was submitted.
    await prisma.practitioner.update({ where: { id: leaver.id }, data: { organizationId: null, status: "LEFT" } });
    await as(deptOfficer);
    expect(await codeOf(closeCall(ZCallRef.parse({ id: c.id, version: "2" })))).toBe("serviceCalls.errors.deadlineNotPassed");
    const later = new Date(Date.now() + 10 * DAY + 60_000);
    const out = await closeCall(ZCallRef.parse({ id: c.id, version: "2" }), later);
    expect(out).toEqual({ proposals: 2, ineligible: 1 });
    const rows = await prisma.proposal.findMany({ where: { callId: c.id }, select: { organizationId: true, status: true, eligibility: true } });
    const failed = rows.find((r) => r.organizationId === otherAgency.id)!;
    expect(failed.status).toBe("INELIGIBLE");
    expect(readSnapshot(failed.eligibility)!.lines.filter((l) => !l.ok).map((l) => l.key)).toEqual(["staffEmployed", "staffing"]);
    expect(rows.find((r) => r.organizationId === agency.id)!.status).toBe("SUBMITTED");
    expect((await prisma.serviceCall.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CLOSED");
    // The maintenance pass finds nothing more to close here; it closes another due call.
    const due = await openCall();
    expect(await closeDueCalls(new Date(Date.now() + 10 * DAY + 60_000))).toBeGreaterThanOrEqual(1);
    expect((await prisma.serviceCall.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("CLOSED");
    await as(agencyAdmin);
    expect(await codeOf(submitProposal(proposal(due.id, [qualified[0]!.id, qualified[1]!.id])))).toBe("serviceCalls.errors.notOpen");
  });
});

describe("what each role sees", () => {
  it("scopes the list and the proposals", async () => {
    const mine = await openCall();
    await as(city);
    const cityCall = await createCall(ZCreateCall.parse(form({ regionId: district2.id })));
    await publishCall(ZCallRef.parse({ id: cityCall.id, version: "1" }));
    const draft = await createCall(ZCreateCall.parse(form({ title: "城市草稿" })));
    await prisma.panelMember.create({ data: { callId: mine.id, userId: expert.id, kind: "EXPERT" } });
    await as(agencyAdmin);
    await submitProposal(proposal(mine.id, [qualified[0]!.id, qualified[1]!.id]));
    await as(otherAgencyAdmin);
    await submitProposal(proposal(mine.id, [otherStaff.id, (await staff(otherAgency, district2, true)).id]));

    const ids = async (u: TUser) => (await listCalls(await as(u), parseCallListFilter({}), 1)).items.map((i) => i.id);
    expect(await ids(deptOfficer)).toContain(mine.id);
    expect(await ids(deptOfficer)).not.toContain(cityCall.id);
    expect(await ids(otherDeptOfficer)).not.toContain(mine.id);
    expect(await ids(districtOfficer)).toContain(mine.id);
    expect(await ids(otherDistrictOfficer)).not.toContain(mine.id);
    expect(await ids(otherDistrictOfficer)).toContain(cityCall.id);
    expect(await ids(agencyAdmin)).toEqual(expect.arrayContaining([mine.id, cityCall.id]));
    const drafts = async (u: TUser) => (await listCalls(await as(u), parseCallListFilter({ q: "城市草稿" }), 1)).items.map((i) => i.id);
    expect(await drafts(agencyAdmin)).toEqual([]);
    expect(await drafts(city)).toEqual([draft.id]);
    expect(await ids(expert)).toEqual([mine.id]);
    expect(await ids(otherExpert)).toEqual([]);
    expect((await listCalls(await as(worker), parseCallListFilter({}), 1)).items).toEqual([]);
    expect(await getCall(await as(otherDeptOfficer), mine.id)).toBeNull();

    const agencies = async (u: TUser) => (await callProposals(await as(u), mine.id)).map((p) => p.organization.name).sort();
    expect(await agencies(deptOfficer)).toEqual(["和平", "阳光"]);
    expect(await agencies(otherDeptOfficer)).toEqual([]);
    expect(await agencies(agencyAdmin)).toEqual(["阳光"]);
    expect(await agencies(expert)).toEqual(["和平", "阳光"]);
    expect(await agencies(otherExpert)).toEqual([]);
    expect((await ownProposal(await as(otherAgencyAdmin), mine.id))?.narrative).toBe("服务方案");

    // The public page: open calls only; nothing of drafts.
    const pub = await publicCalls();
    expect(pub.open.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, cityCall.id]));
    expect(pub.open.map((c) => c.id)).not.toContain(draft.id);
    expect(pub.selected.map((c) => c.id)).not.toContain(mine.id);

    // Once an agency is selected (helper B's step, written directly here), the call is listed with the agency and the value.
    const won = await prisma.proposal.findFirstOrThrow({ where: { callId: mine.id, organizationId: agency.id } });
    await prisma.serviceCall.update({ where: { id: mine.id }, data: { status: "SELECTED", selectedProposalId: won.id } });
    const after = await publicCalls();
    expect(after.open.map((c) => c.id)).not.toContain(mine.id);
    expect(after.selected.find((c) => c.id === mine.id)).toMatchObject({ agency: { name: "阳光" }, valueFen: 40_000_000n });
  });
});
