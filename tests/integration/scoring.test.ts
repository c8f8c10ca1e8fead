import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { makeScoreSheet, makeScoringCall, type TScoringCallInput } from "@/server/seed/demo-scoring";
import { addPanelMember, createContract, declareConflict, removePanelMember, scoreProposal, selectProposal } from "@/server/scoring/mutations";
import { getCallForPanel, listMyPanels } from "@/server/scoring/queries";
import { ZCreateContract, ZDeclareConflict, ZSelectProposal } from "@/domain/scoring/schemas";
import { todayInCity, isoDay } from "@/domain/common/calendar-day";

type TUser = Awaited<ReturnType<typeof makeUser>>;
const DAY = 86_400_000;
const today = todayInCity();
const at = (offset: number) => new Date(today.getTime() + offset * DAY);

let city: TUser, deptOfficer: TUser, otherDeptOfficer: TUser, expert: TUser, expert2: TUser, agencyAdmin: TUser, districtOfficer: TUser;
let district: { id: string; path: string };
let dept: { id: string }, otherDept: { id: string };
const agencies: { id: string; staff: string[] }[] = [];
let lineId: string;
let seq = 0;

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: c.id, name: "教育局" });
  otherDept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: c.id, name: "卫健委" });
  for (let i = 0; i < 3; i++) {
    const a = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: `机构${i}` });
    const staff = [];
    for (let j = 0; j < 2; j++) staff.push((await makePractitioner(prisma, { organizationId: a.id, qualificationLevel: "SOCIAL_WORKER", registrationEnd: at(400) })).id);
    agencies.push({ id: a.id, staff });
  }
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id });
  otherDeptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: otherDept.id });
  expert = await makeUser(prisma, { role: "EXPERT" });
  expert2 = await makeUser(prisma, { role: "EXPERT" });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencies[0]!.id });
  districtOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  const fund = await prisma.fund.create({ data: { year: 2027, name: "专项资金" } });
  lineId = (await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 100_000_000n } })).id;
});

const CRITERIA = [
  { name: "方案", weight: 50, maxScore: 100 },
  { name: "团队", weight: 30, maxScore: 50 },
  { name: "预算", weight: 20, maxScore: 10 },
];

async function newCall(over: Partial<TScoringCallInput> = {}) {
  return makeScoringCall(prisma, {
    reference: `FW-2000-${String(++seq).padStart(4, "0")}`,
    title: `征集${seq}`,
    departmentId: dept.id,
    regionId: district.id,
    regionPath: district.path,
    budgetFen: 50_000_000n,
    budgetLineId: lineId,
    deadline: at(-2),
    termStart: at(30),
    termEnd: at(395),
    criteria: CRITERIA,
    proposals: agencies.map((a, i) => ({ organizationId: a.id, staffIds: a.staff, totalFen: 45_000_000n + BigInt(i), narrative: `方案${i}` })),
    panel: [
      { userId: deptOfficer.id, kind: "OFFICIAL" },
      { userId: city.id, kind: "OFFICIAL" },
      { userId: expert.id, kind: "EXPERT" },
    ],
    ...over,
  });
}

const seatOf = (call: Awaited<ReturnType<typeof newCall>>, userId: string) => call.panel.find((m) => m.userId === userId)!.id;
const scoreInput = (call: Awaited<ReturnType<typeof newCall>>, proposalId: string, scores: (number | string)[]) => ({
  callId: call.id,
  proposalId,
  score: Object.fromEntries(call.criteria.map((c, i) => [c.id, Number(scores[i])])),
});
const declare = (callId: string, conflict: "yes" | "no", conflictNote = "") => declareConflict(ZDeclareConflict.parse({ callId, conflict, conflictNote }));
const scoreCount = (callId: string) => prisma.score.count({ where: { proposal: { callId } } });

