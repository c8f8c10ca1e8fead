import { beforeAll, describe, expect, it } from "vitest";

import { tableCounts } from "../helpers/counts";
import { as, errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { addMember, changeMemberStatus } from "@/server/association/mutations";
import { associationSummary, listMembers, memberCandidates } from "@/server/association/queries";
import { parseMemberListFilter, ZAddMember, ZChangeMemberStatus } from "@/domain/association/schemas";
import { addMemberAction, changeMemberStatusAction } from "@/features/association/actions";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = todayInCity();
const daysFromToday = (n: number) => iso(new Date(today.getTime() + n * 86_400_000));

async function counts() {
  return { ...(await tableCounts()), memberships: await prisma.associationMembership.count() };
}

const add = (memberType: "AGENCY" | "PRACTITIONER", memberId: string, joinedOn = "2025-03-01", note = "") => addMember(ZAddMember.parse({ memberType, memberId, joinedOn, note }));
const change = async (id: string, change: "SUSPEND" | "REINSTATE" | "END", endedOn = "") => {
  const m = await prisma.associationMembership.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return changeMemberStatus(ZChangeMemberStatus.parse({ id, version: String(m.version), change, endedOn }));
};

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: aStreet.id, name: "甲区阳光社工" });
  const agencyA2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区彩虹社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区社工" });
  const suspendedAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区暂停社工", agencyStatus: "SUSPENDED" });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: a.id, name: "甲区小学" });
  const person = (name: string, org: { id: string }, region: { id: string; path: string }, extra = {}) =>
    makePractitioner(prisma, { name, organizationId: org.id, regionId: region.id, regionPath: region.path, ...extra });
  const pA = await person("张甲", agencyA, aStreet);
  const pA2 = await person("李甲", agencyA2, a);
  const pB = await person("王乙", agencyB, b);
  const pLeft = await person("赵离", agencyB, b, { status: "LEFT" });
  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const adminA = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  return { city, a, b, agencyA, agencyA2, agencyB, suspendedAgency, school, pA, pA2, pB, pLeft, cityAdmin, officerA, adminA };
}

beforeAll(async () => {
  w = await build();
});

