import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { makeCredentialedPractitioner } from "@/server/seed/credential-factories";
import { revokeCredential } from "@/server/credentials/mutations";
import { ZCredentialWithReason } from "@/domain/credentials/schemas";
import { TINY_PDF } from "@/server/seed/scan-files";
import { insertContract } from "@/server/seed/demo-contracts";
import { availableOf, commitFunds } from "@/server/funds/ledger";
import { getContract, listContracts } from "@/server/contracts/queries";
import { closeContract, decideMilestone, reportMilestone } from "@/server/contracts/milestones";
import { decideDisbursement, requestDisbursement } from "@/server/contracts/disbursements";
import { contractShortfalls, noticeAllShortfalls } from "@/server/contracts/staffing";
import { replaceStaff } from "@/server/contracts/replace-staff";
import { recordLeaving } from "@/server/staff/mutations";
import { runMaintenance } from "@/server/maintenance/jobs";
import { parseContractFilter } from "@/domain/contracts/list-filter";
import { ZCloseContract, ZDecideDisbursement, ZDecideMilestone, ZReplaceStaff, ZReportMilestone, ZRequestDisbursement } from "@/domain/contracts/schemas";
import { ZRecordLeaving } from "@/domain/staff/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { makeScoredEvaluation } from "@/server/seed/evaluation-outcome-factories";

const DAY = 86_400_000;
const today = todayInCity();
const day = (n: number) => new Date(today.getTime() + n * DAY);

let w: Awaited<ReturnType<typeof build>>;
let seq = 0;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西区" });
  const education = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });
  const health = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市卫健委" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东区阳光社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id, name: "西区同心社工" });
  const fund = await prisma.fund.create({ data: { year: 2027, name: "专项资金" } });
  const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 1_000_000_000n } });
  await prisma.planTarget.upsert({ where: { id: "city" }, create: { id: "city", startDate: new Date("2024-01-01") }, update: {} });
  const u = {
    city: await makeUser(prisma, { role: "CITY_ADMIN" }),
    city2: await makeUser(prisma, { role: "CITY_ADMIN" }),
    eastOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    westOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    dept: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: education.id }),
    otherDept: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: health.id }),
    adminA: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id }),
    adminB: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id }),
    practitioner: await makeUser(prisma, { role: "PRACTITIONER" }),
  };
  return { city, east, west, education, health, agencyA, agencyB, line, u };
}

beforeAll(async () => {
  w = await build();
});

/** A social worker of the agency who counts today. */
const worker = (organizationId: string, name: string) =>
  makePractitioner(prisma, { name, organizationId, status: "ACTIVE", qualificationLevel: "SOCIAL_WORKER", isQualified: true, registrationEnd: day(400), hireDate: day(-800) });

/** A contract of agency A (or B) commissioned by the education bureau, its value committed through the ledger. */
async function contract(opts: { agency?: "A" | "B"; region?: "east" | "west"; valueFen?: bigint; milestones?: bigint[]; staff?: string[]; min?: number; department?: string | null } = {}) {
  const n = ++seq;
  const region = opts.region === "west" ? w.west : w.east;
  const organizationId = opts.agency === "B" ? w.agencyB.id : w.agencyA.id;
  const amounts = opts.milestones ?? [20_000_000n, 20_000_000n];
  const valueFen = opts.valueFen ?? amounts.reduce((a, b) => a + b, 0n);
  const staff = opts.staff ?? [(await worker(organizationId, `社工${n}a`)).id, (await worker(organizationId, `社工${n}b`)).id];
  return prisma.$transaction((tx) =>
    insertContract(
      tx,
      {
        reference: `HT-2027-${String(n).padStart(4, "0")}`,
        callReference: `FW-2027-${String(n).padStart(4, "0")}`,
        title: `测试项目${n}`,
        type: "COMMUNITY",
        practiceField: "SCHOOLS",
        regionId: region.id,
        regionPath: region.path,
        departmentId: opts.department === undefined ? w.education.id : opts.department,
        organizationId,
        budgetLineId: w.line.id,
        valueFen,
        termStart: day(-100),
        termEnd: day(265),
        minQualifiedStaff: opts.min ?? 2,
        minQualifiedPercent: 50,
        staff,
        milestones: amounts.map((amountFen, i) => ({ title: `里程碑${i + 1}`, deliverable: "报告", dueDate: day(-10 + i * 60), amountFen, status: "PENDING" as const })),
        actorId: null,
      },
      (id) => commitFunds(tx, { lineId: w.line.id, amountFen: valueFen, sourceRef: `contract:${id}` }),
    ),
  );
}

