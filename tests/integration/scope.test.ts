import { beforeAll, describe, expect, it } from "vitest";

import { actAs } from "../helpers/fake-auth";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { authorize, getCurrentUser, type TCurrentUser } from "@/server/auth/session";
import { districtOptions, listOrganizations, scopeSummary } from "@/server/organizations/queries";
import { getUserForEdit, listUsers, scopeOptions } from "@/server/accounts/queries";
import { auditFacets, listAuditEvents } from "@/server/audit/queries";
import { listOutbox } from "@/server/notifications/queries";
import { ROLES, type TRole } from "@/domain/authz/matrix";

type TWorld = Awaited<ReturnType<typeof build>>;
let w: TWorld;
const as: Partial<Record<string, TCurrentUser>> = {};

async function principal(user: { id: string; sessionVersion: number }): Promise<TCurrentUser> {
  actAs(user);
  const me = await getCurrentUser();
  if (!me) throw new Error("test user could not sign in");
  return me;
}

/** A district with an id chosen by the test, to set the "/d1/" vs "/d10/" prefix trap. */
async function districtWithId(id: string, city: { id: string; path: string }) {
  return prisma.region.create({ data: { id, code: `code-${id}`, level: "DISTRICT", name: `区${id}`, parentId: city.id, path: `${city.path}${id}/` }, select: { id: true, path: true } });
}

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a });
  const aCommunity = await makeRegion(prisma, { level: "COMMUNITY", parent: aStreet });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区" });
  const bStreet = await makeRegion(prisma, { level: "STREET", parent: b });
  const d1 = await districtWithId("d1", city);
  const d10 = await districtWithId("d10", city);

  const org = (kind: Parameters<typeof makeOrganization>[1]["kind"], regionId: string, name: string) => makeOrganization(prisma, { kind, regionId, name });
  const orgs = {
    cityDept: await org("GOVERNMENT_DEPARTMENT", city.id, "市教育局"),
    cityEval: await org("EVALUATION_BODY", city.id, "市评估中心"),
    cityTraining: await org("TRAINING_PROVIDER", city.id, "市社工培训中心"),
    aAgency: await org("AGENCY", a.id, "甲区阳光社工"),
    aSchool: await org("SCHOOL", aStreet.id, "甲区街道小学"),
    aCommunity: await org("COMMUNITY", aCommunity.id, "甲区某社区"),
    aDept: await org("GOVERNMENT_DEPARTMENT", a.id, "甲区民政局"),
    bAgency: await org("AGENCY", b.id, "乙区彩虹社工"),
    bHospital: await org("HOSPITAL", bStreet.id, "乙区医院"),
    d1Agency: await org("AGENCY", d1.id, "一区社工"),
    d10Agency: await org("AGENCY", d10.id, "十区社工"),
  };
  // The city education bureau supervises the district's school (主管部门); 甲区民政局 supervises nothing here.
  await prisma.organization.update({ where: { id: orgs.aSchool.id }, data: { supervisingDepartmentId: orgs.cityDept.id } });
  const practitioner = await makePractitioner(prisma, { organizationId: orgs.aAgency.id });
  const users = {
    CITY_ADMIN: await makeUser(prisma, { role: "CITY_ADMIN" }),
    DISTRICT_OFFICER: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id }),
    DEPARTMENT_OFFICER: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: orgs.cityDept.id }),
    AGENCY_ADMIN: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: orgs.aAgency.id }),
    PRACTITIONER: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: practitioner.id }),
    EVALUATOR: await makeUser(prisma, { role: "EVALUATOR", organizationId: orgs.cityEval.id }),
    TRAINING_PROVIDER: await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: orgs.cityTraining.id }),
    EXPERT: await makeUser(prisma, { role: "EXPERT" }),
  } satisfies Record<TRole, unknown>;
  const d1Officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: d1.id });
  const bOfficer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: b.id });

  // Something for the city-only lists to hold.
  await prisma.outboxEmail.create({ data: { to: "someone@example.cn", subject: "s", body: "secret link https://x/set-password?token=abc", status: "STORED" } });
  return { city, a, aStreet, b, d1, d10, orgs, users, d1Officer, bOfficer };
}