describe("adding members", () => {
  it("numbers agencies and practitioners separately, in one transaction with an audit event", async () => {
    await as(w.cityAdmin);
    const before = await counts();
    const a1 = await add("AGENCY", w.agencyA.id, "2025-02-01", "理事单位");
    const a2 = await add("AGENCY", w.agencyB.id);
    const p1 = await add("PRACTITIONER", w.pA.id);
    expect([a1.memberNumber, a2.memberNumber, p1.memberNumber]).toEqual(["SWA-A-0001", "SWA-A-0002", "SWA-P-0001"]);
    expect(await counts()).toMatchObject({ memberships: before.memberships + 3, audit: before.audit + 3 });
    const row = await prisma.associationMembership.findUniqueOrThrow({ where: { id: a1.id } });
    expect(row).toMatchObject({ memberType: "AGENCY", organizationId: w.agencyA.id, practitionerId: null, status: "ACTIVE", endedOn: null, note: "理事单位", version: 1 });
    expect(iso(row.joinedOn)).toBe("2025-02-01");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: a1.id }, select: { action: true, actorId: true, ip: true } });
    expect(audit).toMatchObject({ action: "association.addMember", actorId: w.cityAdmin.id, ip: "203.0.113.7" });
  });

  it("refuses a second open membership (active or suspended), an inactive agency or practitioner, and writes nothing", async () => {
    await as(w.cityAdmin);
    const before = await counts();
    expect(await errorOf(add("AGENCY", w.agencyA.id))).toMatchObject({ code: "association.validation.alreadyMember", field: "memberId" });
    expect(await errorOf(add("PRACTITIONER", w.pA.id))).toMatchObject({ code: "association.validation.alreadyMember", field: "memberId" });
    expect(await errorOf(add("AGENCY", w.suspendedAgency.id))).toMatchObject({ code: "association.validation.agencyNotActive" });
    expect(await errorOf(add("AGENCY", w.school.id))).toMatchObject({ code: "association.validation.memberNotFound" });
    expect(await errorOf(add("PRACTITIONER", w.pLeft.id))).toMatchObject({ code: "association.validation.practitionerNotActive" });
    expect(await errorOf(add("PRACTITIONER", "no-such-person"))).toMatchObject({ code: "association.validation.memberNotFound" });
    expect(await counts()).toEqual(before);
  });

  it("two administrators adding the same practitioner at once: exactly one succeeds", async () => {
    await as(w.cityAdmin);
    const results = await Promise.allSettled([add("PRACTITIONER", w.pA2.id), add("PRACTITIONER", w.pA2.id), add("PRACTITIONER", w.pA2.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "association.validation.alreadyMember" });
    expect(await prisma.associationMembership.count({ where: { practitionerId: w.pA2.id } })).toBe(1);
  });

  it("the form's schema refuses a future join date, a missing member and a long note; the action writes nothing", async () => {
    expect(ZAddMember.safeParse({ memberType: "AGENCY", memberId: w.agencyA2.id, joinedOn: daysFromToday(1) }).error?.issues[0]).toMatchObject({ path: ["joinedOn"], message: "dateInFuture" });
    expect(ZAddMember.safeParse({ memberType: "AGENCY", memberId: w.agencyA2.id, joinedOn: iso(today) }).success).toBe(true);
    expect(ZAddMember.safeParse({ memberType: "AGENCY", joinedOn: "2025-01-01" }).error?.issues[0]).toMatchObject({ path: ["memberId"], message: "association.validation.memberNotFound" });
    expect(ZAddMember.safeParse({ memberType: "AGENCY", memberId: "x", joinedOn: "2025-02-30" }).error?.issues[0]).toMatchObject({ path: ["joinedOn"], message: "date" });
    expect(ZAddMember.safeParse({ memberType: "GROUP", memberId: "x", joinedOn: "2025-01-01" }).success).toBe(false);
    expect(ZAddMember.safeParse({ memberType: "AGENCY", memberId: "x", joinedOn: "2025-01-01", note: "长".repeat(501) }).error?.issues[0]).toMatchObject({ path: ["note"], message: "tooLong" });

    await as(w.cityAdmin);
    const before = await counts();
    const form = new FormData();
    form.set("memberType", "AGENCY");
    form.set("memberId", w.agencyA2.id);
    form.set("joinedOn", daysFromToday(3));
    const state = await addMemberAction({ ok: false }, form);
    expect(state).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { joinedOn: "dateInFuture" }, values: { memberId: w.agencyA2.id } });
    // A domain refusal comes back as a field error too.
    form.set("memberId", w.agencyA.id);
    form.set("joinedOn", "2025-01-01");
    expect(await addMemberAction({ ok: false }, form)).toMatchObject({ ok: false, fieldErrors: { memberId: "association.validation.alreadyMember" } });
    expect(await counts()).toEqual(before);
  });

  it("only the city administrator may add: a district officer and an agency administrator are refused", async () => {
    for (const u of [w.officerA, w.adminA]) {
      await as(u);
      const before = await prisma.associationMembership.count();
      expect(await errorOf(add("AGENCY", w.agencyA2.id))).toBeInstanceOf(AuthzError);
      expect(await prisma.associationMembership.count()).toBe(before);
    }
  });

  it("candidates are active agencies and practitioners without an open membership", async () => {
    const admin = await as(w.cityAdmin);
    const agencies = (await memberCandidates(admin, "AGENCY", "")).items.map((c) => c.id);
    expect(agencies).toContain(w.agencyA2.id);
    expect(agencies).not.toContain(w.agencyA.id);
    expect(agencies).not.toContain(w.suspendedAgency.id);
    expect(agencies).not.toContain(w.school.id);
    const people = (await memberCandidates(admin, "PRACTITIONER", "")).items.map((c) => c.id);
    expect(people).toContain(w.pB.id);
    expect(people).not.toContain(w.pA.id);
    expect(people).not.toContain(w.pLeft.id);
    expect((await memberCandidates(admin, "PRACTITIONER", "王乙")).items.map((c) => c.id)).toEqual([w.pB.id]);
  });
});

