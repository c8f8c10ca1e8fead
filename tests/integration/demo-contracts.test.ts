import { beforeAll, describe, expect, it } from "vitest";
import { as } from "../helpers/integration";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { entryTotals } from "@/server/funds/ledger";
import { contractShortfalls } from "@/server/contracts/staffing";
import { getContract, listContracts } from "@/server/contracts/queries";
import { parseContractFilter } from "@/domain/contracts/list-filter";
import { todayInCity } from "@/domain/common/calendar-day";

// The demo city's purchased-service contracts (issue 13 §3): at least eight across the T5 types
// and several districts, milestones accepted / due / late, payments with one waiting for a second
// approval, one staffing shortfall; the services line's ledger agrees with them to the fen.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 180_000);

const today = todayInCity();
const login = async (email: string) => as(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } }));

describe("demo contracts", () => {
  it("eight or more contracts across the project types and districts, with milestones accepted, due and late", async () => {
    const contracts = await prisma.contract.findMany({ select: { reference: true, valueFen: true, call: { select: { type: true, regionPath: true, status: true } }, milestones: { select: { status: true, dueDate: true, amountFen: true } } } });
    expect(contracts.length).toBeGreaterThanOrEqual(8);
    expect(new Set(contracts.map((c) => c.call.type)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(contracts.map((c) => c.call.regionPath)).size).toBeGreaterThanOrEqual(4);
    for (const c of contracts) {
      expect(c.call.status).toBe("SELECTED");
      expect(c.milestones.reduce((a, m) => a + m.amountFen, 0n)).toBe(c.valueFen);
    }
    const all = contracts.flatMap((c) => c.milestones);
    expect(all.some((m) => m.status === "ACCEPTED")).toBe(true);
    expect(all.some((m) => m.status !== "ACCEPTED" && m.dueDate >= today)).toBe(true);
    expect(all.some((m) => m.status !== "ACCEPTED" && m.dueDate < today)).toBe(true);
  });

  it("payments: one waits for a second approval; the services line's entries match contracts and payments exactly", async () => {
    expect(await prisma.disbursement.count({ where: { status: "REQUESTED" } })).toBe(1);
    const line = await prisma.budgetLine.findFirstOrThrow({ where: { kind: "PURCHASED_SERVICES" }, select: { id: true, amountFen: true } });
    const totals = await prisma.$transaction((tx) => entryTotals(tx, line.id));
    const value = (await prisma.contract.aggregate({ _sum: { valueFen: true } }))._sum.valueFen!;
    const paid = (await prisma.disbursement.aggregate({ where: { status: "PAID" }, _sum: { amountFen: true } }))._sum.amountFen!;
    expect(totals.committedFen).toBe(value);
    expect(totals.spentFen).toBe(paid);
    expect(totals.committedFen).toBeLessThanOrEqual(line.amountFen);
  });

  it("one contract of 阳光, commissioned by the education bureau, falls short: a named worker left; agency and department see it, another agency does not", async () => {
    const dept = await contractShortfalls(await login("dept@demo.local"));
    expect(dept).toHaveLength(1);
    expect(dept[0]!.people.map((p) => p.reason)).toEqual(["LEFT_AGENCY"]);
    expect(dept[0]!.agencyName).toBe("示例市阳光社会工作服务中心");
    expect(await contractShortfalls(await login("agency@demo.local"))).toEqual(dept);
    expect(await contractShortfalls(await login("city@demo.local"))).toEqual(dept);
    const mine = await listContracts(await login("agency@demo.local"), parseContractFilter({}));
    expect(mine.items.length).toBeGreaterThanOrEqual(2);
    expect(mine.items.every((c) => c.organization.name === "示例市阳光社会工作服务中心")).toBe(true);
    const waiting = await prisma.disbursement.findFirstOrThrow({ where: { status: "REQUESTED" }, select: { milestone: { select: { contractId: true } } } });
    expect((await getContract(await login("dept@demo.local"), waiting.milestone.contractId))?.milestones.some((m) => m.waitingFen > 0n)).toBe(true);
  });
});
