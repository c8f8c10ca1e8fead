import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { recordContribution, fundContributions } from "@/server/funds/contributions";
import { getFund, getFundBreakdown } from "@/server/funds/queries";
import { exportFund } from "@/server/funds/export";
import { commitFunds, spendPartOfCommitment } from "@/server/funds/ledger";
import { getServicesDashboard, getServicesDashboardCached } from "@/server/services-dashboard/dashboard";
import { servicesScopeOf, type TServicesScope } from "@/server/services-dashboard/money";
import { ZRecordContribution } from "@/domain/funds/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { sharePercent } from "@/domain/services-dashboard/share";

// Contributions, the fund's contract money by district, type and month, and the purchased-services
// dashboard's figures for each official scope, against a world small enough to count by hand: two
// districts, two commissioning departments (and a call of the city itself), a non-governmental and
// a public agency, three contracts with milestones (two late), paid and requested disbursements.

const today = todayInCity();
const Y = today.getUTCFullYear();
const at = (iso: string) => new Date(`${iso}T04:00:00Z`); // noon in the city: the same calendar day
const daysFrom = (n: number) => new Date(today.getTime() + n * 86_400_000);

type TUser = Awaited<ReturnType<typeof makeUser>>;
let districtA: { id: string; path: string }, districtB: { id: string; path: string };
let dept1: { id: string }, dept2: { id: string };
let fundId: string, lineId: string, contributionsLineId: string;
let city: TUser, officerA: TUser, officerB: TUser, deptOfficer: TUser, agencyAdmin: TUser;

let seq = 0;
async function call(data: { regionId: string; regionPath: string; departmentId: string | null; type: "ELDER_CARE" | "COMMUNITY"; status: "DRAFT" | "OPEN" | "SELECTED"; budgetFen: bigint }) {
  seq += 1;
  return prisma.serviceCall.create({
    data: {
      reference: `FW-${Y}-T${String(seq).padStart(3, "0")}`,
      title: `项目${seq}`,
      description: "测试",
      practiceField: data.type === "ELDER_CARE" ? "WELFARE_INSTITUTIONS" : "CIVIL_AFFAIRS",
      termStart: at(`${Y}-01-01`),
      termEnd: at(`${Y}-12-31`),
      deadline: at(`${Y}-01-15`),
      budgetLineId: lineId,
      ...data,
    },
  });
}

async function contract(callId: string, organizationId: string, valueFen: bigint, createdAt: Date, milestones: { dueDate: Date; amountFen: bigint; status: "PENDING" | "REPORTED" | "ACCEPTED" }[]) {
  const c = await prisma.contract.create({
    data: {
      reference: `HT-${Y}-T${String(++seq).padStart(3, "0")}`,
      callId,
      organizationId,
      valueFen,
      termStart: at(`${Y}-01-01`),
      termEnd: at(`${Y}-12-31`),
      minQualifiedStaff: 1,
      minQualifiedPercent: 0,
      budgetLineId: lineId,
      createdAt,
      milestones: { create: milestones.map((m, i) => ({ number: i + 1, title: `里程碑${i + 1}`, deliverable: "报告", ...m })) },
    },
    include: { milestones: { orderBy: { number: "asc" } } },
  });
  await prisma.$transaction((tx) => commitFunds(tx, { lineId, amountFen: valueFen, sourceRef: `contract:${c.id}` }));
  return c;
}