describe("the panel", () => {
  it("the commissioning department seats the city, its own officers and experts; nobody else", async () => {
    const call = await newCall({ panel: [], status: "OPEN", deadline: at(5) });
    await as(deptOfficer);
    for (const u of [expert, city, deptOfficer]) expect(await codeOf(addPanelMember({ callId: call.id, userId: u.id }))).toBe("ok");
    expect(await codeOf(addPanelMember({ callId: call.id, userId: expert.id }))).toBe("scoring.errors.alreadyOnPanel");
    for (const u of [agencyAdmin, otherDeptOfficer, districtOfficer]) expect(await codeOf(addPanelMember({ callId: call.id, userId: u.id }))).toBe("scoring.errors.notPanelCandidate");
    const seats = await prisma.panelMember.findMany({ where: { callId: call.id }, select: { userId: true, kind: true } });
    expect(seats.map((s) => [s.userId, s.kind]).sort()).toEqual([[city.id, "OFFICIAL"], [deptOfficer.id, "OFFICIAL"], [expert.id, "EXPERT"]].sort());
    expect(await prisma.auditEvent.count({ where: { action: "scoring.addMember", entityId: { in: (await prisma.panelMember.findMany({ where: { callId: call.id } })).map((m) => m.id) } } })).toBe(3);
    // Another department's officer does not reach the call; experts and agencies may not manage panels at all.
    await as(otherDeptOfficer);
    expect(await codeOf(addPanelMember({ callId: call.id, userId: expert2.id }))).toBe("scoring.errors.callNotFound");
    for (const u of [expert, agencyAdmin, districtOfficer]) {
      await as(u);
      expect(await codeOf(addPanelMember({ callId: call.id, userId: expert2.id }))).toBe("authz:forbidden");
    }
    expect(await prisma.panelMember.count({ where: { callId: call.id } })).toBe(3);
  });

  it("a member who scored stays; one who did not can be removed", async () => {
    const call = await newCall();
    await makeScoreSheet(prisma, { proposalId: call.proposals[0]!.id, panelMemberId: seatOf(call, city.id), criterionIds: call.criteria.map((c) => c.id), scores: [1, 1, 1] });
    await as(city);
    expect(await codeOf(removePanelMember({ callId: call.id, memberId: seatOf(call, city.id) }))).toBe("scoring.errors.memberHasScores");
    expect(await codeOf(removePanelMember({ callId: call.id, memberId: seatOf(call, expert.id) }))).toBe("ok");
    expect(await prisma.panelMember.count({ where: { callId: call.id } })).toBe(2);
  });
});

