import { beforeAll, describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { getGrowthDashboard, type TGrowthDashboard } from "@/server/dashboards/growth";
import { getGrowthDashboardCached } from "@/server/dashboards/cache";
import { getPlanTarget } from "@/server/plan/queries";
import { updatePlanTarget, updateQualificationSettings } from "@/server/plan/mutations";
import { ZQualificationSettings } from "@/domain/registrations/schemas";
import { ZPlanTarget } from "@/domain/plan/schemas";
import { AuthzError } from "@/server/auth/session";
import { StaleEditError } from "@/domain/common/errors";
import type { Prisma } from "@/generated/prisma/client";

// "Now" is 2026-11-29 in the city (UTC+8). A dataset with known answers, built through the
// real derivation (recomputePractitioner), then every dashboard figure asserted exactly.
const NOW = new Date("2026-11-29T04:00:00Z");
const TODAY = new Date("2026-11-29T00:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00Z`);

type TCred = Omit<Prisma.CredentialUncheckedCreateInput, "practitionerId" | "number" | "issuingAuthority"> & { regEnd?: Date | null };
let credSeq = 0;

async function person(data: Partial<Prisma.PractitionerUncheckedCreateInput> & { organizationId: string }, creds: TCred[], history: { status: "ACTIVE" | "LEFT" | "RETIRED"; effectiveFrom: string }[] = []) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: data.organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  const p = await makePractitioner(prisma, { ...data, regionId: org.regionId, regionPath: org.region.path });
  for (const { regEnd, ...c } of creds) {
    const made = await prisma.credential.create({ data: { ...c, practitionerId: p.id, number: `N${++credSeq}`, issuingAuthority: "test" } });
    if (regEnd) {
      const start = new Date(Date.UTC(regEnd.getUTCFullYear() - 3, regEnd.getUTCMonth(), regEnd.getUTCDate() + 1));
      await prisma.registration.create({ data: { practitionerId: p.id, credentialId: made.id, number: `DJ${credSeq}`, periodStart: start, periodEnd: regEnd, periods: { create: { start, end: regEnd, origin: "INITIAL" } } } });
    }
  }
  for (const h of history) await prisma.practitionerStatusChange.create({ data: { practitionerId: p.id, status: h.status, effectiveFrom: d(h.effectiveFrom) } });
  await prisma.$transaction((tx) => recomputePractitioner(tx, p.id, TODAY));
  return p;
}

/** A credential; for a certificate, `regEnd` is the last day of its registration's current period. */
const cert = (kind: TCred["kind"], issue: string, regEnd: string | null, status: TCred["status"] = "VERIFIED"): TCred => ({
  kind,
  issueDate: d(issue),
  regEnd: regEnd ? d(regEnd) : null,
  status,
});

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const d1 = await makeRegion(prisma, { level: "DISTRICT", parent: city, code: "D1" });
  const d2 = await makeRegion(prisma, { level: "DISTRICT", parent: city, code: "D2" });
  const s1 = await makeRegion(prisma, { level: "STREET", parent: d1, code: "D1S1" });
  const s2 = await makeRegion(prisma, { level: "STREET", parent: d1, code: "D1S2" });
  const a1 = await makeOrganization(prisma, { kind: "AGENCY", regionId: d1.id });
  const a2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: s1.id });
  const b1 = await makeOrganization(prisma, { kind: "AGENCY", regionId: d2.id });
  const bureau = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id });
  await prisma.planTarget.create({ data: { id: "city", startDate: d("2025-01-01"), startValue: 3, yearlyTarget: 12 } });

  const P = {
    // Baseline, certificate valid for years; provincial award.
    p1: await person(
      { name: "甲一", organizationId: a1.id, entryPath: "BASELINE", entryDate: d("2020-01-01"), practiceFields: ["CIVIL_AFFAIRS"], awards: { create: [{ name: "省优", level: "PROVINCIAL_OR_ABOVE" }] } } as never,
      [cert("SOCIAL_WORKER", "2019-05-01", "2030-01-01")],
    ),
    // Baseline, MSW degree (never expires).
    p2: await person({ name: "乙二", organizationId: b1.id, entryPath: "BASELINE", entryDate: d("2021-01-01"), practiceFields: ["SCHOOLS", "MIGRANTS"] }, [
      { ...cert("SOCIAL_WORK_DEGREE", "2020-07-01", null), degreeLevel: "MASTER" },
    ]),
    // Baseline; left the city on 2025-07-01 and came back on 2026-01-15 (a return, not a new recruit);
    // the registration lapsed on 2025-06-30 and was never renewed: that changes nothing about counting.
    p3: await person(
      { name: "丙三", organizationId: a2.id, entryPath: "BASELINE", entryDate: d("2022-01-01"), practiceFields: ["CIVIL_AFFAIRS", "DISABILITY"] },
      [cert("ASSISTANT_SOCIAL_WORKER", "2021-01-01", "2025-06-30")],
      [
        { status: "ACTIVE", effectiveFrom: "2022-01-01" },
        { status: "LEFT", effectiveFrom: "2025-07-01" },
        { status: "ACTIVE", effectiveFrom: "2026-01-15" },
      ],
    ),
    // Recruited 2025-03-10, left the city 2026-02-15.
    p4: await person({ name: "丁四", organizationId: a1.id, entryPath: "RECRUITED", entryDate: d("2025-03-10") }, [cert("SOCIAL_WORKER", "2023-01-01", "2030-01-01")], [
      { status: "ACTIVE", effectiveFrom: "2025-03-10" },
      { status: "LEFT", effectiveFrom: "2026-02-15" },
    ]),
    // Cultivated at a city bureau, qualified 2026-11-10, registration ending in 52 days; key post.
    p5: await person({ name: "戊五", organizationId: bureau.id, entryPath: "CULTIVATED", entryDate: d("2024-01-01"), degree: "BACHELOR", keyPost: true }, [
      cert("ASSISTANT_SOCIAL_WORKER", "2026-11-10", "2027-01-20"),
    ]),
    // Submitted, not verified: does not count.
    p6: await person({ name: "己六", organizationId: a1.id, entryPath: "CULTIVATED", entryDate: d("2024-01-01") }, [cert("ASSISTANT_SOCIAL_WORKER", "2026-10-01", "2031-01-01", "SUBMITTED")]),
    // Recruited 2026-06-01, senior social worker, deputy-senior title, registration ending in 64 days.
    p7: await person({ name: "庚七", organizationId: b1.id, entryPath: "RECRUITED", entryDate: d("2026-06-01"), professionalTitle: "DEPUTY_SENIOR", practiceFields: ["SCHOOLS"] }, [
      cert("SENIOR_SOCIAL_WORKER", "2020-01-01", "2027-02-01"),
    ]),
    // Joins tomorrow: not counted today, but the registration is in the "due" list.
    p8: await person({ name: "辛八", organizationId: a1.id, entryPath: "RECRUITED", entryDate: d("2026-11-30") }, [cert("SOCIAL_WORKER", "2024-01-01", "2027-01-01")]),
    // Counted from 2025-05-20 until yesterday: left the city on 2026-11-28.
    p9: await person({ name: "壬九", organizationId: a1.id, entryPath: "CULTIVATED", entryDate: d("2024-06-01"), status: "LEFT", statusSince: d("2026-11-28") }, [cert("ASSISTANT_SOCIAL_WORKER", "2025-05-20", "2027-01-10")], [
      { status: "ACTIVE", effectiveFrom: "2024-06-01" },
      { status: "LEFT", effectiveFrom: "2026-11-28" },
    ]),
  };
  const admin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officer1 = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: d1.id });
  const officer2 = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: d2.id });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: a1.id });
  return { city, d1, d2, s1, s2, a1, a2, b1, bureau, P, admin, officer1, officer2, agencyAdmin };
}