async function pay(c: { id: string }, milestoneId: string, amountFen: bigint, decidedAt: Date) {
  await prisma.disbursement.create({ data: { milestoneId, amountFen, status: "PAID", requestedById: city.id, approvedById: city.id, decidedAt } });
  await prisma.$transaction((tx) => spendPartOfCommitment(tx, { commitmentRef: `contract:${c.id}`, partRef: milestoneId, amountFen }));
}

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  districtA = await makeRegion(prisma, { level: "DISTRICT", parent: c, name: "甲区" });
  districtB = await makeRegion(prisma, { level: "DISTRICT", parent: c, name: "乙区" });
  const streetA = await makeRegion(prisma, { level: "STREET", parent: districtA, name: "甲区街道" });
  dept1 = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: districtA.id, name: "教育局" });
  dept2 = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: districtB.id, name: "司法局" });
  const privateAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: districtA.id, isPrivate: true });
  const publicAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: districtB.id, isPrivate: false });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: districtA.id });
  officerB = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: districtB.id });
  deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept1.id });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: privateAgency.id });

  const fund = await prisma.fund.create({ data: { year: Y, name: "购买服务测试资金" } });
  fundId = fund.id;
  lineId = (await prisma.budgetLine.create({ data: { fundId, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 100_000_000n } })).id;
  contributionsLineId = (await prisma.budgetLine.create({ data: { fundId, kind: "CONTRIBUTIONS", name: "社会捐赠", amountFen: 0n } })).id;

  const c1 = await call({ regionId: streetA.id, regionPath: streetA.path, departmentId: dept1.id, type: "ELDER_CARE", status: "SELECTED", budgetFen: 30_000_000n });
  const c2 = await call({ regionId: districtB.id, regionPath: districtB.path, departmentId: dept2.id, type: "COMMUNITY", status: "SELECTED", budgetFen: 25_000_000n });
  const c3 = await call({ regionId: districtA.id, regionPath: districtA.path, departmentId: null, type: "ELDER_CARE", status: "SELECTED", budgetFen: 10_000_000n });
  await call({ regionId: districtA.id, regionPath: districtA.path, departmentId: dept1.id, type: "ELDER_CARE", status: "OPEN", budgetFen: 7_000_000n });
  await call({ regionId: districtB.id, regionPath: districtB.path, departmentId: dept2.id, type: "COMMUNITY", status: "DRAFT", budgetFen: 3_000_000n });

  const k1 = await contract(c1.id, privateAgency.id, 30_000_000n, at(`${Y}-02-10`), [
    { dueDate: daysFrom(-40), amountFen: 10_000_000n, status: "ACCEPTED" },
    { dueDate: daysFrom(-2), amountFen: 10_000_000n, status: "PENDING" },
    { dueDate: daysFrom(30), amountFen: 10_000_000n, status: "PENDING" },
  ]);
  await contract(c2.id, publicAgency.id, 20_000_000n, at(`${Y}-03-05`), [
    { dueDate: daysFrom(-10), amountFen: 20_000_000n, status: "REPORTED" },
  ]);
  const k3 = await contract(c3.id, privateAgency.id, 10_000_000n, at(`${Y}-03-20`), [{ dueDate: daysFrom(-20), amountFen: 10_000_000n, status: "ACCEPTED" }]);
  await pay(k1, k1.milestones[0]!.id, 5_000_000n, at(`${Y}-03-15`));
  await pay(k3, k3.milestones[0]!.id, 2_000_000n, at(`${Y}-04-01`));
  // Requested and waiting for its second approval: not paid.
  await prisma.disbursement.create({ data: { milestoneId: k3.milestones[0]!.id, amountFen: 1_000_000n, status: "REQUESTED", requestedById: city.id } });
});

const scopes = (): Record<string, TServicesScope> => ({
  city: { kind: "city" },
  A: { kind: "district", regionPath: districtA.path },
  B: { kind: "district", regionPath: districtB.path },
  dept1: { kind: "department", departmentId: dept1.id },
  dept2: { kind: "department", departmentId: dept2.id },
});

