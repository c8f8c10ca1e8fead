import { beforeAll, describe, expect, it } from "vitest";
import { as } from "../helpers/integration";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { listDeadlines, deadlineSummaryFor } from "@/server/civil-servants/queries";
import { verifyCredential } from "@/server/credentials/mutations";
import { parseDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { addYears, todayInCity } from "@/domain/common/calendar-day";

// The demo city's new civil servants (src/server/seed/demo-civil-servants.ts): dept@demo.local sees
// several people of its own department only; the city sees done, due and not-yet-due people in
// several departments and districts (overdue only once the calendar allows it: two years after the
// plan's start); the certificate waiting in the queue clears its holder's deadline when verified.

const login = async (email: string) => as(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } }));
const all = parseDeadlineListFilter({});

beforeAll(async () => {
  await seedDemoData(prisma);
}, 60_000);

describe("demo civil servants", () => {
  it("the department officer sees several people of 示例市教育局, and nobody else's", async () => {
    const list = await listDeadlines(await login("dept@demo.local"), all);
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(new Set(list.items.map((r) => r.department.name))).toEqual(new Set(["示例市教育局"]));
    expect(new Set(list.items.map((r) => r.status))).toEqual(new Set(["DUE", "PENDING"]));
  });

  it("the city sees done, due and not-yet-due people in several departments and districts", async () => {
    const summary = (await deadlineSummaryFor(await login("city@demo.local")))!;
    expect(summary.total.done).toBeGreaterThanOrEqual(2);
    expect(summary.total.due).toBeGreaterThanOrEqual(3);
    expect(summary.total.pending).toBeGreaterThanOrEqual(3);
    const firstDeadlines = addYears(summary.settings.planStart, summary.settings.civilServantDeadlineYears);
    if (todayInCity().getTime() > firstDeadlines.getTime() + 45 * 86_400_000) expect(summary.total.overdue).toBeGreaterThanOrEqual(2);
    else expect(summary.total.overdue).toBe(0);
    expect(summary.byDepartment.length).toBeGreaterThanOrEqual(5);
    expect(summary.byDistrict.filter((g) => g.district).length).toBeGreaterThanOrEqual(3);
    // The district officer (东城区) sees 东城区's own.
    const district = await listDeadlines(await login("district@demo.local"), all);
    expect(district.total).toBeGreaterThanOrEqual(2);
    expect(district.items.every((r) => r.districtName?.name === "东城区")).toBe(true);
  });

  it("verifying the certificate waiting in the queue clears its holder's deadline", async () => {
    const city = await login("city@demo.local");
    const waiting = await prisma.credential.findFirstOrThrow({ where: { status: "SUBMITTED", practitioner: { name: "郑佳怡" } }, select: { id: true, version: true, practitionerId: true } });
    const statusOf = async () => (await listDeadlines(city, parseDeadlineListFilter({ department: (await prisma.practitioner.findUniqueOrThrow({ where: { id: waiting.practitionerId }, select: { organizationId: true } })).organizationId! }))).items.find((r) => r.id === waiting.practitionerId)?.status;
    expect(await statusOf()).not.toBe("DONE");
    await verifyCredential({ id: waiting.id, version: waiting.version });
    expect(await statusOf()).toBe("DONE");
  });
});