beforeAll(async () => {
  w = await build();
  for (const role of ROLES) as[role] = await principal(w.users[role]);
  as.d1Officer = await principal(w.d1Officer);
  as.bOfficer = await principal(w.bOfficer);
  // A denied attempt, so the audit log is not empty.
  actAs(w.users.DISTRICT_OFFICER);
  await authorize("users.read").catch(() => undefined);
});

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const orgIds = (...keys: (keyof TWorld["orgs"])[]) => keys.map((k) => w.orgs[k].id).sort();
const allOrgIds = () => Object.values(w.orgs).map((o) => o.id).sort();

describe("listOrganizations is limited to the caller's scope", () => {
  it("city administrator: everything, and the district filter narrows it", async () => {
    const all = await listOrganizations(as.CITY_ADMIN!, { page: 1 });
    expect(ids(all)).toEqual(allOrgIds());
    expect(all.total).toBe(allOrgIds().length);
    expect(ids(await listOrganizations(as.CITY_ADMIN!, { page: 1, district: w.b.id }))).toEqual(orgIds("bAgency", "bHospital"));
  });

  it("district officer: only the district's organisations, down to streets and communities", async () => {
    const page = await listOrganizations(as.DISTRICT_OFFICER!, { page: 1 });
    expect(ids(page)).toEqual(orgIds("aAgency", "aSchool", "aCommunity", "aDept"));
    expect(page.total).toBe(4);
    expect(ids(await listOrganizations(as.DISTRICT_OFFICER!, { page: 1, district: w.a.id }))).toEqual(orgIds("aAgency", "aSchool", "aCommunity", "aDept"));
  });

  it("district officer: filtering by another district returns nothing, never that district's rows", async () => {
    for (const district of [w.b.id, w.city.id, w.d1.id, "%", "_", ""]) {
      const page = await listOrganizations(as.DISTRICT_OFFICER!, { page: 1, district });
      for (const id of ids(page)) expect(orgIds("aAgency", "aSchool", "aCommunity", "aDept")).toContain(id);
    }
    expect((await listOrganizations(as.DISTRICT_OFFICER!, { page: 1, district: w.b.id })).total).toBe(0);
    // Searching by another district's organisation name or kind does not reach it either.
    expect((await listOrganizations(as.DISTRICT_OFFICER!, { page: 1, q: "乙区" })).total).toBe(0);
    expect((await listOrganizations(as.DISTRICT_OFFICER!, { page: 1, kind: "HOSPITAL" })).total).toBe(0);
  });

  it('district "/d1/" does not see district "/d10/"', async () => {
    expect(ids(await listOrganizations(as.d1Officer!, { page: 1 }))).toEqual(orgIds("d1Agency"));
    expect((await listOrganizations(as.d1Officer!, { page: 1, district: w.d10.id })).total).toBe(0);
    expect((await districtOptions(as.d1Officer!)).map((d) => d.id)).toEqual([w.d1.id]);
  });

  it("agency administrator: only its own agency", async () => {
    expect(ids(await listOrganizations(as.AGENCY_ADMIN!, { page: 1 }))).toEqual(orgIds("aAgency"));
    expect((await listOrganizations(as.AGENCY_ADMIN!, { page: 1, district: w.b.id })).total).toBe(0);
    expect((await listOrganizations(as.AGENCY_ADMIN!, { page: 1, q: "彩虹" })).total).toBe(0);
  });

  it("department officer: their department and the organisations it supervises; evaluator: only their own organisation", async () => {
    expect(ids(await listOrganizations(as.DEPARTMENT_OFFICER!, { page: 1 }))).toEqual(orgIds("cityDept", "aSchool"));
    // Filters narrow inside the scope and never reach past it.
    expect(ids(await listOrganizations(as.DEPARTMENT_OFFICER!, { page: 1, kind: "SCHOOL" }))).toEqual(orgIds("aSchool"));
    expect((await listOrganizations(as.DEPARTMENT_OFFICER!, { page: 1, kind: "HOSPITAL" })).total).toBe(0);
    expect(await scopeSummary(as.DEPARTMENT_OFFICER!)).toMatchObject({ organizations: 2, agencies: 0 });
    expect(ids(await listOrganizations(as.EVALUATOR!, { page: 1 }))).toEqual(orgIds("cityEval"));
  });

  it("a department officer without an organisation sees nothing, not every supervised organisation", async () => {
    const unbound: TCurrentUser = { ...as.DEPARTMENT_OFFICER!, organizationId: null };
    expect((await listOrganizations(unbound, { page: 1 })).total).toBe(0);
  });

  it("practitioner: nothing at all", async () => {
    const page = await listOrganizations(as.PRACTITIONER!, { page: 1 });
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
    expect((await listOrganizations(as.PRACTITIONER!, { page: 1, district: w.a.id })).total).toBe(0);
  });

  it("a district officer whose district is missing sees nothing rather than everything", async () => {
    const orphan: TCurrentUser = { ...as.DISTRICT_OFFICER!, regionPath: null, regionId: null };
    expect((await listOrganizations(orphan, { page: 1 })).total).toBe(0);
    const unbound: TCurrentUser = { ...as.AGENCY_ADMIN!, organizationId: null };
    expect((await listOrganizations(unbound, { page: 1 })).total).toBe(0);
  });
});

