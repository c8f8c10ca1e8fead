import { beforeAll, describe, expect, it } from "vitest";

import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { BLACKLISTED_DEMO_AGENCY } from "@/server/seed/demo-workforce";
import { getWorkforceDashboard } from "@/server/dashboards/workforce";
import { associationSummary } from "@/server/association/queries";
import { applicationScope } from "@/server/authz/scope";
import type { TPrincipal } from "@/domain/authz/matrix";
import { integrityFlags } from "@/domain/agencies/integrity";
import { isValidCreditCode } from "@/lib/credit-code";
import { todayInCity } from "@/domain/common/calendar-day";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";

// The demo city's agencies, posts, applications and association (src/server/seed/demo-workforce.ts),
// checked against what the demo promises (issue 4 item 8).
// (How quickly it seeds is checked by demo-seed.test.ts.)
beforeAll(async () => {
  await seedDemoData(prisma);
}, 60_000);

const today = todayInCity();
const principalOf = async (email: string): Promise<TPrincipal> => {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, organizationId: true, practitionerId: true, region: { select: { path: true } } } });
  return { id: u.id, role: u.role as TPrincipal["role"], regionPath: u.region?.path ?? null, organizationId: u.organizationId, practitionerId: u.practitionerId };
};

describe("demo agencies", () => {
  it("all ten agencies have their particulars, a status history row, most are private and most are rated", async () => {
    const agencies = await prisma.organization.findMany({
      where: { kind: "AGENCY" },
      select: { name: true, agencyStatus: true, isPrivate: true, legalRepresentative: true, address: true, foundedOn: true, contactName: true, contactPhone: true, contactEmail: true, serviceAreas: true, targetGroups: true, rating: true, ratingDate: true, creditCode: true, agencyStatusHistory: { select: { status: true } }, ratings: { select: { rating: true, ratedOn: true }, orderBy: { ratedOn: "desc" } } },
    });
    expect(agencies).toHaveLength(10);
    for (const a of agencies) {
      expect(a, a.name).toMatchObject({ agencyStatus: "ACTIVE" });
      expect(a.legalRepresentative && a.address && a.foundedOn && a.contactName && a.contactPhone, a.name).toBeTruthy();
      expect(a.contactEmail, a.name).toMatch(/^contact@[a-z-]+\.example$/);
      expect(a.serviceAreas.length, a.name).toBeGreaterThan(0);
      expect(a.targetGroups.length, a.name).toBeGreaterThan(0);
      expect(a.agencyStatusHistory, a.name).toEqual([{ status: "ACTIVE" }]);
      expect(isValidCreditCode(a.creditCode!), a.name).toBe(true);
      // The current rating is the latest rating row.
      expect(a.rating, a.name).toBe(a.ratings[0]?.rating ?? null);
      expect(a.ratingDate?.getTime(), a.name).toBe(a.ratings[0]?.ratedOn.getTime());
    }
    expect(agencies.filter((a) => a.isPrivate).length).toBe(8);
    expect(agencies.filter((a) => a.rating === null).length).toBe(2);
  });

  it("integrity records on a few agencies; exactly one blacklisted agency in force (明德, never agency@'s 阳光); an ended abnormal-list entry flags nobody", async () => {
    const records = await prisma.integrityRecord.findMany({ select: { kind: true, occurredOn: true, endsOn: true, organization: { select: { name: true } } } });
    // EVALUATION_FAILED: the demo's failed evaluation (demo-evaluations.ts); it bars calls, it does not flag.
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(["COMMENDATION", "WARNING", "VIOLATION", "ABNORMAL_LIST", "BLACKLIST", "EVALUATION_FAILED"]));
    const byAgency = new Map<string, typeof records>();
    for (const r of records) byAgency.set(r.organization.name, [...(byAgency.get(r.organization.name) ?? []), r]);
    const flagged = [...byAgency].map(([name, rs]) => [name, integrityFlags(rs, today)] as const).filter(([, f]) => f.length > 0);
    expect(flagged).toEqual([[BLACKLISTED_DEMO_AGENCY, ["BLACKLIST"]]]);
    expect(byAgency.get("示例市阳光社会工作服务中心")?.every((r) => r.kind === "COMMENDATION")).toBe(true);
    const abnormal = records.filter((r) => r.kind === "ABNORMAL_LIST");
    expect(abnormal).toHaveLength(1);
    expect(abnormal[0]!.endsOn!.getTime()).toBeLessThanOrEqual(today.getTime());
    const d = await getWorkforceDashboard(await principalOf("city@demo.local"));
    expect(d.agencies.flagged.map((a) => [a.name, a.flags])).toEqual([[BLACKLISTED_DEMO_AGENCY, ["BLACKLIST"]]]);
  });
});

