import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { getCallForPanel, listMyPanels } from "@/server/scoring/queries";
import { declareConflict, scoreProposal } from "@/server/scoring/mutations";
import { ZDeclareConflict } from "@/domain/scoring/schemas";

// The demo call in scoring (src/server/seed/demo-scoring.ts): closed, commissioned by 示例市教育局,
// three eligible proposals with qualified named staff; the city and the department have scored,
// the expert (expert@demo.local) has her declaration and scores to do.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const login = async (email: string) => as(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } }));

describe("demo scoring", () => {
  it("the expert has one call to declare and score; the city and the department have scored everything", async () => {
    const expert = await login("expert@demo.local");
    const mine = await listMyPanels(expert);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "CLOSED", declaredAt: null, done: 0, of: 3 });
    const dept = await login("dept@demo.local");
    const call = await getCallForPanel(dept, mine[0]!.id);
    expect(call?.department?.name).toBe("示例市教育局");
    expect(call?.budgetLineId).not.toBeNull();
    expect(call?.ranking.every((r) => r.sheets === 2 && r.rank !== null)).toBe(true);
    expect(call?.proposals.every((p) => p.staff.length >= 2)).toBe(true);
    expect(call?.progress.map((p) => p.complete).sort()).toEqual([0, 3, 3]);
    // The expert can do her part.
    await login("expert@demo.local");
    expect(await codeOf(declareConflict(ZDeclareConflict.parse({ callId: call!.id, conflict: "no" })))).toBe("ok");
    const score = Object.fromEntries(call!.criteria.map((c) => [c.id, c.maxScore]));
    expect(await codeOf(scoreProposal({ callId: call!.id, proposalId: call!.proposals[0]!.id, score }))).toBe("ok");
  });
});