describe("districts and the home-page summary follow the same scope", () => {
  it("districtOptions", async () => {
    expect((await districtOptions(as.CITY_ADMIN!)).map((d) => d.id).sort()).toEqual([w.a.id, w.b.id, w.d1.id, w.d10.id].sort());
    expect((await districtOptions(as.DISTRICT_OFFICER!)).map((d) => d.id)).toEqual([w.a.id]);
    expect((await districtOptions(as.bOfficer!)).map((d) => d.id)).toEqual([w.b.id]);
    for (const role of ["DEPARTMENT_OFFICER", "AGENCY_ADMIN", "PRACTITIONER", "EVALUATOR"] as const) expect(await districtOptions(as[role]!), role).toEqual([]);
  });

  it("scopeSummary", async () => {
    expect(await scopeSummary(as.DISTRICT_OFFICER!)).toMatchObject({ organizations: 4, agencies: 1, streets: 1, communities: 1, users: null });
    expect(await scopeSummary(as.AGENCY_ADMIN!)).toMatchObject({ organizations: 1, agencies: 1, streets: null, communities: null, users: null });
    expect(await scopeSummary(as.PRACTITIONER!)).toEqual({ organizations: null, agencies: null, streets: null, communities: null, users: null, byKind: [] });
    const city = await scopeSummary(as.CITY_ADMIN!);
    expect(city.organizations).toBe(allOrgIds().length);
    expect(city.users).toBe(await prisma.user.count());
  });
});

describe("city-only lists return nothing to anyone else", () => {
  const others = ["DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "AGENCY_ADMIN", "PRACTITIONER", "EVALUATOR"] as const;

  it("listUsers", async () => {
    const city = await listUsers(as.CITY_ADMIN!, { page: 1 });
    expect(city.total).toBe(await prisma.user.count());
    expect(city.items.length).toBeGreaterThan(0);
    for (const item of city.items) expect(item).not.toHaveProperty("passwordHash");
    for (const role of others) {
      const page = await listUsers(as[role]!, { page: 1 });
      expect(page.items, role).toEqual([]);
      expect(page.total, role).toBe(0);
    }
  });

  it("getUserForEdit and scopeOptions", async () => {
    const edit = await getUserForEdit(as.CITY_ADMIN!, w.users.AGENCY_ADMIN.id);
    expect(edit).toMatchObject({ id: w.users.AGENCY_ADMIN.id, hasPassword: true });
    expect(edit).not.toHaveProperty("passwordHash");
    for (const role of others) {
      // Not even their own row through the administration screen.
      expect(await getUserForEdit(as[role]!, w.users[role].id), role).toBeNull();
      expect(await scopeOptions(as[role]!), role).toEqual({ districts: [], departments: [], agencies: [], evaluationBodies: [], trainingProviders: [], practitioners: [] });
    }
  });

  it("listAuditEvents and auditFacets", async () => {
    const city = await listAuditEvents(as.CITY_ADMIN!, { page: 1 });
    expect(city.total).toBeGreaterThan(0);
    expect((await auditFacets(as.CITY_ADMIN!)).actions).toContain("users.read");
    for (const role of others) {
      const page = await listAuditEvents(as[role]!, { page: 1 });
      expect(page.items, role).toEqual([]);
      expect(page.total, role).toBe(0);
      expect(await auditFacets(as[role]!), role).toEqual({ entities: [], actions: [] });
    }
  });

  it("listOutbox", async () => {
    expect((await listOutbox(as.CITY_ADMIN!, { page: 1 })).total).toBe(1);
    for (const role of others) {
      const page = await listOutbox(as[role]!, { page: 1 });
      expect(page.items, role).toEqual([]);
      expect(page.total, role).toBe(0);
    }
  });
});
