import { beforeAll, describe, expect, it } from "vitest";
import { as } from "../helpers/integration";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { listCandidates, rotationList } from "@/server/rotation/list";
import { rotationCoverage } from "@/server/rotation/coverage";
import { proposeFor } from "@/server/rotation/cohort";

// The demo city's rotation lists (issue 12 §2; src/server/seed/demo-rotation.ts): dept@demo.local's
// Education Bureau keeps a list of six of its eight civil servants, three covered (last year's
// programme), two no longer (four years ago) and one never trained; the civil-affairs bureaus'
// lists hold their civil servants, the first rotation programme's completions among them.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const login = async (email: string) => as(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } }));

describe("demo rotation", () => {
  it("the Education Bureau's list: covered, no longer covered and never trained; six civil servants left to add", async () => {
    const dept = await login("dept@demo.local");
    const list = await rotationList(dept, dept.organizationId!);
    expect(list.manage).toBe(true);
    expect(list.rows).toHaveLength(6);
    expect(list.covered).toBe(3);
    expect(list.rows.filter((r) => !r.covered && r.lastRotation).length).toBe(2);
    expect(list.rows.filter((r) => !r.lastRotation).length).toBe(1);
    // Two of the rotation demo's eight, and the four new civil servants under the two-year deadline (demo-civil-servants.ts).
    expect((await listCandidates(dept, dept.organizationId!, "")).civilServantsLeft).toBe(6);
    const own = await rotationCoverage({ kind: "department", departmentId: dept.organizationId! });
    expect([own.listed, own.covered, own.never]).toEqual([6, 3, 1]);
  });

  it("the city's coverage counts every list; the open rotation programme has a cohort to propose", async () => {
    const city = await login("city@demo.local");
    const c = await rotationCoverage({ kind: "city" });
    const entries = await prisma.rotationListEntry.findMany({ select: { practitionerId: true } });
    expect(c.listed).toBe(new Set(entries.map((e) => e.practitionerId)).size);
    expect(c.byDepartment.length).toBeGreaterThanOrEqual(2);
    expect(c.covered).toBeGreaterThan(3);
    expect(c.covered).toBeLessThan(c.listed);
    const open = await prisma.training.findFirstOrThrow({ where: { kind: "ROTATION", status: "PUBLISHED" }, select: { id: true } });
    const proposal = await proposeFor(city, open.id, 5);
    expect(proposal.proposed).toHaveLength(5);
    // Never trained first.
    expect(proposal.proposed[0]!.lastRotation).toBeNull();
  });
});