describe("contributions", () => {
  it("the city records a contribution: the line rises by exactly its amount, audited and listed", async () => {
    await as(city);
    const before = await prisma.budgetLine.findUniqueOrThrow({ where: { id: contributionsLineId } });
    const c = await recordContribution(ZRecordContribution.parse({ lineId: contributionsLineId, source: "ENTERPRISE", donor: "示例实业有限公司", amount: "123,456.78", restrictions: "仅用于养老项目", receivedOn: isoDay(today) }));
    const after = await prisma.budgetLine.findUniqueOrThrow({ where: { id: contributionsLineId } });
    expect(after.amountFen - before.amountFen).toBe(12_345_678n);
    expect(after.version).toBe(before.version + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: c.id } });
    expect(audit.action).toBe("funds.recordContribution");
    expect((await fundContributions(fundId)).map((x) => [x.donor, x.amountFen, x.restrictions, x.source])).toContainEqual(["示例实业有限公司", 12_345_678n, "仅用于养老项目", "ENTERPRISE"]);
    const line = (await getFund(fundId))!.lines.find((l) => l.id === contributionsLineId)!;
    expect(line.availableFen).toBe(after.amountFen);
  });

  it("refuses bad input and other roles, writing nothing", async () => {
    const base = { lineId: contributionsLineId, source: "CHARITY", donor: "慈善会", amount: "10", receivedOn: isoDay(today) };
    const issue = (over: Record<string, string>) => {
      const r = ZRecordContribution.safeParse({ ...base, ...over });
      return r.success ? "ok" : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`).join(",");
    };
    expect(issue({})).toBe("ok");
    expect(issue({ amount: "0" })).toBe("amount:funds.validation.amountPositive");
    expect(issue({ amount: "-5" })).toBe("amount:funds.validation.amount");
    expect(issue({ amount: "1.234" })).toBe("amount:funds.validation.amount");
    expect(issue({ donor: "  " })).toBe("donor:required");
    expect(issue({ source: "STATE" })).toBe("source:required");
    expect(issue({ receivedOn: isoDay(daysFrom(2)) })).toBe("receivedOn:dateInFuture");
    const contributions = await prisma.contribution.count();
    const amount = (await prisma.budgetLine.findUniqueOrThrow({ where: { id: contributionsLineId } })).amountFen;
    await as(city);
    expect(await codeOf(recordContribution(ZRecordContribution.parse({ ...base, lineId: "no-such-line" })))).toBe("funds.errors.lineNotFound");
    for (const u of [officerA, deptOfficer, agencyAdmin]) {
      await as(u);
      expect(await codeOf(recordContribution(ZRecordContribution.parse(base)))).toBe("authz:forbidden");
    }
    expect(await prisma.contribution.count()).toBe(contributions);
    expect((await prisma.budgetLine.findUniqueOrThrow({ where: { id: contributionsLineId } })).amountFen).toBe(amount);
  });
});

describe("the fund's contract money", () => {
  it("by district, project type and month, promised and paid, exactly", async () => {
    await as(city);
    const b = (await getFundBreakdown(fundId))!;
    const of = (rows: { key: string | null; contracts: number; promisedFen: bigint; paidFen: bigint }[]) => Object.fromEntries(rows.map((r) => [String(r.key), [r.contracts, r.promisedFen, r.paidFen]]));
    expect(b.money.total).toMatchObject({ contracts: 3, promisedFen: 60_000_000n, paidFen: 7_000_000n });
    expect(of(b.money.district)).toEqual({ [districtA.id]: [2, 40_000_000n, 7_000_000n], [districtB.id]: [1, 20_000_000n, 0n] });
    expect(of(b.money.type)).toEqual({ ELDER_CARE: [2, 40_000_000n, 7_000_000n], COMMUNITY: [1, 20_000_000n, 0n] });
    expect(of(b.money.month)).toEqual({ [`${Y}-02`]: [1, 30_000_000n, 0n], [`${Y}-03`]: [2, 30_000_000n, 5_000_000n], [`${Y}-04`]: [0, 0n, 2_000_000n] });
    expect(b.names.get(districtA.id)?.name).toBe("甲区");
    // The line's own figures agree with the ledger: promised still outstanding, paid.
    const line = (await getFund(fundId))!.lines.find((l) => l.id === lineId)!;
    expect(line).toMatchObject({ outstandingFen: 53_000_000n, spentFen: 7_000_000n, availableFen: 40_000_000n });
  });

  it("exports the fund to Excel for the city only, audited", async () => {
    await as(city);
    const file = await exportFund(fundId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.fromWeb(file.stream as never));
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Header, two lines, two districts, two types, three months.
    expect(rows).toHaveLength(1 + 2 + 2 + 2 + 3);
    expect(rows).toContainEqual(["按区县", "甲区", 2, undefined, 400_000, 70_000]);
    expect(await prisma.auditEvent.count({ where: { action: "funds.export", after: { path: ["filter", "fundId"], equals: fundId } } })).toBe(1);
    for (const u of [officerA, deptOfficer, agencyAdmin]) {
      await as(u);
      expect(await codeOf(exportFund(fundId))).toBe("authz:forbidden");
      expect(await codeOf(getFundBreakdown(fundId))).toBe("authz:forbidden");
    }
  });
});

describe("the purchased-services dashboard", () => {
  it("each official sees their own scope; agencies have none", () => {
    expect(servicesScopeOf({ ...city, regionPath: null })).toEqual({ kind: "city" });
    expect(servicesScopeOf({ ...officerA, regionPath: districtA.path })).toEqual({ kind: "district", regionPath: districtA.path });
    expect(servicesScopeOf({ ...officerB, regionPath: districtB.path })).toEqual({ kind: "district", regionPath: districtB.path });
    expect(servicesScopeOf({ ...deptOfficer, regionPath: null })).toEqual({ kind: "department", departmentId: dept1.id });
    expect(servicesScopeOf({ ...agencyAdmin, regionPath: null })).toBeNull();
    expect(servicesScopeOf({ role: "PRACTITIONER", regionPath: null, organizationId: null })).toBeNull();
    expect(servicesScopeOf({ role: "DISTRICT_OFFICER", regionPath: null, organizationId: null })).toBeNull();
  });

  it("value by district, type, field and department, the non-governmental share, stages and delays, per scope", async () => {
    const s = scopes();
    const sums = async (scope: TServicesScope) => {
      const d = await getServicesDashboard(scope);
      return {
        value: d.money.total.promisedFen,
        paid: d.money.total.paidFen,
        calls: Object.fromEntries(d.calls.map((c) => [c.status, c.calls])),
        contracts: Object.fromEntries(d.money.status.map((c) => [c.key, c.contracts])),
        delays: [d.delays.count, d.delays.oldest, d.delays.rows.map((r) => r.daysLate)],
        share: sharePercent(d.nonGovernmental.promisedFen, d.nonGovernmental.totalFen),
        departments: Object.fromEntries(d.money.department.map((r) => [String(r.key), r.promisedFen])),
        fields: Object.fromEntries(d.money.field.map((r) => [String(r.key), r.promisedFen])),
      };
    };
    const cityView = await sums(s.city!);
    expect(cityView).toMatchObject({
      value: 60_000_000n,
      paid: 7_000_000n,
      calls: { SELECTED: 3, OPEN: 1, DRAFT: 1 },
      contracts: { ACTIVE: 3 },
      delays: [2, isoDay(daysFrom(-10)), [10, 2]],
      share: 66.7,
      departments: { [dept1.id]: 30_000_000n, [dept2.id]: 20_000_000n, null: 10_000_000n },
      fields: { WELFARE_INSTITUTIONS: 40_000_000n, CIVIL_AFFAIRS: 20_000_000n },
    });
    expect(await sums(s.A!)).toMatchObject({ value: 40_000_000n, paid: 7_000_000n, calls: { SELECTED: 2, OPEN: 1 }, delays: [1, isoDay(daysFrom(-2)), [2]], share: 100 });
    expect(await sums(s.B!)).toMatchObject({ value: 20_000_000n, paid: 0n, calls: { SELECTED: 1, DRAFT: 1 }, delays: [1, isoDay(daysFrom(-10)), [10]], share: 0 });
    expect(await sums(s.dept1!)).toMatchObject({ value: 30_000_000n, paid: 5_000_000n, calls: { SELECTED: 1, OPEN: 1 }, delays: [1, isoDay(daysFrom(-2)), [2]], departments: { [dept1.id]: 30_000_000n } });
    expect(await sums(s.dept2!)).toMatchObject({ value: 20_000_000n, calls: { SELECTED: 1, DRAFT: 1 }, departments: { [dept2.id]: 20_000_000n } });
    // The fund's lines of this year, with the ledger's figures.
    const d = await getServicesDashboard(s.city!);
    expect(d.lines.find((l) => l.id === lineId)).toMatchObject({ amountFen: 100_000_000n, outstandingFen: 53_000_000n, spentFen: 7_000_000n });
  });

  it("reuses a result while nothing changes and recomputes after an audited change", async () => {
    const first = await getServicesDashboardCached({ kind: "district", regionPath: districtB.path });
    expect(await getServicesDashboardCached({ kind: "district", regionPath: districtB.path })).toBe(first);
    await as(city);
    await recordContribution(ZRecordContribution.parse({ lineId: contributionsLineId, source: "CHARITY", donor: "慈善总会", amount: "1", receivedOn: isoDay(today) }));
    const second = await getServicesDashboardCached({ kind: "district", regionPath: districtB.path });
    expect(second).not.toBe(first);
    expect(second.lines.find((l) => l.id === contributionsLineId)!.amountFen - first.lines.find((l) => l.id === contributionsLineId)!.amountFen).toBe(100n);
  });
});