const upload = { name: "报告.pdf", bytes: TINY_PDF };
const version = async (id: string) => (await prisma.milestone.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
async function reportAndAccept(milestoneId: string) {
  await as(w.u.adminA);
  await reportMilestone(ZReportMilestone.parse({ milestoneId, version: String(await version(milestoneId)), note: "已完成" }), upload);
  await as(w.u.dept);
  await decideMilestone(ZDecideMilestone.parse({ milestoneId, version: String(await version(milestoneId)), decision: "ACCEPT" }));
}
const spent = async () => (await prisma.fundEntry.aggregate({ where: { lineId: w.line.id, kind: "SPENDING" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
const request = (milestoneId: string, amount: string) => requestDisbursement(ZRequestDisbursement.parse({ milestoneId, amount }));

describe("contracts are scoped through their call", () => {
  it("city all, district by the call's region, department by the commissioning department, agency its own; others none", async () => {
    const east = await contract();
    const west = await contract({ agency: "B", region: "west", department: w.health.id });
    const refs = async (u: { id: string; sessionVersion: number }) => (await listContracts(await as(u), parseContractFilter({}))).items.map((c) => c.id);
    expect(await refs(w.u.city)).toEqual(expect.arrayContaining([east.id, west.id]));
    expect(await refs(w.u.eastOfficer)).toContain(east.id);
    expect(await refs(w.u.eastOfficer)).not.toContain(west.id);
    expect(await refs(w.u.dept)).toContain(east.id);
    expect(await refs(w.u.dept)).not.toContain(west.id);
    expect(await refs(w.u.otherDept)).toEqual([west.id]);
    expect(await refs(w.u.adminB)).toEqual([west.id]);
    expect(await refs(w.u.practitioner)).toEqual([]);
    expect(await getContract(await as(w.u.adminB), east.id)).toBeNull();
    expect((await getContract(await as(w.u.adminA), east.id))?.reference).toMatch(/^HT-2027-/);
  });
});

describe("milestones: report by the agency, acceptance or return by the commissioning department", () => {
  it("the agency reports with a file; another agency and another department cannot act; a return needs a reason", async () => {
    const c = await contract();
    const m = c.milestones[0]!.id;
    await as(w.u.adminB);
    expect(await codeOf(reportMilestone(ZReportMilestone.parse({ milestoneId: m, version: "1", note: "x" }), upload))).toBe("notFound");
    await as(w.u.adminA);
    expect(await codeOf(reportMilestone(ZReportMilestone.parse({ milestoneId: m, version: "1", note: "交付" }), null))).toBe("scanRequired@scan");
    expect(await prisma.storedFile.count()).toBe(0);
    expect(await codeOf(reportMilestone(ZReportMilestone.parse({ milestoneId: m, version: "1", note: "交付" }), upload))).toBe("ok");
    const reported = await prisma.milestone.findUniqueOrThrow({ where: { id: m } });
    expect(reported).toMatchObject({ status: "REPORTED", reportNote: "交付", reportedById: w.u.adminA.id });
    expect(await prisma.storedFile.count({ where: { id: reported.reportFileKey! } })).toBe(1);
    await as(w.u.otherDept);
    expect(await codeOf(decideMilestone(ZDecideMilestone.parse({ milestoneId: m, version: "2", decision: "ACCEPT" })))).toBe("notFound");
    expect(ZDecideMilestone.safeParse({ milestoneId: m, version: "2", decision: "RETURN", reason: "" }).success).toBe(false);
    await as(w.u.dept);
    expect(await codeOf(decideMilestone(ZDecideMilestone.parse({ milestoneId: m, version: "2", decision: "RETURN", reason: "缺少服务记录" })))).toBe("ok");
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: m } })).toMatchObject({ status: "RETURNED", returnReason: "缺少服务记录" });
    await reportAndAccept(m);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: m } })).status).toBe("ACCEPTED");
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: m }, select: { action: true } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["milestones.accept", "milestones.report", "milestones.report", "milestones.return"]);
  });
});

