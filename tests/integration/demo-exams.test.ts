import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { examFunnel } from "@/server/exams/funnel";
import { todayInCity } from "@/domain/common/calendar-day";

// The demo city's exam sittings (issue 12 §4): several people over this year and the two before,
// passed and failed, entered by themselves and by officials, 李明 (worker@demo.local) among them;
// none before the person turned 16; and a funnel with people in every stage.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const year = todayInCity().getUTCFullYear();

describe("demo exam sittings", () => {
  it("span three years, with passes and failures, entered by the people and by officials", async () => {
    const sittings = await prisma.examSitting.findMany({ select: { practitionerId: true, year: true, result: true, source: true, practitioner: { select: { birthDate: true } } } });
    expect(new Set(sittings.map((s) => s.practitionerId)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(sittings.map((s) => s.year))).toEqual(new Set([year - 2, year - 1, year]));
    expect(new Set(sittings.map((s) => s.result))).toEqual(new Set(["PASSED", "FAILED"]));
    expect(new Set(sittings.map((s) => s.source))).toEqual(new Set(["SELF", "OFFICIAL"]));
    for (const s of sittings) if (s.practitioner.birthDate) expect(s.year).toBeGreaterThanOrEqual(s.practitioner.birthDate.getUTCFullYear() + 16);
  });

  it("李明 entered his own two senior sittings: failed last year, passed this year", async () => {
    const me = await prisma.user.findUniqueOrThrow({ where: { email: "worker@demo.local" }, select: { id: true, practitionerId: true } });
    const mine = await prisma.examSitting.findMany({ where: { practitionerId: me.practitionerId! }, orderBy: { year: "asc" }, select: { year: true, level: true, result: true, source: true, enteredById: true } });
    expect(mine).toEqual([
      { year: year - 1, level: "SENIOR_SOCIAL_WORKER", result: "FAILED", source: "SELF", enteredById: me.id },
      { year, level: "SENIOR_SOCIAL_WORKER", result: "PASSED", source: "SELF", enteredById: me.id },
    ]);
  });

  it("gives the city's funnel people in the exam stages in each of the three years", async () => {
    for (const y of [year - 2, year - 1, year]) {
      const f = await examFunnel({ year: y, scope: { kind: "city" } });
      const sat = f.stages.find((s) => s.stage === "sat")!.people;
      const passed = f.stages.find((s) => s.stage === "passed")!.people;
      expect(sat, String(y)).toBe(await prisma.examSitting.groupBy({ by: ["practitionerId"], where: { year: y } }).then((r) => r.length));
      expect(passed, String(y)).toBeGreaterThan(0);
    }
  });
});