describe("suspending, reinstating and ending", () => {
  it("suspends and reinstates with a version check; a stale or impossible change is refused and writes nothing", async () => {
    await as(w.cityAdmin);
    const m = await prisma.associationMembership.findFirstOrThrow({ where: { organizationId: w.agencyB.id } });
    await change(m.id, "SUSPEND");
    expect(await prisma.associationMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "SUSPENDED", version: 2 });
    // A suspended member is still a member: it cannot be added again.
    expect(await errorOf(add("AGENCY", w.agencyB.id))).toMatchObject({ code: "association.validation.alreadyMember" });
    const before = await counts();
    // The form was loaded at version 1.
    expect(await errorOf(changeMemberStatus(ZChangeMemberStatus.parse({ id: m.id, version: "1", change: "REINSTATE" })))).toBeInstanceOf(StaleEditError);
    expect(await errorOf(change(m.id, "SUSPEND"))).toMatchObject({ code: "association.errors.invalidTransition" });
    expect(await counts()).toEqual(before);
    await change(m.id, "REINSTATE");
    expect(await prisma.associationMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "ACTIVE", version: 3 });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: m.id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["association.addMember", "association.suspendMember", "association.reinstateMember"]);
  });

  it("ends a membership on a date not before the join date nor in the future; afterwards the member may join again with a new number", async () => {
    await as(w.cityAdmin);
    const m = await prisma.associationMembership.findFirstOrThrow({ where: { organizationId: w.agencyB.id } });
    const before = await counts();
    expect(await errorOf(change(m.id, "END", "2025-02-28"))).toMatchObject({ code: "association.validation.endBeforeJoin", field: "endedOn" });
    expect(ZChangeMemberStatus.safeParse({ id: m.id, version: "3", change: "END", endedOn: daysFromToday(1) }).error?.issues[0]).toMatchObject({ path: ["endedOn"], message: "dateInFuture" });
    expect(ZChangeMemberStatus.safeParse({ id: m.id, version: "3", change: "END", endedOn: "" }).error?.issues[0]).toMatchObject({ path: ["endedOn"], message: "required" });
    const form = new FormData();
    for (const [k, v] of Object.entries({ id: m.id, version: "3", change: "END", endedOn: "2025-01-15", back: "/association" })) form.set(k, v);
    expect(await changeMemberStatusAction({ ok: false }, form)).toMatchObject({ ok: false, fieldErrors: { endedOn: "association.validation.endBeforeJoin" } });
    expect(await counts()).toEqual(before);

    await change(m.id, "END", "2025-03-01");
    const ended = await prisma.associationMembership.findUniqueOrThrow({ where: { id: m.id } });
    expect(ended.status).toBe("ENDED");
    expect(iso(ended.endedOn!)).toBe("2025-03-01");
    expect(await errorOf(change(m.id, "REINSTATE"))).toMatchObject({ code: "association.errors.invalidTransition" });
    expect(await errorOf(change(m.id, "END", "2025-04-01"))).toMatchObject({ code: "association.errors.invalidTransition" });
    const again = await add("AGENCY", w.agencyB.id, iso(today));
    expect(again.memberNumber).toBe("SWA-A-0003");
  });

  it("a district officer may not change a membership", async () => {
    await as(w.officerA);
    const m = await prisma.associationMembership.findFirstOrThrow({ where: { organizationId: w.agencyA.id } });
    expect(await errorOf(changeMemberStatus(ZChangeMemberStatus.parse({ id: m.id, version: String(m.version), change: "SUSPEND" })))).toBeInstanceOf(AuthzError);
    expect((await prisma.associationMembership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("ACTIVE");
  });
});