describe("declarations and scores", () => {
  it("a declared conflict blocks scoring, with nothing written", async () => {
    const call = await newCall();
    await as(expert);
    expect(await codeOf(scoreProposal(scoreInput(call, call.proposals[0]!.id, [50, 20, 5])))).toBe("scoring.errors.notDeclared");
    expect(ZDeclareConflict.safeParse({ callId: call.id, conflict: "yes", conflictNote: "" }).success).toBe(false);
    expect(await codeOf(declare(call.id, "yes", "曾任机构0顾问"))).toBe("ok");
    expect(await codeOf(declare(call.id, "no"))).toBe("scoring.errors.alreadyDeclared");
    expect(await codeOf(scoreProposal(scoreInput(call, call.proposals[0]!.id, [50, 20, 5])))).toBe("scoring.errors.conflictDeclared");
    expect(await scoreCount(call.id)).toBe(0);
    const seat = await prisma.panelMember.findUniqueOrThrow({ where: { id: seatOf(call, expert.id) } });
    expect(seat).toMatchObject({ conflict: true, conflictNote: "曾任机构0顾问" });
    expect(await prisma.auditEvent.count({ where: { action: "scoring.declare", entityId: seat.id } })).toBe(1);
  });

  it("scores are integers within each criterion's range, all or nothing", async () => {
    const call = await newCall();
    await as(expert);
    await declare(call.id, "no");
    const p = call.proposals[0]!.id;
    const [a, b, c] = call.criteria.map((x) => x.id);
    expect(await codeOf(scoreProposal(scoreInput(call, p, [100, 50, 11])))).toBe(`scoring.validation.scoreRange@score.${c}`);
    expect(await codeOf(scoreProposal(scoreInput(call, p, [101, 10, 5])))).toBe(`scoring.validation.scoreRange@score.${a}`);
    expect(await codeOf(scoreProposal(scoreInput(call, p, [-1, 10, 5])))).toBe(`scoring.validation.scoreRange@score.${a}`);
    expect(await codeOf(scoreProposal(scoreInput(call, p, [10, 2.5, 5])))).toBe(`scoring.validation.scoreRange@score.${b}`);
    expect(await codeOf(scoreProposal({ callId: call.id, proposalId: p, score: { [a!]: 10, [b!]: 10 } }))).toBe(`scoring.validation.scoreMissing@score.${c}`);
    expect(await scoreCount(call.id)).toBe(0);
    expect(await codeOf(scoreProposal(scoreInput(call, p, [100, 50, 10])))).toBe("ok");
    expect(await codeOf(scoreProposal(scoreInput(call, p, [0, 0, 0])))).toBe("ok");
    const scores = await prisma.score.findMany({ where: { proposalId: p }, select: { score: true } });
    expect(scores.map((s) => s.score)).toEqual([0, 0, 0]);
    expect(await prisma.auditEvent.count({ where: { action: "scoring.score", entityId: p } })).toBe(2);
  });

  it("only after the deadline, on a closed call, only eligible proposals, only panel members", async () => {
    const open = await newCall({ status: "OPEN", deadline: at(3) });
    await as(city);
    expect(await codeOf(declare(open.id, "no"))).toBe("scoring.errors.notClosed");
    // Closed by mistake before its deadline: still refused.
    const early = await newCall({ deadline: new Date(Date.now() + 3_600_000) });
    await declare(early.id, "no");
    expect(await codeOf(scoreProposal(scoreInput(early, early.proposals[0]!.id, [1, 1, 1])))).toBe("scoring.errors.beforeDeadline");
    const call = await newCall({ proposals: [{ organizationId: agencies[0]!.id, staffIds: [], totalFen: 1n, narrative: "x", status: "INELIGIBLE" }, { organizationId: agencies[1]!.id, staffIds: [], totalFen: 1n, narrative: "y" }] });
    await declare(call.id, "no");
    expect(await codeOf(scoreProposal(scoreInput(call, call.proposals[0]!.id, [1, 1, 1])))).toBe("scoring.errors.proposalNotScorable");
    expect(await codeOf(scoreProposal(scoreInput(call, early.proposals[0]!.id, [1, 1, 1])))).toBe("scoring.errors.proposalNotScorable");
    await as(expert2);
    expect(await codeOf(scoreProposal(scoreInput(call, call.proposals[1]!.id, [1, 1, 1])))).toBe("scoring.errors.notOnPanel");
    await as(otherDeptOfficer);
    expect(await codeOf(declare(call.id, "no"))).toBe("scoring.errors.notOnPanel");
    for (const c of [open, early, call]) expect(await scoreCount(c.id)).toBe(0);
  });
});

