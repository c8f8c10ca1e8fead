import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { addBudgetLine, createFund, setLineAmount } from "@/server/funds/mutations";
import { getFund, listFunds } from "@/server/funds/queries";
import { availableOf, commitFunds, releaseCommitment, spendCommitment, spendPartOfCommitment } from "@/server/funds/ledger";
import { ZAddBudgetLine, ZCreateFund, ZSetLineAmount } from "@/domain/funds/schemas";
import { ROLES } from "@/domain/authz/matrix";

let city: { id: string; sessionVersion: number };
let others: { id: string; sessionVersion: number }[];

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  const d = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  const dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: d.id });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: d.id });
  const provider = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: d.id });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  others = [
    await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: d.id }),
    await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id }),
    await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
    await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: provider.id }),
  ];
  expect(ROLES).toContain("TRAINING_PROVIDER");
});

async function fundWithLine(amount: string, name = `补贴-${Math.random().toString(36).slice(2, 8)}`) {
  await as(city);
  const fund = await createFund(ZCreateFund.parse({ year: "2027", name }));
  const line = await addBudgetLine(ZAddBudgetLine.parse({ fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amount }));
  return { fund, line };
}

describe("special funds", () => {
  it("the city creates a fund and a line; the line's money starts whole", async () => {
    const { fund, line } = await fundWithLine("1,000.00");
    expect(line.amountFen).toBe(100_000n);
    const read = await getFund(fund.id);
    expect(read?.lines).toHaveLength(1);
    expect(read?.lines[0]).toMatchObject({ amountFen: 100_000n, availableFen: 100_000n, outstandingFen: 0n, spentFen: 0n, usedPercent: 0 });
    const audits = await prisma.auditEvent.findMany({ where: { entityId: { in: [fund.id, line.id] } }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["funds.addLine", "funds.create"]);
  });

  it("no other role may read or manage funds", async () => {
    const { fund, line } = await fundWithLine("10");
    for (const u of others) {
      await as(u);
      expect(await codeOf(listFunds())).toBe("authz:forbidden");
      expect(await codeOf(createFund(ZCreateFund.parse({ year: "2027", name: "x" })))).toBe("authz:forbidden");
      expect(await codeOf(addBudgetLine(ZAddBudgetLine.parse({ fundId: fund.id, kind: "OTHER", name: "x", amount: "1" })))).toBe("authz:forbidden");
      expect(await codeOf(setLineAmount(ZSetLineAmount.parse({ lineId: line.id, version: "1", amount: "1" })))).toBe("authz:forbidden");
    }
    expect(await prisma.budgetLine.count({ where: { fundId: fund.id } })).toBe(1);
  });

  it("refuses a second fund of the same name and year, and a duplicate line, writing nothing", async () => {
    const { fund } = await fundWithLine("10", "重复名称");
    const before = await prisma.fund.count();
    expect(await codeOf(createFund(ZCreateFund.parse({ year: "2027", name: "重复名称" })))).toBe("funds.errors.fundExists");
    expect(await codeOf(addBudgetLine(ZAddBudgetLine.parse({ fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amount: "5" })))).toBe("funds.errors.lineExists");
    expect(await prisma.fund.count()).toBe(before);
  });

  it("promises, gives back and pays, each once per source", async () => {
    const { line } = await fundWithLine("100");
    const run = <T>(f: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<T>) => prisma.$transaction(f);
    expect(await run((tx) => commitFunds(tx, { lineId: line.id, amountFen: 3_000n, sourceRef: "t:a" }))).toBe(true);
    expect(await run((tx) => commitFunds(tx, { lineId: line.id, amountFen: 3_000n, sourceRef: "t:a" }))).toBe(false);
    expect(await run((tx) => commitFunds(tx, { lineId: line.id, amountFen: 4_000n, sourceRef: "t:b" }))).toBe(true);
    expect(await run((tx) => availableOf(tx, line.id))).toBe(3_000n);
    // More than is left: refused, nothing written.
    expect(await codeOf(run((tx) => commitFunds(tx, { lineId: line.id, amountFen: 3_001n, sourceRef: "t:c" })))).toBe("funds.errors.lineExceeded");
    expect(await prisma.fundEntry.count({ where: { sourceRef: "t:c" } })).toBe(0);
    expect(await run((tx) => releaseCommitment(tx, "t:a"))).toBe(true);
    expect(await run((tx) => releaseCommitment(tx, "t:a"))).toBe(false);
    expect(await run((tx) => spendCommitment(tx, "t:b"))).toBe(true);
    expect(await run((tx) => spendCommitment(tx, "t:b"))).toBe(false);
    const [summary] = (await getFund((await prisma.budgetLine.findUniqueOrThrow({ where: { id: line.id } })).fundId))!.lines;
    expect(summary).toMatchObject({ committedFen: 7_000n, releasedFen: 7_000n, spentFen: 4_000n, outstandingFen: 0n, availableFen: 6_000n });
  });

  it("never promises past the line under 50 concurrent requests", async () => {
    const { line } = await fundWithLine("200"); // room for exactly 20 promises of 10 yuan
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => codeOf(prisma.$transaction((tx) => commitFunds(tx, { lineId: line.id, amountFen: 1_000n, sourceRef: `burst:${line.id}:${i}` })))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(20);
    expect(results.filter((r) => r === "funds.errors.lineExceeded")).toHaveLength(30);
    expect(await prisma.$transaction((tx) => availableOf(tx, line.id))).toBe(0n);
  });

  it("pays a commitment in parts, once per part, never past it — also under 50 concurrent payments", async () => {
    const { line } = await fundWithLine("1000");
    const ref = `contract:${line.id}`;
    await prisma.$transaction((tx) => commitFunds(tx, { lineId: line.id, amountFen: 60_000n, sourceRef: ref }));
    const pay = (partRef: string, amountFen: bigint) => codeOf(prisma.$transaction((tx) => spendPartOfCommitment(tx, { commitmentRef: ref, partRef, amountFen })));
    expect(await pay("m1", 20_000n)).toBe("ok");
    // The same part again writes nothing; more than the commitment still holds is refused.
    expect(await prisma.$transaction((tx) => spendPartOfCommitment(tx, { commitmentRef: ref, partRef: "m1", amountFen: 20_000n }))).toBe(false);
    expect(await pay("m2", 40_001n)).toBe("funds.errors.beyondCommitment");
    expect(await pay("m2", 0n)).toBe("ok");
    expect(await codeOf(prisma.$transaction((tx) => spendPartOfCommitment(tx, { commitmentRef: "contract:none", partRef: "x", amountFen: 1n })))).toBe("funds.errors.commitmentNotFound");
    // 50 payments of 1,000 fen at once against the 40,000 fen the commitment still holds: exactly 40 pass.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => pay(`burst${i}`, 1_000n)));
    expect(results.filter((r) => r === "ok")).toHaveLength(40);
    expect(results.filter((r) => r === "funds.errors.beyondCommitment")).toHaveLength(10);
    const spent = await prisma.fundEntry.aggregate({ where: { lineId: line.id, kind: "SPENDING" }, _sum: { amountFen: true } });
    expect(spent._sum.amountFen).toBe(60_000n);
    // Everything promised is paid: the line has its other 40,000 fen (400 yuan) left.
    expect(await prisma.$transaction((tx) => availableOf(tx, line.id))).toBe(40_000n);
  });

  it("a line's amount cannot drop below what it promised and paid; a stale version is refused", async () => {
    const { line } = await fundWithLine("100");
    await prisma.$transaction((tx) => commitFunds(tx, { lineId: line.id, amountFen: 6_000n, sourceRef: `min:${line.id}` }));
    await as(city);
    expect(await codeOf(setLineAmount(ZSetLineAmount.parse({ lineId: line.id, version: "1", amount: "59.99" })))).toBe("funds.validation.amountBelowUsed@amount");
    expect(await codeOf(setLineAmount(ZSetLineAmount.parse({ lineId: line.id, version: "1", amount: "60" })))).toBe("ok");
    expect(await codeOf(setLineAmount(ZSetLineAmount.parse({ lineId: line.id, version: "1", amount: "80" })))).toBe("stale");
    expect((await prisma.budgetLine.findUniqueOrThrow({ where: { id: line.id } })).amountFen).toBe(6_000n);
  });
});