const principal = (u: { id: string; role: string; regionId: string | null; organizationId: string | null }, regionPath: string | null = null) => ({
  id: u.id,
  role: u.role as never,
  regionPath,
  organizationId: u.organizationId,
  practitionerId: null,
});

const counts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
/** As the action reports them: the first message per field (zodFieldErrors in src/features/action.ts). */
function firstIssues(e: { issues: { path: PropertyKey[]; message: string }[] }) {
  const out: Record<string, string> = {};
  for (const i of e.issues) out[i.path.join(".")] ??= i.message;
  return out;
}
const monthly = (g: TGrowthDashboard) => g.series.map((p) => p.actual);

let W: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  W = await world();
});

describe("growth dashboard: the city administrator's figures", () => {
  it("KPIs: counted now, on the first day, target to date, gap and needed per month", async () => {
    const g = await getGrowthDashboard(principal(W.admin), NOW);
    expect(g.today).toBe("2026-11-29");
    expect(g.scope).toBe("city");
    expect(g.kpi).toMatchObject({
      qualifiedNow: 5,
      atStart: 3,
      targetToDate: 25, // 3 + 12 · 22/12
      targetToDatePeople: 25,
      gap: 20,
      neededPerMonth: 11, // (3 + 24 − 5) / 2 months left (November, December)
      planYear: 2,
      yearEndTarget: 27,
      monthsLeft: 2,
      joinedThisPlanYear: 2, // p5 and p7 started counting for the first time in 2026 and still count
      returnedThisPlanYear: 1, // p3 came back on 2026-01-15: counted before, so not a new recruit
    });
    // Same answer as the derived flag on the rows.
    expect(await prisma.practitioner.count({ where: { isQualified: true } })).toBe(5);
  });

  it("monthly cumulative series from the plan's start month to today, with the entry-path split and target line", async () => {
    const g = await getGrowthDashboard(principal(W.admin), NOW);
    expect(g.series.map((p) => p.month)).toHaveLength(23);
    expect(g.series[0]).toEqual({ month: "2025-01", at: "2025-01-31", actual: 3, baseline: 3, recruited: 0, cultivated: 0, target: 3 });
    expect(monthly(g)).toEqual([
      3, 3, 4, 4, 5, 5, // Jan–Jun 2025: p4 from March, p9 from May
      4, 4, 4, 4, 4, 4, // Jul–Dec 2025: p3 left the city (a lapsed registration alone changes nothing)
      5, // Jan 2026: p3 back
      4, 4, 4, 4, // Feb–May 2026: p4 left
      5, 5, 5, 5, 5, // Jun–Oct: p7 recruited
      5, // Nov (to today): p9 left yesterday, p5 qualified on the 10th; p8 only tomorrow
    ]);
    expect(g.series.at(-1)).toEqual({ month: "2026-11", at: "2026-11-29", actual: 5, baseline: 3, recruited: 1, cultivated: 1, target: 25 });
    expect(g.series[6]).toMatchObject({ month: "2025-07", baseline: 2, recruited: 1, cultivated: 1, target: 9 });
    // The series' last point is the headline figure.
    expect(g.series.at(-1)!.actual).toBe(g.kpi.qualifiedNow);
  });

  it("forecasts from the last six months to the end of the plan year and, with under three months left, the next", async () => {
    const g = await getGrowthDashboard(principal(W.admin), NOW);
    // Last six points (Jun–Nov 2026) are all 5: a flat trend (the slope maths is unit-tested).
    expect(g.forecast).toHaveLength(13);
    expect(g.forecast[0]).toEqual({ month: "2026-12", at: "2026-12-31", forecast: 5, target: 26 });
    expect(g.forecast.at(-1)).toMatchObject({ month: "2027-12", forecast: 5, target: 38 });
    expect(g.kpi.forecastYearEnd).toBe(5);
  });

  it("breakdowns of the people counted today", async () => {
    const g = await getGrowthDashboard(principal(W.admin), NOW);
    expect(counts(g.breakdowns.entryPath)).toEqual({ BASELINE: 3, RECRUITED: 1, CULTIVATED: 1 });
    expect(counts(g.breakdowns.level)).toEqual({ SENIOR_SOCIAL_WORKER: 1, SOCIAL_WORKER: 1, ASSISTANT_SOCIAL_WORKER: 2, DEGREE: 1 });
    expect(counts(g.breakdowns.practiceField)).toMatchObject({ CIVIL_AFFAIRS: 2, SCHOOLS: 2, MIGRANTS: 1, DISABILITY: 1, HOSPITALS: 0 });
    expect(counts(g.breakdowns.g1)).toEqual({ g1Msw: 1, g1DeputySenior: 1, g1SocialWorker: 2, g1ProvincialAward: 1, g1KeyPost: 1 });
    expect(g.breakdowns.areaLevel).toBe("district");
    expect(g.breakdowns.area.map((a) => [a.id, a.count])).toEqual([
      [W.d1.id, 2],
      [W.d2.id, 2],
    ]);
    expect(g.breakdowns.areaDirect).toBe(1); // p5 at a city bureau
  });

  it("lists registrations ending within the 90-day window, soonest first; not those of people who left, nor of unverified certificates", async () => {
    const g = await getGrowthDashboard(principal(W.admin), NOW);
    expect(g.registrationsDue.days).toBe(90);
    expect(g.registrationsDue.total).toBe(3);
    expect(g.registrationsDue.items.map((c) => [c.practitioner.id, c.periodEnd, c.daysLeft])).toEqual([
      [W.P.p8.id, "2027-01-01", 33],
      [W.P.p5.id, "2027-01-20", 52],
      [W.P.p7.id, "2027-02-01", 64],
    ]);
  });

  it("uses the default plan (40 from 2025-01-01, 50 a year) when none is saved", async () => {
    const saved = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    await prisma.planTarget.delete({ where: { id: "city" } });
    try {
      const plan = await getPlanTarget();
      expect(plan).toMatchObject({ startValue: 40, yearlyTarget: 50, version: 0, saved: false });
      const g = await getGrowthDashboard(principal(W.admin), NOW);
      expect(g.kpi.targetToDatePeople).toBe(132); // ceil(40 + 50 · 22/12)
    } finally {
      await prisma.planTarget.create({ data: { id: saved.id, startDate: saved.startDate, startValue: saved.startValue, yearlyTarget: saved.yearlyTarget, version: saved.version } });
    }
  });
});