describe("what each role reads", () => {
  it("an expert reads only the calls on whose panel they sit", async () => {
    const mine = await newCall();
    const other = await newCall({ panel: [{ userId: city.id, kind: "OFFICIAL" }] });
    const me = await as(expert);
    expect(await getCallForPanel(me, other.id)).toBeNull();
    expect((await getCallForPanel(me, mine.id))?.access).toEqual({ read: false, seat: seatOf(mine, expert.id) });
    const listed = (await listMyPanels(me)).map((c) => c.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(other.id);
    // Officials read calls in their scope; another department's does not reach this one.
    expect((await getCallForPanel(await as(districtOfficer), other.id))?.access.read).toBe(true);
    expect(await getCallForPanel(await as(otherDeptOfficer), other.id)).toBeNull();
    expect(await getCallForPanel(await as(agencyAdmin), other.id)).toBeNull();
  });

  it("the ranking is the mean of the complete weighted sheets", async () => {
    const call = await newCall();
    const ids = call.criteria.map((c) => c.id);
    const [p0, p1, p2] = call.proposals.map((p) => p.id);
    // p0: (80/100×50 + 40/50×30 + 5/10×20 = 74) and (60/100×50 + 30/50×30 + 10/10×20 = 68) → 71
    await makeScoreSheet(prisma, { proposalId: p0!, panelMemberId: seatOf(call, city.id), criterionIds: ids, scores: [80, 40, 5] });
    await makeScoreSheet(prisma, { proposalId: p0!, panelMemberId: seatOf(call, deptOfficer.id), criterionIds: ids, scores: [60, 30, 10] });
    // p1: 90/100×50 + 45/50×30 + 9/10×20 = 45 + 27 + 18 = 90; an incomplete sheet does not count
    await makeScoreSheet(prisma, { proposalId: p1!, panelMemberId: seatOf(call, city.id), criterionIds: ids, scores: [90, 45, 9] });
    await makeScoreSheet(prisma, { proposalId: p1!, panelMemberId: seatOf(call, deptOfficer.id), criterionIds: ids.slice(0, 1), scores: [0] });
    const read = await getCallForPanel(await as(city), call.id);
    expect(read!.ranking.map((r) => [r.proposal.id, r.rank, r.points, r.sheets])).toEqual([
      [p1, 1, "90.00", 1],
      [p0, 2, "71.00", 2],
      [p2, null, null, 0],
    ]);
  });
});

describe("selection", () => {
  async function scoredCall() {
    const call = await newCall();
    const ids = call.criteria.map((c) => c.id);
    for (const [i, p] of call.proposals.entries()) await makeScoreSheet(prisma, { proposalId: p.id, panelMemberId: seatOf(call, city.id), criterionIds: ids, scores: [50 + i, 20, 5] });
    return call;
  }
  const select = (callId: string, proposalId: string, reason = "综合得分最高，方案针对性强", version = 1) => selectProposal(ZSelectProposal.parse({ callId, version: String(version), proposalId, reason }));

  it("the city selects with a reason: the proposal SELECTED, the others NOT_SELECTED, the call SELECTED, audited", async () => {
    const call = await scoredCall();
    const chosenAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencies[1]!.id });
    expect(ZSelectProposal.safeParse({ callId: call.id, version: "1", proposalId: call.proposals[1]!.id, reason: "" }).success).toBe(false);
    for (const u of [deptOfficer, expert, districtOfficer]) {
      await as(u);
      expect(await codeOf(select(call.id, call.proposals[1]!.id))).toBe("authz:forbidden");
    }
    await as(city);
    expect(await codeOf(select(call.id, call.proposals[1]!.id))).toBe("ok");
    const after = await prisma.serviceCall.findUniqueOrThrow({ where: { id: call.id }, select: { status: true, selectedProposalId: true, selectionReason: true, proposals: { select: { id: true, status: true } } } });
    expect(after).toMatchObject({ status: "SELECTED", selectedProposalId: call.proposals[1]!.id, selectionReason: "综合得分最高，方案针对性强" });
    expect(Object.fromEntries(after.proposals.map((p) => [p.id, p.status]))).toEqual({ [call.proposals[0]!.id]: "NOT_SELECTED", [call.proposals[1]!.id]: "SELECTED", [call.proposals[2]!.id]: "NOT_SELECTED" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "scoring.select", entityId: call.id } });
    expect(JSON.stringify(audit.after)).toContain("综合得分最高");
    // Each proposing agency's administrators hear the outcome, leading to the call's page.
    const told = await prisma.notification.findMany({ where: { kind: "proposalDecided", userId: { in: [agencyAdmin.id, chosenAdmin.id] }, href: `/service-calls/${call.id}` }, select: { userId: true, params: true } });
    expect(Object.fromEntries(told.map((n) => [n.userId, (n.params as { outcome: string }).outcome]))).toEqual({ [agencyAdmin.id]: "NOT_SELECTED", [chosenAdmin.id]: "SELECTED" });
    expect(await prisma.notification.count({ where: { kind: "proposalDecided", href: `/service-calls/${call.id}`, user: { role: { not: "AGENCY_ADMIN" } } } })).toBe(0);
    // Once selected, nothing more: no second selection, no more scores.
    expect(await codeOf(select(call.id, call.proposals[0]!.id, "改选", 2))).toBe("scoring.errors.notSelectable");
    await declare(call.id, "no").catch(() => null);
    expect(await codeOf(scoreProposal(scoreInput(call, call.proposals[0]!.id, [1, 1, 1])))).not.toBe("ok");
  });

  it("refuses an unscored proposal set and a stale version", async () => {
    const call = await newCall();
    await as(city);
    expect(await codeOf(select(call.id, call.proposals[0]!.id))).toBe("scoring.errors.unscoredProposals");
    const scored = await scoredCall();
    expect(await codeOf(select(scored.id, scored.proposals[0]!.id, "理由", 7))).toBe("stale");
    expect(await prisma.proposal.count({ where: { callId: { in: [call.id, scored.id] }, status: { not: "SUBMITTED" } } })).toBe(0);
  });
});

