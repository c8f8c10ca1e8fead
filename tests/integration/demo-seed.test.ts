import { beforeAll, describe, expect, it } from "vitest";

import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { DEMO_LOGINS } from "@/server/seed/demo-logins";
import { DEMO_EVALUATORS } from "@/server/seed/demo-evaluations";
import { DEMO_NEW_CIVIL_SERVANTS } from "@/server/seed/demo-civil-servants";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { getGrowthDashboard } from "@/server/dashboards/growth";
import { decryptIdNumber } from "@/lib/id-crypto";
import { checkIdNumber } from "@/lib/id-number";
import { canonicalNumber } from "@/lib/canonical-number";
import { canonicaliseStoredNumbers } from "@/server/maintenance/canonical-numbers";
import { todayInCity } from "@/domain/common/calendar-day";

// The demo city (issue 3 item 8) as `npm start` seeds it, checked against what the demo promises.
// (Its speed is measured by scripts/bench/start-time.ts, not asserted here.)
beforeAll(async () => {
  await seedDemoData(prisma);
}, 60_000);

const today = todayInCity();
const principalOf = async (email: string) => {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, organizationId: true, practitionerId: true, region: { select: { path: true } } } });
  return { id: u.id, role: u.role as never, regionPath: u.region?.path ?? null, organizationId: u.organizationId, practitionerId: u.practitionerId };
};