describe("growth dashboard: district scope", () => {
  it("a district officer's figures only include their district", async () => {
    const g = await getGrowthDashboard(principal(W.officer1, W.d1.path), NOW);
    expect(g.scope).toBe("district");
    expect(g.kpi.qualifiedNow).toBe(2); // p1, p3
    expect(g.kpi.atStart).toBe(2);
    expect(monthly(g)).toEqual([2, 2, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2]);
    expect(counts(g.breakdowns.entryPath)).toEqual({ BASELINE: 2, RECRUITED: 0, CULTIVATED: 0 });
    // Streets of the district; the district-level agency's staff apart.
    expect(g.breakdowns.areaLevel).toBe("street");
    expect(g.breakdowns.area.map((a) => [a.id, a.count])).toEqual([
      [W.s1.id, 1],
      [W.s2.id, 0],
    ]);
    expect(g.breakdowns.areaDirect).toBe(1);
    expect(g.registrationsDue.items.map((c) => c.practitioner.id)).toEqual([W.P.p8.id]);
    expect(g.registrationsDue.total).toBe(1);
  });

  it("the other district sees only its own", async () => {
    const g = await getGrowthDashboard(principal(W.officer2, W.d2.path), NOW);
    expect(g.kpi.qualifiedNow).toBe(2); // p2, p7
    expect(counts(g.breakdowns.entryPath)).toEqual({ BASELINE: 1, RECRUITED: 1, CULTIVATED: 0 });
    expect(g.registrationsDue.items.map((c) => c.practitioner.id)).toEqual([W.P.p7.id]);
    expect(g.breakdowns.area).toEqual([]); // no streets in D2
  });

  it("a district officer without a district, or a role without the permission, sees nothing", async () => {
    for (const p of [principal(W.officer1, null), principal(W.agencyAdmin)]) {
      const g = await getGrowthDashboard(p, NOW);
      expect(g.kpi.qualifiedNow).toBe(0);
      expect(g.series.every((x) => x.actual === 0)).toBe(true);
      expect(g.registrationsDue.total).toBe(0);
      expect(g.breakdowns.area).toEqual([]);
    }
  });
});