describe("lists and counts", () => {
  it("the city administrator sees every member; counts are active members and this year's joiners", async () => {
    const admin = await as(w.cityAdmin);
    const agencies = await listMembers(admin, parseMemberListFilter({ tab: "agencies" }));
    expect(agencies.items.map((m) => m.memberNumber)).toEqual(["SWA-A-0001", "SWA-A-0002", "SWA-A-0003"]);
    expect(agencies.items.find((m) => m.memberNumber === "SWA-A-0001")?.district?.name).toBe("甲区");
    const people = await listMembers(admin, parseMemberListFilter({ tab: "practitioners" }));
    expect(people.items.map((m) => m.name.name).sort()).toEqual(["张甲", "李甲"].sort());
    expect(people.items.find((m) => m.name.name === "张甲")?.employer?.name).toBe("甲区阳光社工");
    expect((await listMembers(admin, parseMemberListFilter({ tab: "agencies", status: "ENDED" }))).items.map((m) => m.memberNumber)).toEqual(["SWA-A-0002"]);
    expect((await listMembers(admin, parseMemberListFilter({ tab: "agencies", q: "乙区" }))).total).toBe(2);
    expect((await listMembers(admin, parseMemberListFilter({ tab: "practitioners", q: "SWA-P-0001" }))).total).toBe(1);
    const s = await associationSummary(admin);
    expect(s).toMatchObject({ activeAgencies: 2, activePractitioners: 2 });
    // The tabs count what their unfiltered lists hold (the ended membership too), so "(3)" sits above "1–3 of 3".
    expect(s).toMatchObject({ agencyMemberships: agencies.total, practitionerMemberships: people.total });
    expect(s.agencyMemberships).toBe(3);
    // Only SWA-A-0003 joined today; the others joined in 2025 (this year only if today is in 2025).
    expect(s.joinedThisYear).toBe(today.getUTCFullYear() === 2025 ? 5 : 1);
  });

  it("a district officer sees only the members of their district (agencies there, practitioners employed there)", async () => {
    const officer = await as(w.officerA);
    const agencies = await listMembers(officer, parseMemberListFilter({ tab: "agencies" }));
    expect(agencies.items.map((m) => m.organizationId)).toEqual([w.agencyA.id]);
    const people = await listMembers(officer, parseMemberListFilter({ tab: "practitioners" }));
    expect(people.items.map((m) => m.practitionerId).sort()).toEqual([w.pA.id, w.pA2.id].sort());
    expect(await associationSummary(officer)).toMatchObject({ activeAgencies: 1, activePractitioners: 2 });
    // A practitioner of district B becomes a member: the officer of A still does not see them.
    await as(w.cityAdmin);
    await add("PRACTITIONER", w.pB.id);
    await as(w.officerA);
    expect((await associationSummary(officer)).activePractitioners).toBe(2);
    expect((await listMembers(officer, parseMemberListFilter({ tab: "practitioners", q: "王乙" }))).total).toBe(0);
  });

  it("an agency administrator reads nothing (association.read is for officials)", async () => {
    const agencyAdmin = await as(w.adminA);
    expect((await listMembers(agencyAdmin, parseMemberListFilter({ tab: "agencies" }))).total).toBe(0);
    expect(await associationSummary(agencyAdmin)).toMatchObject({ activeAgencies: 0, activePractitioners: 0, joinedThisYear: 0 });
  });
});

describe("errors", () => {
  it("DomainError and StaleEditError are what the form maps", () => {
    expect(new DomainError("association.validation.endBeforeJoin", "endedOn")).toMatchObject({ code: "association.validation.endBeforeJoin", field: "endedOn" });
    expect(new StaleEditError().message).toBe("stale");
  });
});
