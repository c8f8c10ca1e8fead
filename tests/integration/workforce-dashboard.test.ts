import { beforeAll, describe, expect, it } from "vitest";

import { assign, makeIntegrity, makeMembership, makePost } from "@/server/seed/workforce-factories";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { getWorkforceDashboard, type TWorkforceDashboard } from "@/server/dashboards/workforce";
import type { TPrincipal } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";

// A small city: two districts, one city bureau, posts of both kinds in four fields, agencies in
// every status with ratings and integrity records, association members. Every expected figure
// below is worked out by hand from this data.

const today = todayInCity();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const past = (days: number) => iso(new Date(today.getTime() - days * 86_400_000));
const future = (days: number) => iso(new Date(today.getTime() + days * 86_400_000));

let city: TPrincipal;
let officerA: TPrincipal;
let agencyAdmin: TPrincipal;
let w: Awaited<ReturnType<typeof build>>;

const principal = async (id: string): Promise<TPrincipal> => {
  const u = await prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, organizationId: true, practitionerId: true, region: { select: { path: true } } } });
  return { id: u.id, role: u.role as TPrincipal["role"], regionPath: u.region?.path ?? null, organizationId: u.organizationId, practitionerId: u.practitionerId };
};

async function build() {
  const cityRegion = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: cityRegion, name: "甲区", code: "A" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a, name: "甲一街道", code: "A1" });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: cityRegion, name: "乙区", code: "B" });
  const c = await makeRegion(prisma, { level: "DISTRICT", parent: cityRegion, name: "丙区", code: "C" });

  const bureau = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: cityRegion.id, name: "市民政局" });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: a.id, name: "甲区中学" });
  const hospital = await makeOrganization(prisma, { kind: "HOSPITAL", regionId: aStreet.id, name: "甲一卫生院" });
  const home = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: b.id, name: "乙区福利院" });

  const agA1 = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区一社工", rating: "A4", isPrivate: true });
  const agA2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: aStreet.id, name: "甲区二社工" });
  await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区暂停社工", agencyStatus: "SUSPENDED", isPrivate: true });
  const agB1 = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区一社工", rating: "A3", isPrivate: true });
  const agB2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区撤销社工", agencyStatus: "REVOKED", rating: "A5" });
  const agB3 = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区异常已移出社工", isPrivate: true });

  const person = (org: { id: string }, region: { id: string; path: string }, isQualified: boolean, extra = {}) =>
    makePractitioner(prisma, { organizationId: org.id, regionId: region.id, regionPath: region.path, isQualified, ...extra });
  const q1 = await person(bureau, cityRegion, true);
  const q2 = await person(school, a, true);
  const u1 = await person(school, a, false);
  const u2 = await person(hospital, aStreet, false);
  const gone = await person(hospital, aStreet, true, { status: "LEFT" });
  const ex = await person(hospital, aStreet, true);
  const homeStaff = await Promise.all([0, 1, 2, 3].map(() => person(home, b, true)));

  // City level: a department post, headcount 2, one holder (qualified).
  const deptPost = await makePost(prisma, { organizationId: bureau.id, kind: "DEPARTMENT", headcount: 2, practiceField: "CIVIL_AFFAIRS" });
  await assign(prisma, deptPost.id, q1.id);
  // 甲区: a school post at 1:500 for 1000 students → 2, filled by a qualified and an unqualified person.
  const schoolPost = await makePost(prisma, { organizationId: school.id, kind: "RATIO", ratioBasis: "STUDENTS", basisCount: 1000, ratioPerWorker: 500, practiceField: "SCHOOLS" });
  await assign(prisma, schoolPost.id, q2.id);
  await assign(prisma, schoolPost.id, u1.id);
  // 甲一街道: a hospital post at 1:100 for 250 patients → 3; one current holder; one who left the
  // city (not counted) and one whose assignment ended (history only); one starting next week.
  const hospitalPost = await makePost(prisma, { organizationId: hospital.id, kind: "RATIO", ratioBasis: "PATIENTS", basisCount: 250, ratioPerWorker: 100, practiceField: "HOSPITALS" });
  await assign(prisma, hospitalPost.id, u2.id);
  await assign(prisma, hospitalPost.id, gone.id);
  await assign(prisma, hospitalPost.id, ex.id, "2024-01-01", past(10));
  await assign(prisma, hospitalPost.id, ex.id, future(7));
  // 乙区: a welfare home at 1:50 for 120 beds → 3, over-filled with four qualified holders.
  const homePost = await makePost(prisma, { organizationId: home.id, kind: "RATIO", ratioBasis: "BEDS", basisCount: 120, ratioPerWorker: 50, practiceField: "WELFARE_INSTITUTIONS" });
  for (const s of homeStaff) await assign(prisma, homePost.id, s.id);
  // A closed post is left out.
  await makePost(prisma, { organizationId: home.id, kind: "DEPARTMENT", headcount: 5, practiceField: "DISABILITY", closedOn: past(30) });

  await makeIntegrity(prisma, agB1.id, "BLACKLIST", past(20));
  await makeIntegrity(prisma, agB1.id, "WARNING", past(200));
  await makeIntegrity(prisma, agB3.id, "ABNORMAL_LIST", "2024-01-01", past(1));
  await makeIntegrity(prisma, agA2.id, "ABNORMAL_LIST", future(3));
  await makeIntegrity(prisma, agA1.id, "COMMENDATION", past(40));

  await makeMembership(prisma, { organizationId: agA1.id });
  await makeMembership(prisma, { organizationId: agB1.id });
  await makeMembership(prisma, { organizationId: agB2.id, status: "ENDED" });
  await makeMembership(prisma, { practitionerId: q2.id });
  await makeMembership(prisma, { practitionerId: homeStaff[0]!.id, status: "SUSPENDED" });
  await makeMembership(prisma, { practitionerId: homeStaff[1]!.id });

  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const agencyUser = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agA1.id });
  return { a, aStreet, b, c, agB1, cityAdmin, officer, agencyUser };
}