describe("the contract", () => {
  async function selectedCall(over: Partial<TScoringCallInput> = {}) {
    const call = await newCall(over);
    const ids = call.criteria.map((c) => c.id);
    for (const p of call.proposals) await makeScoreSheet(prisma, { proposalId: p.id, panelMemberId: seatOf(call, city.id), criterionIds: ids, scores: [50, 20, 5] });
    await as(city);
    await selectProposal(ZSelectProposal.parse({ callId: call.id, version: "1", proposalId: call.proposals[0]!.id, reason: "得分最高" }));
    return call;
  }
  const form = (callId: string, value: string, milestones: [string, string][], term: [Date, Date] = [at(30), at(395)]) =>
    ZCreateContract.parse({
      callId,
      value,
      termStart: isoDay(term[0]),
      termEnd: isoDay(term[1]),
      milestones: milestones.map(([due, amount], i) => ({ title: `阶段${i + 1}`, deliverable: "阶段报告", dueDate: due, amount })),
    });
  const committed = async () => (await prisma.fundEntry.aggregate({ where: { lineId, kind: "COMMITMENT" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;

  it("creates the contract with its milestones and named staff, and promises exactly its value from the line", async () => {
    const call = await selectedCall();
    const before = await committed();
    await as(deptOfficer);
    const contract = await createContract(form(call.id, "450,000.00", [[isoDay(at(120)), "150000"], [isoDay(at(300)), "300000.00"]]));
    expect(contract.reference).toMatch(new RegExp(`^HT-${today.getUTCFullYear()}-\\d{4}$`));
    const saved = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { valueFen: true, organizationId: true, minQualifiedStaff: true, minQualifiedPercent: true, budgetLineId: true, milestones: { orderBy: { number: "asc" }, select: { number: true, amountFen: true } }, staff: { select: { practitionerId: true, to: true } } } });
    expect(saved).toMatchObject({ valueFen: 45_000_000n, organizationId: agencies[0]!.id, minQualifiedStaff: 2, minQualifiedPercent: 50, budgetLineId: lineId });
    expect(saved.milestones).toEqual([{ number: 1, amountFen: 15_000_000n }, { number: 2, amountFen: 30_000_000n }]);
    expect(saved.staff.map((s) => s.practitionerId).sort()).toEqual([...agencies[0]!.staff].sort());
    expect(await committed()).toBe(before + 45_000_000n);
    expect(await prisma.fundEntry.findUnique({ where: { sourceRef: `contract:${contract.id}` }, select: { amountFen: true } })).toEqual({ amountFen: 45_000_000n });
    expect(await prisma.auditEvent.count({ where: { action: "contracts.create", entityId: contract.id } })).toBe(1);
    expect(await codeOf(createContract(form(call.id, "10", [[isoDay(at(100)), "10"]])))).toBe("scoring.errors.contractExists");
  });

  it("refuses bad money and dates with nothing written", async () => {
    const call = await selectedCall();
    await as(city);
    const before = await committed();
    expect(ZCreateContract.safeParse({ callId: call.id, value: "100", termStart: isoDay(at(30)), termEnd: isoDay(at(395)), milestones: [{ title: "a", deliverable: "b", dueDate: isoDay(at(60)), amount: "99.99" }] }).error?.issues[0]?.message).toBe("scoring.validation.milestonesSum");
    expect(ZCreateContract.safeParse({ callId: call.id, value: "100", termStart: isoDay(at(30)), termEnd: isoDay(at(395)), milestones: [{ title: "a", deliverable: "b", dueDate: isoDay(at(400)), amount: "100" }] }).error?.issues[0]?.message).toBe("scoring.validation.dueOutsideTerm");
    expect(await codeOf(createContract(form(call.id, "500,000.01", [[isoDay(at(60)), "500000.01"]])))).toBe("scoring.validation.valueAboveBudget@value");
    const unselected = await newCall();
    expect(await codeOf(createContract(form(unselected.id, "100", [[isoDay(at(60)), "100"]])))).toBe("scoring.errors.notSelected");
    await as(otherDeptOfficer);
    expect(await codeOf(createContract(form(call.id, "100", [[isoDay(at(60)), "100"]])))).toBe("scoring.errors.callNotFound");
    for (const u of [expert, agencyAdmin, districtOfficer]) {
      await as(u);
      expect(await codeOf(createContract(form(call.id, "100", [[isoDay(at(60)), "100"]])))).toBe("authz:forbidden");
    }
    expect(await prisma.contract.count({ where: { callId: { in: [call.id, unselected.id] } } })).toBe(0);
    expect(await committed()).toBe(before);
  });

  it("refused when the line lacks the money or the call has no line", async () => {
    const fund = await prisma.fund.create({ data: { year: 2028, name: "小额资金" } });
    const small = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "小额", amountFen: 10_000n } });
    const poor = await selectedCall({ budgetLineId: small.id });
    await as(city);
    expect(await codeOf(createContract(form(poor.id, "100.01", [[isoDay(at(60)), "100.01"]])))).toBe("funds.errors.lineExceeded");
    expect(await prisma.contract.count({ where: { callId: poor.id } })).toBe(0);
    expect(await prisma.fundEntry.count({ where: { lineId: small.id } })).toBe(0);
    expect(await codeOf(createContract(form(poor.id, "100.00", [[isoDay(at(60)), "100"]])))).toBe("ok");
    const lineless = await selectedCall({ budgetLineId: null });
    expect(await codeOf(createContract(form(lineless.id, "100", [[isoDay(at(60)), "100"]])))).toBe("scoring.errors.noBudgetLine");
  });

  it("two contracts for one call cannot both be created", async () => {
    const call = await selectedCall();
    await as(city);
    const before = await committed();
    const results = await Promise.all(Array.from({ length: 5 }, () => codeOf(createContract(form(call.id, "300000", [[isoDay(at(90)), "300000"]])))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "scoring.errors.contractExists")).toBe(true);
    expect(await prisma.contract.count({ where: { callId: call.id } })).toBe(1);
    expect(await committed()).toBe(before + 30_000_000n);
  });
});