describe("payments", () => {
  it("refuses before acceptance, beyond the milestone or the contract, writing nothing", async () => {
    const c = await contract({ milestones: [5_000_000n, 5_000_000n] });
    const [m1, m2] = c.milestones.map((m) => m.id) as [string, string];
    await as(w.u.dept);
    const before = { d: await prisma.disbursement.count(), s: await spent() };
    expect(await codeOf(request(m1, "10"))).toBe("contracts.errors.notAccepted");
    await reportAndAccept(m1);
    await as(w.u.dept);
    expect(await codeOf(request(m1, "50000.01"))).toBe("contracts.errors.beyondMilestone");
    await as(w.u.adminA);
    expect(await codeOf(request(m1, "1"))).toBe("authz:forbidden");
    expect({ d: await prisma.disbursement.count(), s: await spent() }).toEqual(before);
    // At or below the threshold (¥100,000): paid at once, the line's spending rises by exactly the amount.
    await as(w.u.dept);
    expect(await request(m1, "30000")).toMatchObject({ status: "PAID" });
    expect((await spent()) - before.s).toBe(3_000_000n);
    expect(await codeOf(request(m1, "20000.01"))).toBe("contracts.errors.beyondMilestone");
    expect(await codeOf(request(m2, "1"))).toBe("contracts.errors.notAccepted");
  });

  it("above the threshold it waits for a second city administrator, never the requester", async () => {
    const c = await contract({ milestones: [30_000_000n] });
    const m = c.milestones[0]!.id;
    await reportAndAccept(m);
    await as(w.u.city);
    const s0 = await spent();
    const d = await request(m, "150000");
    expect(d.status).toBe("REQUESTED");
    expect(await spent()).toBe(s0);
    expect(await codeOf(decideDisbursement(ZDecideDisbursement.parse({ disbursementId: d.id, decision: "APPROVE" })))).toBe("contracts.errors.sameOfficial");
    expect((await prisma.disbursement.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("REQUESTED");
    await as(w.u.dept);
    expect(await codeOf(decideDisbursement(ZDecideDisbursement.parse({ disbursementId: d.id, decision: "APPROVE" })))).toBe("authz:forbidden");
    // What waits counts against the milestone: 150,000 + 150,000.01 is more than 300,000.
    await as(w.u.city);
    expect(await codeOf(request(m, "150000.01"))).toBe("contracts.errors.beyondMilestone");
    await as(w.u.city2);
    expect(await decideDisbursement(ZDecideDisbursement.parse({ disbursementId: d.id, decision: "APPROVE" }))).toMatchObject({ status: "PAID" });
    expect((await spent()) - s0).toBe(15_000_000n);
    expect(await prisma.disbursement.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "PAID", approvedById: w.u.city2.id, requestedById: w.u.city.id });
    expect(await codeOf(decideDisbursement(ZDecideDisbursement.parse({ disbursementId: d.id, decision: "APPROVE" })))).toBe("contracts.errors.notWaiting");
    // A refusal needs a reason and spends nothing.
    await as(w.u.city);
    const d2 = await request(m, "120000");
    await as(w.u.city2);
    expect(ZDecideDisbursement.safeParse({ disbursementId: d2.id, decision: "REFUSE", reason: " " }).success).toBe(false);
    expect(await decideDisbursement(ZDecideDisbursement.parse({ disbursementId: d2.id, decision: "REFUSE", reason: "票据不全" }))).toMatchObject({ status: "REFUSED" });
    expect((await spent()) - s0).toBe(15_000_000n);
  });

  it("50 concurrent payments against one line never overspend it, nor a milestone", async () => {
    // A line holding just enough for two contracts of ¥40,000 and one of ¥20,000.
    const fund = await prisma.fund.create({ data: { year: 2027, name: `小额-${Math.random()}` } });
    const small = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "小额", amountFen: 10_000_000n } });
    const made: string[] = [];
    for (const value of [4_000_000n, 4_000_000n, 2_000_000n]) {
      const c = await contract({ milestones: [value] });
      // Move the contract's promise to the small line.
      await prisma.fundEntry.deleteMany({ where: { sourceRef: `contract:${c.id}` } });
      await prisma.$transaction((tx) => commitFunds(tx, { lineId: small.id, amountFen: value, sourceRef: `contract:${c.id}` }));
      await reportAndAccept(c.milestones[0]!.id);
      made.push(c.milestones[0]!.id);
    }
    await as(w.u.dept);
    // 50 requests of ¥3,000 spread over the three milestones: 13 + 13 + 6 fit (¥39,000 + ¥39,000 + ¥18,000).
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(request(made[i % 3]!, "3000"))));
    expect(results.filter((r) => r !== "ok" && r !== "contracts.errors.beyondMilestone")).toEqual([]);
    expect(results.filter((r) => r === "ok")).toHaveLength(32);
    expect(new Set(results.filter((r) => r !== "ok"))).toEqual(new Set(["contracts.errors.beyondMilestone"]));
    const lineSpent = (await prisma.fundEntry.aggregate({ where: { lineId: small.id, kind: "SPENDING" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
    expect(lineSpent).toBe(9_600_000n);
    expect(lineSpent).toBeLessThanOrEqual(small.amountFen);
    expect(await prisma.$transaction((tx) => availableOf(tx, small.id))).toBe(0n);
    for (const id of made) {
      const paid = (await prisma.disbursement.aggregate({ where: { milestoneId: id, status: "PAID" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
      const amount = (await prisma.milestone.findUniqueOrThrow({ where: { id } })).amountFen;
      expect(paid).toBeLessThanOrEqual(amount);
    }
  });
});

describe("staffing checked live against the register", () => {
  it("a named worker leaving shows the shortfall at once, with since and why, tells agency and department once, and a replacement makes it good", async () => {
    const a = await worker(w.agencyA.id, "王芳");
    const b = await worker(w.agencyA.id, "张伟");
    const c = await contract({ staff: [a.id, b.id], min: 2 });
    expect(await contractShortfalls(await as(w.u.dept))).toEqual([]);
    await as(w.u.adminA);
    const leftOn = day(-1);
    await recordLeaving(ZRecordLeaving.parse({ id: a.id, version: String((await prisma.practitioner.findUniqueOrThrow({ where: { id: a.id } })).version), kind: "LEFT", date: isoDay(leftOn), note: "" }));
    const expected = [{ contractId: c.id, reference: expect.stringMatching(/^HT-/), agencyName: "东区阳光社工", since: leftOn, people: [{ name: "王芳", reason: "LEFT_AGENCY" }] }];
    for (const u of [w.u.adminA, w.u.dept, w.u.city, w.u.eastOfficer]) expect(await contractShortfalls(await as(u))).toEqual(expected);
    for (const u of [w.u.adminB, w.u.otherDept, w.u.westOfficer]) expect(await contractShortfalls(await as(u))).toEqual([]);
    const detail = await getContract(await as(w.u.dept), c.id);
    expect(detail?.shortfall?.since).toEqual(leftOn);
    expect(detail?.staff.find((s) => s.name === "王芳")).toMatchObject({ counts: false, reason: "LEFT_AGENCY" });
    // Told once each: the agency's administrator and the commissioning department's officer.
    const notices = await prisma.notification.findMany({ where: { kind: "contractShortfall", href: `/contracts/${c.id}` }, select: { userId: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual([w.u.adminA.id, w.u.dept.id].sort());
    // The hourly pass finds nothing new to tell about it.
    await noticeAllShortfalls();
    expect(await prisma.notification.count({ where: { kind: "contractShortfall", href: `/contracts/${c.id}` } })).toBe(2);
    // The agency names a replacement from its register: made good.
    const named = await prisma.contractStaff.findFirstOrThrow({ where: { contractId: c.id, practitionerId: a.id, to: null } });
    const other = await worker(w.agencyB.id, "外机构");
    await as(w.u.adminA);
    expect(await codeOf(replaceStaff(ZReplaceStaff.parse({ contractStaffId: named.id, practitionerId: other.id })))).toBe("contracts.errors.notOnRegister");
    expect(await codeOf(replaceStaff(ZReplaceStaff.parse({ contractStaffId: named.id, practitionerId: b.id })))).toBe("contracts.errors.alreadyNamed");
    await as(w.u.adminB);
    expect(await codeOf(replaceStaff(ZReplaceStaff.parse({ contractStaffId: named.id, practitionerId: b.id })))).toBe("contracts.errors.staffNotNamed");
    const c2 = await worker(w.agencyA.id, "李娜");
    await as(w.u.adminA);
    expect(await codeOf(replaceStaff(ZReplaceStaff.parse({ contractStaffId: named.id, practitionerId: c2.id })))).toBe("ok");
    expect((await contractShortfalls(await as(w.u.dept))).map((s) => s.contractId)).not.toContain(c.id);
  });

  it("a lapsed registration is found by the hourly maintenance pass and told once", async () => {
    const a = await worker(w.agencyA.id, "赵磊");
    const b = await worker(w.agencyA.id, "钱多");
    const c = await contract({ staff: [a.id, b.id], min: 2 });
    await prisma.practitioner.update({ where: { id: b.id }, data: { registrationEnd: day(-3) } });
    const before = await prisma.notification.count({ where: { kind: "contractShortfall", href: `/contracts/${c.id}` } });
    const first = await runMaintenance();
    expect(first.ran).toBe(true);
    expect(await prisma.notification.count({ where: { kind: "contractShortfall", href: `/contracts/${c.id}` } })).toBe(before + 2);
    const mine = await contractShortfalls(await as(w.u.adminA));
    expect(mine.find((s) => s.contractId === c.id)).toMatchObject({ since: day(-2), people: [{ name: "钱多", reason: "REGISTRATION_LAPSED" }] });
    const count = await prisma.notification.count({ where: { kind: "contractShortfall" } });
    expect((await noticeAllShortfalls()).notifications).toBe(0);
    await runMaintenance();
    expect(await prisma.notification.count({ where: { kind: "contractShortfall" } })).toBe(count);
  });
});

describe("a revoked certificate", () => {
  it("leaves the contract short at once: no longer qualified, since the revocation; agency and department told", async () => {
    const cert = await makeCredentialedPractitioner(prisma, { name: "孙悦", organizationId: w.agencyA.id, status: "ACTIVE", hireDate: day(-800) }, [{ status: "VERIFIED", kind: "SOCIAL_WORKER", issueDate: "2025-01-01", registrationEnd: isoDay(day(500)) }]);
    const other = await worker(w.agencyA.id, "周强");
    const c = await contract({ staff: [cert.id, other.id], min: 2 });
    expect((await contractShortfalls(await as(w.u.city))).map((s) => s.contractId)).not.toContain(c.id);
    await as(w.u.city);
    const credential = cert.credentials[0]!;
    await revokeCredential(ZCredentialWithReason.parse({ id: credential.id, version: String((await prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).version), reason: "证书信息不实" }));
    const found = (await contractShortfalls(await as(w.u.dept))).find((s) => s.contractId === c.id);
    expect(found).toMatchObject({ since: today, people: [{ name: "孙悦", reason: "NOT_QUALIFIED" }] });
    const told = await prisma.notification.findMany({ where: { kind: "contractShortfall", href: `/contracts/${c.id}` }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.u.adminA.id, w.u.dept.id].sort());
  });
});

describe("closing a contract", () => {
  it("refused while a milestone is open; then closes and gives back what was not paid", async () => {
    const c = await contract({ milestones: [2_000_000n, 3_000_000n] });
    const [m1, m2] = c.milestones.map((m) => m.id) as [string, string];
    await as(w.u.dept);
    expect(await codeOf(closeContract(ZCloseContract.parse({ contractId: c.id, version: "1" })))).toBe("contracts.errors.openMilestones");
    await reportAndAccept(m1);
    await reportAndAccept(m2);
    await as(w.u.dept);
    await request(m1, "20000");
    const available = await prisma.$transaction((tx) => availableOf(tx, w.line.id));
    await as(w.u.adminA);
    expect(await codeOf(closeContract(ZCloseContract.parse({ contractId: c.id, version: "1" })))).toBe("authz:forbidden");
    await as(w.u.dept);
    // Issue 14: the project's final evaluation must be FINAL first; the close records its grade.
    expect(await codeOf(closeContract(ZCloseContract.parse({ contractId: c.id, version: "1" })))).toBe("contracts.errors.finalEvaluationNotFinal");
    const body = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: w.city.id, name: "评估中心" });
    const scorers = await Promise.all([1, 2, 3].map(() => makeUser(prisma, { role: "EVALUATOR", organizationId: body.id })));
    const evaluation = await makeScoredEvaluation(prisma, { kind: "PROJECT_FINAL", bodyId: body.id, organizationId: w.agencyA.id, contractId: c.id, panel: scorers.map((u) => ({ userId: u.id, scores: [80, 80, 80] })) });
    await prisma.evaluation.update({ where: { id: evaluation.id }, data: { status: "FINAL", finalAt: new Date() } });
    const closed = await closeContract(ZCloseContract.parse({ contractId: c.id, version: "1" }));
    expect(closed.releasedFen).toBe(3_000_000n);
    expect(await prisma.$transaction((tx) => availableOf(tx, w.line.id))).toBe(available! + 3_000_000n);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "CLOSED", closedOn: today, closedGrade: "GOOD" });
    expect(await codeOf(closeContract(ZCloseContract.parse({ contractId: c.id, version: "2" })))).toBe("contracts.errors.notActive");
  });
});