beforeAll(async () => {
  w = await build();
  city = await principal(w.cityAdmin.id);
  officerA = await principal(w.officer.id);
  agencyAdmin = await principal(w.agencyUser.id);
});

const field = (d: TWorkforceDashboard, f: string) => d.posts.byField.find((x) => x.field === f)!;
const pick = (s: { required: number; filled: number; qualifiedFilled: number }) => [s.required, s.filled, s.qualifiedFilled];

describe("workforce dashboard: the city", () => {
  it("shows all nine practice fields with required, filled and filled by qualified", async () => {
    const d = await getWorkforceDashboard(city);
    expect(d.scope).toBe("city");
    expect(d.posts.byField.map((f) => f.field)).toEqual(["PARTY_MASS", "SOCIAL_ORGANIZATIONS", "SCHOOLS", "HOSPITALS", "WELFARE_INSTITUTIONS", "CIVIL_AFFAIRS", "DISABILITY", "FAMILY_PLANNING", "MIGRANTS"]);
    expect(pick(field(d, "CIVIL_AFFAIRS"))).toEqual([2, 1, 1]);
    expect(pick(field(d, "SCHOOLS"))).toEqual([2, 2, 1]);
    expect(pick(field(d, "HOSPITALS"))).toEqual([3, 1, 0]);
    // Over-filled: counted up to the requirement.
    expect(pick(field(d, "WELFARE_INSTITUTIONS"))).toEqual([3, 3, 3]);
    // The closed disability post is gone; empty fields are still listed, with nothing required.
    expect(field(d, "DISABILITY")).toMatchObject({ posts: 0, required: 0, fillRate: null });
    expect(field(d, "PARTY_MASS").posts).toBe(0);
    expect(d.posts.total).toMatchObject({ posts: 4, required: 10, filled: 7, qualifiedFilled: 5, fillRate: 0.7, qualifiedFillRate: 0.5 });
  });

  it("fill rates by kind with ratio compliance, and by district with the city level apart", async () => {
    const d = await getWorkforceDashboard(city);
    expect(d.posts.byKind.find((k) => k.kind === "DEPARTMENT")).toMatchObject({ posts: 1, required: 2, filled: 1, compliant: 0 });
    expect(d.posts.byKind.find((k) => k.kind === "RATIO")).toMatchObject({ posts: 3, required: 8, filled: 6, qualifiedFilled: 4, compliant: 2 });
    const areas = d.posts.byArea.map((x) => [x.region?.name ?? "(city)", x.required, x.filled, x.qualifiedFilled]);
    expect(areas).toEqual([
      ["甲区", 5, 3, 1],
      ["乙区", 3, 3, 3],
      ["丙区", 0, 0, 0],
      ["(city)", 2, 1, 1],
    ]);
  });

  it("agencies by status and by rating (active ones, with the unrated), private agencies, flags in force, members", async () => {
    const d = await getWorkforceDashboard(city);
    expect(d.agencies.byStatus).toEqual([
      { status: "PENDING", count: 0 },
      { status: "ACTIVE", count: 4 },
      { status: "SUSPENDED", count: 1 },
      { status: "REVOKED", count: 1 },
    ]);
    expect(d.agencies.total).toBe(6);
    expect(d.agencies.byRating).toEqual([
      { rating: "A5", count: 0 },
      { rating: "A4", count: 1 },
      { rating: "A3", count: 1 },
      { rating: "A2", count: 0 },
      { rating: "A1", count: 0 },
      { rating: "NONE", count: 2 },
    ]);
    expect(d.agencies.privateActive).toBe(3);
    // Only the blacklist in force flags: the ended abnormal-list entry and the future one do not.
    expect(d.agencies.flagged.map((f) => [f.name, f.flags, f.district?.name])).toEqual([["乙区一社工", ["BLACKLIST"], "乙区"]]);
    expect(d.members).toEqual({ agencies: 2, practitioners: 2 });
  });
});