describe("demo posts", () => {
  it("posts of both kinds in all nine practice fields, partly filled, some by qualified practitioners", async () => {
    const d = await getWorkforceDashboard(await principalOf("city@demo.local"));
    for (const f of d.posts.byField) {
      expect(f.posts, f.field).toBeGreaterThan(0);
      expect(f.required, f.field).toBeGreaterThan(0);
    }
    expect(d.posts.byField.map((f) => f.field)).toEqual([...PRACTICE_FIELDS]);
    for (const k of d.posts.byKind) expect(k.posts, k.kind).toBeGreaterThan(2);
    const t = d.posts.total;
    expect(t.filled).toBeGreaterThan(t.required * 0.4);
    expect(t.filled).toBeLessThan(t.required);
    expect(t.qualifiedFilled).toBeGreaterThan(0);
    expect(t.qualifiedFilled).toBeLessThan(t.filled);
    // Some fields are fully staffed, some not at all yet.
    expect(d.posts.byField.some((f) => f.filled === f.required)).toBe(true);
    expect(d.posts.byKind.find((k) => k.kind === "RATIO")!.compliant).toBeGreaterThan(0);
    expect(d.posts.byKind.find((k) => k.kind === "RATIO")!.compliant).toBeLessThan(d.posts.byKind.find((k) => k.kind === "RATIO")!.posts);
  });

  it("ratio posts carry their basis; department posts sit in departments, including 示例市教育局 for dept@", async () => {
    const posts = await prisma.post.findMany({ select: { kind: true, headcount: true, ratioBasis: true, basisCount: true, ratioPerWorker: true, requiredHeadcount: true, organization: { select: { kind: true, name: true } } } });
    for (const p of posts) {
      if (p.kind === "RATIO") {
        expect(p.ratioBasis && p.basisCount && p.ratioPerWorker).toBeTruthy();
        expect(p.requiredHeadcount).toBe(Math.ceil(p.basisCount! / p.ratioPerWorker!));
        expect(["WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL", "COMMUNITY", "PARTY_SERVICE_CENTER"]).toContain(p.organization.kind);
      } else {
        expect(p.requiredHeadcount).toBe(p.headcount);
        expect(p.organization.kind).toBe("GOVERNMENT_DEPARTMENT");
      }
    }
    expect(new Set(posts.filter((p) => p.kind === "RATIO").map((p) => p.ratioBasis))).toEqual(new Set(["BEDS", "STUDENTS", "PATIENTS", "RESIDENTS"]));
    expect(posts.filter((p) => p.organization.name === "示例市教育局").length).toBeGreaterThan(0);
  });

  it("holders are active practitioners (never 李明), one current post each; ended assignments are kept as history", async () => {
    const assignments = await prisma.postAssignment.findMany({ select: { practitionerId: true, from: true, to: true, practitioner: { select: { status: true, name: true, hireDate: true } } } });
    const worker = await prisma.user.findUniqueOrThrow({ where: { email: "worker@demo.local" }, select: { practitionerId: true } });
    expect(assignments.some((a) => a.practitionerId === worker.practitionerId)).toBe(false);
    for (const a of assignments) {
      expect(a.practitioner.status).toBe("ACTIVE");
      expect(a.from.getTime()).toBeLessThanOrEqual(today.getTime());
      if (a.practitioner.hireDate) expect(a.from.getTime()).toBeGreaterThanOrEqual(a.practitioner.hireDate.getTime());
      if (a.to) expect(a.to.getTime()).toBeGreaterThan(a.from.getTime());
    }
    const current = assignments.filter((a) => a.to === null).map((a) => a.practitionerId);
    expect(new Set(current).size).toBe(current.length);
    expect(assignments.filter((a) => a.to !== null && a.to.getTime() <= today.getTime()).length).toBeGreaterThanOrEqual(3);
  });

  it("the district officer's dashboard shows 东城区's posts only", async () => {
    const city = await getWorkforceDashboard(await principalOf("city@demo.local"));
    const district = await principalOf("district@demo.local");
    const d = await getWorkforceDashboard(district);
    expect(d.posts.total.posts).toBeGreaterThan(3);
    expect(d.posts.total.posts).toBeLessThan(city.posts.total.posts);
    expect(await prisma.post.count({ where: { regionPath: { startsWith: district.regionPath! } } })).toBe(d.posts.total.posts);
  });
});