describe("the dashboard cache follows every audited change", () => {
  const verifyP6 = (status: "VERIFIED" | "SUBMITTED", audited: boolean) =>
    prisma.$transaction(async (tx) => {
      await tx.credential.updateMany({ where: { practitionerId: W.P.p6.id }, data: { status } });
      await recomputePractitioner(tx, W.P.p6.id, TODAY);
      // As the real mutations do: the audit event lands in the same transaction.
      if (audited) await tx.auditEvent.create({ data: { action: "credentials.verify", entity: "Credential", actorId: W.admin.id } });
    });

  it("serves the same result until an audited change commits, then recomputes", async () => {
    const who = principal(W.admin);
    const first = await getGrowthDashboardCached(who, NOW);
    expect(await getGrowthDashboardCached(who, NOW)).toBe(first);
    expect(first.kpi.qualifiedNow).toBe(5);
    // A verification lands: p6's submitted certificate is verified.
    await verifyP6("VERIFIED", true);
    const after = await getGrowthDashboardCached(who, NOW);
    expect(after).not.toBe(first);
    expect(after.kpi.qualifiedNow).toBe(6);
    // District results are separate entries.
    expect((await getGrowthDashboardCached(principal(W.officer1, W.d1.path), NOW)).kpi.qualifiedNow).toBe(3);
    await verifyP6("SUBMITTED", true);
    expect((await getGrowthDashboardCached(who, NOW)).kpi.qualifiedNow).toBe(5);
  });

  it("a write that bypasses the app (no audit event) shows only once the entry ages out", async () => {
    const who = principal(W.admin);
    const first = await getGrowthDashboardCached(who, NOW);
    await verifyP6("VERIFIED", false);
    try {
      expect(await getGrowthDashboardCached(who, NOW)).toBe(first);
      expect((await getGrowthDashboard(who, NOW)).kpi.qualifiedNow).toBe(6);
      // A new day is a new key (and p8 starts counting on the 30th).
      expect((await getGrowthDashboardCached(who, new Date("2026-11-30T04:00:00Z"))).kpi.qualifiedNow).toBe(7);
    } finally {
      await verifyP6("SUBMITTED", true);
    }
  });
});