describe("workforce dashboard: a district officer", () => {
  it("every figure is their district's: posts, areas by street, agencies, members", async () => {
    const d = await getWorkforceDashboard(officerA);
    expect(d.scope).toBe("district");
    expect(d.posts.byField).toHaveLength(9);
    expect(pick(field(d, "SCHOOLS"))).toEqual([2, 2, 1]);
    expect(pick(field(d, "HOSPITALS"))).toEqual([3, 1, 0]);
    expect(pick(field(d, "WELFARE_INSTITUTIONS"))).toEqual([0, 0, 0]);
    expect(pick(field(d, "CIVIL_AFFAIRS"))).toEqual([0, 0, 0]);
    expect(d.posts.total).toMatchObject({ posts: 2, required: 5, filled: 3, qualifiedFilled: 1 });
    expect(d.posts.byArea.map((x) => [x.region?.name ?? "(district)", x.required, x.filled])).toEqual([
      ["甲一街道", 3, 1],
      ["(district)", 2, 2],
    ]);
    expect(d.agencies.byStatus.find((s) => s.status === "ACTIVE")?.count).toBe(2);
    expect(d.agencies.byStatus.find((s) => s.status === "REVOKED")?.count).toBe(0);
    expect(d.agencies.total).toBe(3);
    expect(d.agencies.byRating.filter((r) => r.count > 0)).toEqual([
      { rating: "A4", count: 1 },
      { rating: "NONE", count: 1 },
    ]);
    expect(d.agencies.privateActive).toBe(1);
    expect(d.agencies.flagged).toEqual([]);
    expect(d.members).toEqual({ agencies: 1, practitioners: 1 });
  });

  it("an officer of a district without posts gets empty figures, not others' data", async () => {
    const officerC = await principal((await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.c.id })).id);
    const d = await getWorkforceDashboard(officerC);
    expect(d.posts.total).toMatchObject({ posts: 0, required: 0, fillRate: null });
    expect(d.posts.byField.every((f) => f.posts === 0)).toBe(true);
    expect(d.posts.byArea).toEqual([]);
    expect(d.agencies.total).toBe(0);
    expect(d.members).toEqual({ agencies: 0, practitioners: 0 });
  });

  it("a role without the permission gets nothing", async () => {
    const d = await getWorkforceDashboard(agencyAdmin);
    expect(d.posts.total.posts).toBe(0);
    expect(d.agencies.total).toBe(0);
    expect(d.members).toEqual({ agencies: 0, practitioners: 0 });
  });
});