describe("demo agency applications", () => {
  it("one application at each review step, with valid credit codes and an event trail with actor names", async () => {
    const apps = await prisma.agencyApplication.findMany({
      select: { reference: true, status: true, returnedFrom: true, creditCode: true, regionPath: true, amendTokenHash: true, amendTokenExpiresAt: true, decidedAt: true, organization: { select: { name: true } }, events: { select: { step: true, decision: true, reason: true, actorName: true }, orderBy: { at: "asc" } } },
    });
    const by = (s: string) => apps.filter((a) => a.status === s);
    for (const s of ["DISTRICT_REVIEW", "CITY_REVIEW", "RETURNED", "APPROVED", "REJECTED"]) expect(by(s), s).toHaveLength(1);
    for (const a of apps) {
      expect(isValidCreditCode(a.creditCode), a.reference).toBe(true);
      expect(a.reference).toMatch(/^SA-\d{4}-\d{5}$/);
      expect(a.events[0]).toMatchObject({ step: "DISTRICT_REVIEW", decision: "SUBMITTED" });
      for (const e of a.events) expect(e.actorName, a.reference).toBeTruthy();
    }
    expect(new Set(apps.map((a) => a.reference)).size).toBe(5);
    // The district officer has one to review, in their district.
    const district = await principalOf("district@demo.local");
    expect(await prisma.agencyApplication.count({ where: { AND: [applicationScope(district, "agencyApplications.reviewDistrict"), { status: "DISTRICT_REVIEW" }] } })).toBe(1);
    expect(by("CITY_REVIEW")[0]!.events.map((e) => e.decision)).toEqual(["SUBMITTED", "APPROVED"]);
    const returned = by("RETURNED")[0]!;
    expect(returned.returnedFrom).toBe("DISTRICT_REVIEW");
    expect(returned.amendTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(returned.amendTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(returned.events.at(-1)).toMatchObject({ decision: "RETURNED", step: "DISTRICT_REVIEW" });
    expect(returned.events.at(-1)!.reason).toBeTruthy();
    const approved = by("APPROVED")[0]!;
    expect(approved.organization?.name).toBe("示例市启航青少年社会工作服务中心");
    expect(approved.events.map((e) => `${e.step}:${e.decision}`)).toEqual(["DISTRICT_REVIEW:SUBMITTED", "DISTRICT_REVIEW:APPROVED", "CITY_REVIEW:APPROVED"]);
    expect(approved.decidedAt).not.toBeNull();
    const rejected = by("REJECTED")[0]!;
    expect(rejected.events.at(-1)).toMatchObject({ step: "CITY_REVIEW", decision: "REJECTED" });
    expect(rejected.events.at(-1)!.reason).toBeTruthy();
  });
});

describe("demo association", () => {
  it("agency and practitioner members, one ended membership (明德's), numbers in sequence, counts on the page and the dashboard agree", async () => {
    const members = await prisma.associationMembership.findMany({ select: { memberType: true, memberNumber: true, status: true, joinedOn: true, endedOn: true, organization: { select: { name: true } }, practitioner: { select: { status: true } } } });
    const agencies = members.filter((m) => m.memberType === "AGENCY");
    const people = members.filter((m) => m.memberType === "PRACTITIONER");
    expect(agencies.length).toBeGreaterThanOrEqual(5);
    expect(people.length).toBe(20);
    expect(members.filter((m) => m.status === "ENDED").map((m) => m.organization?.name)).toEqual([BLACKLISTED_DEMO_AGENCY]);
    for (const m of members) {
      expect(m.memberNumber).toMatch(m.memberType === "AGENCY" ? /^SWA-A-\d{4}$/ : /^SWA-P-\d{4}$/);
      expect(m.joinedOn.getTime()).toBeLessThanOrEqual(today.getTime());
      if (m.endedOn) expect(m.endedOn.getTime()).toBeGreaterThanOrEqual(m.joinedOn.getTime());
      if (m.practitioner) expect(m.practitioner.status).toBe("ACTIVE");
    }
    const city = await principalOf("city@demo.local");
    const summary = await associationSummary(city);
    const activeAgencies = agencies.filter((m) => m.status === "ACTIVE").length;
    const activePeople = people.filter((m) => m.status === "ACTIVE").length;
    expect(summary).toMatchObject({ activeAgencies, activePractitioners: activePeople });
    expect(summary.joinedThisYear).toBeGreaterThanOrEqual(2);
    expect((await getWorkforceDashboard(city)).members).toEqual({ agencies: activeAgencies, practitioners: activePeople });
    // 东城区 has members of both kinds for the district officer.
    const district = await associationSummary(await principalOf("district@demo.local"));
    expect(district.activeAgencies).toBeGreaterThan(0);
    expect(district.activePractitioners).toBeGreaterThan(0);
  });
});