describe("plan target settings", () => {
  it("refuses bad input with field keys, before anything is written", () => {
    const r = ZPlanTarget.safeParse({ startDate: "2025-02-30x", startValue: "-1", yearlyTarget: "0", version: "1" });
    expect(r.success).toBe(false);
    expect(firstIssues(r.error!)).toEqual({ startDate: "date", startValue: "invalid", yearlyTarget: "invalid" });
    const empty = ZPlanTarget.safeParse({ startDate: "", startValue: "", yearlyTarget: "", version: "1" });
    expect(firstIssues(empty.error!)).toEqual({ startDate: "required", startValue: "required", yearlyTarget: "required" });
  });

  it("the city administrator changes the target: one transaction with its audit event; a stale version is refused", async () => {
    actAs(W.admin);
    const before = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    const audits = await prisma.auditEvent.count();
    await updatePlanTarget(ZPlanTarget.parse({ startDate: "2025-01-01", startValue: "3", yearlyTarget: "24", version: String(before.version) }));
    const after = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    expect(after).toMatchObject({ yearlyTarget: 24, version: before.version + 1 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.updateTarget" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: W.admin.id, entity: "PlanTarget", entityId: "city", outcome: "SUCCESS" });
    expect(event.before).toMatchObject({ yearlyTarget: 12 });
    expect(event.after).toMatchObject({ yearlyTarget: 24 });
    expect(await prisma.auditEvent.count()).toBe(audits + 1);
    // The dashboard follows at once: 3 + 24 · 22/12 = 47.
    expect((await getGrowthDashboard(principal(W.admin), NOW)).kpi.targetToDatePeople).toBe(47);

    // Someone saving on the old version loses, and nothing is written.
    await expect(updatePlanTarget(ZPlanTarget.parse({ startDate: "2025-01-01", startValue: "3", yearlyTarget: "99", version: String(before.version) }))).rejects.toBeInstanceOf(StaleEditError);
    expect(await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } })).toMatchObject({ yearlyTarget: 24, version: after.version });
    expect(await prisma.auditEvent.count()).toBe(audits + 1);

    // Restore.
    await updatePlanTarget(ZPlanTarget.parse({ startDate: "2025-01-01", startValue: "3", yearlyTarget: "12", version: String(after.version) }));
  });

  it("creates the row on first save (version 0)", async () => {
    actAs(W.admin);
    const saved = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    await prisma.planTarget.delete({ where: { id: "city" } });
    await updatePlanTarget(ZPlanTarget.parse({ startDate: "2025-01-01", startValue: "3", yearlyTarget: "12", version: "0" }));
    expect(await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } })).toMatchObject({ startValue: 3, yearlyTarget: 12, version: 1 });
    await expect(updatePlanTarget(ZPlanTarget.parse({ startDate: "2025-01-01", startValue: "3", yearlyTarget: "12", version: "0" }))).rejects.toBeInstanceOf(StaleEditError);
    await prisma.planTarget.update({ where: { id: "city" }, data: { version: saved.version } });
  });

  it("nobody else may change it (denied and audited), and nothing is written", async () => {
    for (const u of [W.officer1, W.agencyAdmin]) {
      actAs(u);
      const before = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
      const err = await updatePlanTarget(ZPlanTarget.parse({ startDate: "2024-01-01", startValue: "1", yearlyTarget: "1", version: String(before.version) })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthzError);
      expect((err as AuthzError).code).toBe("forbidden");
      expect(await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } })).toEqual(before);
      expect(await prisma.auditEvent.findFirst({ where: { actorId: u.id, action: "plan.updateTarget", outcome: "DENIED" } })).not.toBeNull();
    }
    actAsNobody();
    expect(await updatePlanTarget(ZPlanTarget.parse({ startDate: "2024-01-01", startValue: "1", yearlyTarget: "1", version: "1" })).catch((e: unknown) => (e as AuthzError).code)).toBe("unauthenticated");
  });
});