describe("demo seed", () => {
  it("keeps the logins (one per role, and the evaluation bodies' other evaluators), and holds 200 practitioners (and the new civil servants) with encrypted, valid ID numbers", async () => {
    expect((await prisma.user.findMany({ select: { email: true } })).map((u) => u.email).sort()).toEqual([...DEMO_LOGINS, ...DEMO_EVALUATORS].map((l) => l.email).sort());
    const people = await prisma.practitioner.findMany({ select: { name: true, idNumberEncrypted: true, idNumberHash: true, idNumberMasked: true, regionPath: true, statusHistory: { select: { id: true } } } });
    // The register's 200, and the Education Bureau's eight civil servants of the rotation list (demo-rotation.ts), and the new civil servants under the two-year deadline (demo-civil-servants.ts).
    expect(people.length).toBe(208 + DEMO_NEW_CIVIL_SERVANTS);
    for (const p of people) {
      const id = decryptIdNumber(process.env.ID_ENCRYPTION_KEY!, p.idNumberEncrypted!);
      expect(checkIdNumber(id, today), `${p.name} ${id}`).toBeNull();
      expect(p.idNumberMasked).toBe(`${"*".repeat(14)}${id.slice(-4)}`);
      expect(p.regionPath).toMatch(/^\//);
      expect(p.statusHistory.length).toBeGreaterThan(0);
    }
    expect(new Set(people.map((p) => p.idNumberHash)).size).toBe(208 + DEMO_NEW_CIVIL_SERVANTS);
  });

  it("stores every certificate and registration number and credit code canonical, as the forms would", async () => {
    const values = [
      ...(await prisma.credential.findMany({ select: { number: true } })).map((r) => r.number),
      ...(await prisma.registration.findMany({ select: { number: true } })).map((r) => r.number),
      ...(await prisma.organization.findMany({ where: { creditCode: { not: null } }, select: { creditCode: true } })).map((r) => r.creditCode!),
      ...(await prisma.agencyApplication.findMany({ select: { creditCode: true } })).map((r) => r.creditCode),
    ];
    expect(values.length).toBeGreaterThan(200);
    expect(values.filter((v) => canonicalNumber(v) !== v)).toEqual([]);
    // So the data task that canonicalises older databases has nothing to do here.
    expect(await canonicaliseStoredNumbers()).toEqual({ credentials: 0, registrations: 0, organizations: 0, applications: 0, conflicts: [] });
  });

  it("every seeded derived fact equals what recomputePractitioner derives", async () => {
    const select = { isQualified: true, qualifiedSince: true, qualificationLevel: true, g1Msw: true, g1DeputySenior: true, g1SocialWorker: true, g1ProvincialAward: true, g1KeyPost: true } as const;
    const periodsOf = (id: string) => prisma.qualifiedPeriod.findMany({ where: { practitionerId: id }, select: { from: true, to: true, regionPath: true, entryPath: true }, orderBy: { from: "asc" } });
    const ids = (await prisma.practitioner.findMany({ select: { id: true } })).map((p) => p.id);
    const seeded = new Map<string, unknown>();
    for (const id of ids) seeded.set(id, { row: await prisma.practitioner.findUniqueOrThrow({ where: { id }, select }), periods: await periodsOf(id) });
    await prisma.$transaction(async (tx) => {
      for (const id of ids) await recomputePractitioner(tx, id, today);
    }, { timeout: 60_000 });
    for (const id of ids) expect({ row: await prisma.practitioner.findUniqueOrThrow({ where: { id }, select }), periods: await periodsOf(id) }, id).toEqual(seeded.get(id));
  });

  it("tells the plan's story: exactly 40 on 2025-01-01, somewhat behind the line today", async () => {
    const g = await getGrowthDashboard(await principalOf("city@demo.local"));
    expect(g.plan).toMatchObject({ startDate: "2025-01-01", startValue: 40, yearlyTarget: 50, saved: true });
    expect(g.kpi.atStart).toBe(40);
    expect(g.series[0]!.baseline).toBeLessThanOrEqual(40);
    expect(g.kpi.gap).toBeGreaterThan(0);
    expect(g.kpi.qualifiedNow).toBeGreaterThan(g.kpi.targetToDatePeople * 0.8);
    // Both paths contribute; some baseline people left or lapsed.
    const byPath = Object.fromEntries(g.breakdowns.entryPath.map((r) => [r.key, r.count]));
    expect(byPath.RECRUITED).toBeGreaterThan(10);
    expect(byPath.CULTIVATED).toBeGreaterThan(10);
    expect(byPath.BASELINE).toBeLessThan(40);
    expect(g.registrationsDue.total).toBeGreaterThanOrEqual(5);
    expect(await prisma.practitioner.count({ where: { status: "LEFT" } })).toBeGreaterThan(2);
  });

  it("has a verification queue in 东城区, rejections with reasons, renewed and lapsed registrations", async () => {
    const district = await principalOf("district@demo.local");
    const pendingDongcheng = await prisma.credential.count({ where: { status: "SUBMITTED", practitioner: { regionPath: { startsWith: district.regionPath! } } } });
    expect(pendingDongcheng).toBeGreaterThanOrEqual(5);
    const rejected = await prisma.credential.findMany({ where: { status: "REJECTED" }, select: { statusReason: true, events: { select: { toStatus: true, reason: true } } } });
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    for (const r of rejected) {
      expect(r.statusReason).toBeTruthy();
      expect(r.events.find((e) => e.toStatus === "REJECTED")?.reason).toBe(r.statusReason);
    }
    expect(await prisma.credential.count({ where: { status: "EXPIRED" } })).toBe(0);
    const renewed = await prisma.registration.count({ where: { periods: { some: { origin: "RENEWAL" } }, credential: { status: "VERIFIED" } } });
    expect(renewed).toBeGreaterThanOrEqual(3);
    // Lapsed registrations: their holders still count (the certificate is permanent).
    const lapsed = await prisma.practitioner.findMany({ where: { status: "ACTIVE", registrationEnd: { lt: today } }, select: { isQualified: true } });
    expect(lapsed.length).toBeGreaterThanOrEqual(2);
    expect(lapsed.every((p) => p.isQualified)).toBe(true);
    // The district officer has hours and a renewal to verify.
    expect(await prisma.cpdEntry.count({ where: { status: "SUBMITTED", practitioner: { regionPath: { startsWith: district.regionPath! } } } })).toBeGreaterThanOrEqual(3);
    expect(await prisma.renewalRequest.count({ where: { status: "SUBMITTED", practitioner: { regionPath: { startsWith: district.regionPath! } } } })).toBe(1);
    const d = await getGrowthDashboard(district);
    expect(d.kpi.qualifiedNow).toBeGreaterThan(0);
    expect(d.kpi.qualifiedNow).toBeLessThan((await getGrowthDashboard(await principalOf("city@demo.local"))).kpi.qualifiedNow);
  });

  it("worker@demo.local is 李明, counted, with a verified social-worker certificate and 60 of 90 hours this period", async () => {
    const me = await prisma.user.findUniqueOrThrow({
      where: { email: "worker@demo.local" },
      select: { practitioner: { select: { id: true, name: true, isQualified: true, registrationEnd: true, credentials: { select: { kind: true, status: true, registration: { select: { periodStart: true, periodEnd: true } } } } } } },
    });
    expect(me.practitioner).toMatchObject({ name: "李明", isQualified: true });
    const sw = me.practitioner!.credentials.find((c) => c.kind === "SOCIAL_WORKER" && c.status === "VERIFIED");
    expect(sw?.registration).toBeTruthy();
    // A whole three-year period, current (not due yet, not lapsed).
    const { periodStart: s, periodEnd: e } = sw!.registration!;
    expect(e).toEqual(new Date(Date.UTC(s.getUTCFullYear() + 3, s.getUTCMonth(), s.getUTCDate() - 1)));
    expect(e.getTime() - today.getTime()).toBeGreaterThan(90 * 86_400_000);
    const hours = await prisma.cpdEntry.aggregate({ where: { practitionerId: me.practitioner!.id, status: "VERIFIED", endDate: { gte: sw!.registration!.periodStart, lte: sw!.registration!.periodEnd } }, _sum: { halfHours: true } });
    expect(hours._sum.halfHours).toBe(120);
    expect(await prisma.cpdEntry.count({ where: { practitionerId: me.practitioner!.id, status: "SUBMITTED" } })).toBe(1);
  });
});

describe("demo supervision", () => {
  it("eligible supervisors (one approved by the city) with pairs in two districts, sessions in every state, 李明 supervised with his hours kept", async () => {
    const { supervisorStandings } = await import("@/server/supervision/facts");
    const { DEFAULT_SUPERVISION_SETTINGS } = await import("@/domain/supervision/rules");
    const pairs = await prisma.supervision.findMany({ select: { supervisorId: true, endDate: true, supervisee: { select: { regionPath: true } } } });
    const supervisorIds = [...new Set(pairs.map((p) => p.supervisorId))];
    expect(supervisorIds.length).toBeGreaterThanOrEqual(3);
    const standings = await supervisorStandings(supervisorIds, DEFAULT_SUPERVISION_SETTINGS, today);
    expect([...standings.values()].every((s) => s.eligibility.eligible)).toBe(true);
    expect([...standings.values()].filter((s) => s.eligibility.eligible && s.eligibility.basis === "approved")).toHaveLength(1);
    expect(new Set(pairs.map((p) => p.supervisee.regionPath!.split("/")[2])).size).toBeGreaterThanOrEqual(2);
    expect(pairs.some((p) => p.endDate)).toBe(true);
    const by = async (status: "LOGGED" | "CONFIRMED" | "DISPUTED") => prisma.supervisionSession.count({ where: { status } });
    expect(await by("CONFIRMED")).toBeGreaterThan(5);
    expect(await by("LOGGED")).toBeGreaterThanOrEqual(2);
    expect(await by("DISPUTED")).toBe(1);
    expect(await prisma.supervisionSession.count({ where: { status: "LOGGED", createdAt: { lt: new Date(Date.now() - 14 * 86_400_000) } } })).toBe(1);
    // Every confirmed session is in both ledgers, and only those.
    const confirmed = await prisma.supervisionSession.findMany({ where: { status: "CONFIRMED" }, select: { id: true } });
    expect(await prisma.cpdEntry.count({ where: { sourceRef: { startsWith: "supervision:" } } })).toBe(2 * confirmed.length);
    // 李明: a supervisee whose supervision hours come from confirmed sessions; one waits for him.
    const worker = await prisma.user.findUniqueOrThrow({ where: { email: "worker@demo.local" }, select: { practitionerId: true } });
    const mine = await prisma.supervisionSession.groupBy({ by: ["status"], where: { supervision: { superviseeId: worker.practitionerId! } }, _sum: { halfHours: true }, _count: { _all: true } });
    expect(mine.find((g) => g.status === "CONFIRMED")?._sum.halfHours).toBe(40);
    expect(mine.find((g) => g.status === "LOGGED")?._count._all).toBe(1);
    const ledger = await prisma.cpdEntry.findMany({ where: { practitionerId: worker.practitionerId!, kind: "SUPERVISION" }, select: { sourceRef: true } });
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((e) => e.sourceRef?.startsWith("supervision:"))).toBe(true);
  });
});