describe("qualification settings", () => {
  it("only the city administrator changes them; bad input is refused before anything is written; a changed G1.b rule asks for a recompute", async () => {
    const input = (over: Record<string, string> = {}) =>
      ZQualificationSettings.parse({ registrationYears: "3", registrationDueDays: "90", cpdHoursAssistant: "72", cpdHoursSocialWorker: "90", cpdDegreeHours: "90", cpdMaxHoursPerDay: "8", seniorCertificateIsG1b: "on", version: "0", ...over });
    const bad = ZQualificationSettings.safeParse({ registrationYears: "0", registrationDueDays: "abc", cpdHoursAssistant: "", cpdHoursSocialWorker: "-5", cpdDegreeHours: "1.5", cpdMaxHoursPerDay: "25", version: "1" });
    expect(firstIssues(bad.error!)).toEqual({ registrationYears: "settingRange", registrationDueDays: "settingRange", cpdHoursAssistant: "required", cpdHoursSocialWorker: "settingRange", cpdDegreeHours: "settingRange", cpdMaxHoursPerDay: "settingRange" });
    const row = await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } });
    for (const who of [W.officer1, W.agencyAdmin]) {
      actAs(who);
      await expect(updateQualificationSettings(input({ version: String(row.version) }))).rejects.toBeInstanceOf(AuthzError);
    }
    expect(await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } })).toEqual(row);
    actAs(W.admin);
    const tasks = await prisma.dataTask.count({ where: { doneAt: null } });
    await updateQualificationSettings(input({ cpdHoursAssistant: "80", seniorCertificateIsG1b: "", version: String(row.version) }));
    expect(await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" } })).toMatchObject({ cpdHoursAssistant: 80, seniorCertificateIsG1b: false, version: row.version + 1 });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.updateQualificationSettings" }, orderBy: { id: "desc" } })).toMatchObject({ actorId: W.admin.id, outcome: "SUCCESS" });
    expect(await prisma.dataTask.count({ where: { key: { startsWith: "recompute-qualification-g1b" } } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.dataTask.count()).toBeGreaterThan(tasks);
    await expect(updateQualificationSettings(input({ version: String(row.version) }))).rejects.toBeInstanceOf(StaleEditError);
  });
});
