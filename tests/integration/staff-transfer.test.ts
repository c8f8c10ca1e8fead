import { beforeAll, describe, expect, it } from "vitest";

import { practitionerInput } from "../helpers/practitioners";
import { as, errorOf } from "../helpers/integration";
import { validIdNumber } from "@/server/seed/id-numbers";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { createPractitioner, updatePractitioner } from "@/server/practitioners/mutations";
import { getPractitioner, listPractitioners } from "@/server/practitioners/queries";
import { recordLeaving } from "@/server/staff/mutations";
import { employmentHistory, formerStaff } from "@/server/staff/queries";
import { parseListFilter } from "@/domain/practitioners/list-filter";
import { ZCreatePractitioner, ZUpdatePractitioner } from "@/domain/practitioners/schemas";
import { ZRecordLeaving } from "@/domain/staff/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

async function counts() {
  const [employments, audit, practitioners] = await Promise.all([prisma.employmentRecord.count(), prisma.auditEvent.count({ where: { outcome: "SUCCESS" } }), prisma.practitioner.findMany({ orderBy: { id: "asc" } })]);
  return { employments, audit, practitioners };
}

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区阳光社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区社工" });
  const suspended = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "暂停社工", agencyStatus: "SUSPENDED" });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });
  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const adminA = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  const adminB = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id });
  const deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: department.id });
  return { city, a, b, agencyA, agencyB, suspended, department, cityAdmin, officerA, adminA, adminB, deptOfficer };
}

beforeAll(async () => {
  w = await build();
});

/** A new staff member of agency A (hired 2024-03-01), registered by its administrator. */
async function hireInA(name: string, overrides: Record<string, unknown> = {}) {
  await as(w.adminA);
  return (await createPractitioner(ZCreatePractitioner.parse(practitionerInput({ name, idNumber: validIdNumber(), organizationId: w.agencyA.id, ...overrides }))))!.id;
}

const leaving = (id: string, version: number, input: Record<string, unknown>) => ZRecordLeaving.parse({ id, version: String(version), note: "", ...input });
const versionOf = async (id: string) => (await prisma.practitioner.findUniqueOrThrow({ where: { id } })).version;

describe("employment history follows the register's own mutations", () => {
  it("registering a practitioner opens an employment record at the employer from the hire date", async () => {
    const id = await hireInA("开档");
    const records = await prisma.employmentRecord.findMany({ where: { practitionerId: id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ organizationId: w.agencyA.id, to: null, endReason: null });
    expect(iso(records[0]!.from)).toBe("2024-03-01");
  });

  it("without a hire date the record opens on the entry date", async () => {
    const id = await hireInA("无入职日", { hireDate: "", entryDate: "2023-05-06" });
    expect(iso((await prisma.employmentRecord.findFirstOrThrow({ where: { practitionerId: id } })).from)).toBe("2023-05-06");
  });

  it("an official changing the employer in the profile closes the old record and opens one at the new employer", async () => {
    const id = await hireInA("改单位");
    await as(w.cityAdmin);
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id } });
    await updatePractitioner(
      ZUpdatePractitioner.parse({
        id,
        version: String(p.version),
        name: p.name,
        idNumber: "",
        degree: p.degree,
        professionalTitle: p.professionalTitle,
        organizationId: w.agencyB.id,
        hireDate: "2025-02-01",
        practiceFields: p.practiceFields,
        targetGroups: p.targetGroups,
        awards: [],
      }),
    );
    const records = await prisma.employmentRecord.findMany({ where: { practitionerId: id }, orderBy: { from: "asc" } });
    expect(records.map((r) => [r.organizationId, iso(r.from), iso(r.to), r.endReason])).toEqual([
      [w.agencyA.id, "2024-03-01", "2025-02-01", "MOVED"],
      [w.agencyB.id, "2025-02-01", null, null],
    ]);
  });
});

describe("record leaving / moving", () => {
  it("a move keeps the history on both sides, and scope follows the person", async () => {
    const id = await hireInA("调动者");
    const before = await counts();
    const adminA = await as(w.adminA);
    const result = await recordLeaving(leaving(id, await versionOf(id), { kind: "MOVED", date: "2025-06-01", toOrganizationId: w.agencyB.id, note: "工作调动" }));
    expect(result).toEqual({ id, organizationId: w.agencyB.id });

    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id } });
    const bRegion = await prisma.region.findUniqueOrThrow({ where: { id: w.b.id } });
    expect(p).toMatchObject({ organizationId: w.agencyB.id, regionId: w.b.id, regionPath: bRegion.path, status: "ACTIVE" });
    expect(iso(p.hireDate)).toBe("2025-06-01");
    const records = await prisma.employmentRecord.findMany({ where: { practitionerId: id }, orderBy: { from: "asc" } });
    expect(records.map((r) => [r.organizationId, iso(r.from), iso(r.to), r.endReason, r.note])).toEqual([
      [w.agencyA.id, "2024-03-01", "2025-06-01", "MOVED", "工作调动"],
      [w.agencyB.id, "2025-06-01", null, null, null],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "staff.transfer", entityId: id } });
    expect(audit.actorId).toBe(adminA.id);
    expect(audit.after).toMatchObject({ organizationId: w.agencyB.id, employmentEnd: "MOVED" });
    expect((await counts()).employments).toBe(before.employments + 1);

    // The old agency: gone from its register and its reach, listed among former staff with where they went.
    expect((await listPractitioners(adminA, parseListFilter({}))).items.map((i) => i.id)).not.toContain(id);
    expect(await getPractitioner(adminA, id)).toBeNull();
    expect(await employmentHistory(adminA, id)).toBeNull();
    const former = await formerStaff(adminA, 1);
    const row = former.items.find((r) => r.name === "调动者");
    expect(row).toMatchObject({ endReason: "MOVED", practitionerId: null, note: "工作调动" });
    expect(row!.movedTo?.id).toBe(w.agencyB.id);
    expect(iso(row!.to)).toBe("2025-06-01");
    // …and cannot act on them any more.
    expect(await errorOf(recordLeaving(leaving(id, p.version, { kind: "LEFT", date: "2025-07-01" })))).toMatchObject({ code: "notFound" });

    // The new agency sees them, with the whole history.
    const adminB = await as(w.adminB);
    expect((await listPractitioners(adminB, parseListFilter({}))).items.map((i) => i.id)).toContain(id);
    const history = await employmentHistory(adminB, id);
    expect(history!.employments.map((e) => e.organization.id)).toEqual([w.agencyB.id, w.agencyA.id]);
    expect((await formerStaff(adminB, 1)).items.find((r) => r.name === "调动者")).toBeUndefined();
    // The city sees the former-staff row with a link.
    const city = await as(w.cityAdmin);
    expect((await formerStaff(city, 1)).items.find((r) => r.name === "调动者")?.practitionerId).toBe(id);
  });

  it("leaving ends the employment without an employer; status, counting and district stay", async () => {
    const id = await hireInA("离职者");
    const beforeP = await prisma.practitioner.findUniqueOrThrow({ where: { id } });
    // They hold a post (since before leaving) and were due to start another one later.
    const post = { kind: "RATIO" as const, title: "福利院社工岗", organizationId: w.agencyA.id, regionId: w.a.id, regionPath: w.a.path, practiceField: "WELFARE_INSTITUTIONS" as const, requiredHeadcount: 2 };
    const held = await prisma.postAssignment.create({ data: { post: { create: post }, practitioner: { connect: { id } }, from: new Date("2025-03-01T00:00:00Z") } });
    const due = await prisma.postAssignment.create({ data: { post: { create: { ...post, title: "学校社工岗" } }, practitioner: { connect: { id } }, from: new Date("2025-07-01T00:00:00Z") } });
    await as(w.adminA);
    await recordLeaving(leaving(id, beforeP.version, { kind: "LEFT", date: "2025-05-01", note: "个人原因" }));
    expect(iso((await prisma.postAssignment.findUniqueOrThrow({ where: { id: held.id } })).to)).toBe("2025-05-01");
    expect(iso((await prisma.postAssignment.findUniqueOrThrow({ where: { id: due.id } })).to)).toBe("2025-07-01");
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ organizationId: null, regionId: beforeP.regionId, regionPath: beforeP.regionPath, status: "ACTIVE", isQualified: beforeP.isQualified, version: beforeP.version + 1 });
    const records = await prisma.employmentRecord.findMany({ where: { practitionerId: id } });
    expect(records.map((r) => [r.organizationId, iso(r.to), r.endReason, r.note])).toEqual([[w.agencyA.id, "2025-05-01", "LEFT", "个人原因"]]);

    const adminA = await as(w.adminA);
    expect(await getPractitioner(adminA, id)).toBeNull();
    expect((await formerStaff(adminA, 1, "LEFT")).items.map((r) => r.name)).toContain("离职者");
    expect((await formerStaff(adminA, 1, "MOVED")).items.map((r) => r.name)).not.toContain("离职者");
    // The district still has them (their region is the last employer's), without an employer.
    const officer = await as(w.officerA);
    expect(await getPractitioner(officer, id)).not.toBeNull();
    expect((await employmentHistory(officer, id))!.employments).toHaveLength(1);
    // Nobody can record a second departure from no employer.
    expect(await errorOf(recordLeaving(leaving(id, p.version, { kind: "LEFT", date: "2025-06-01" })))).toMatchObject({ code: "staff.transfer.errors.noEmployer" });
  });

  it("refuses bad dates, inactive or same targets and stale versions, writing nothing", async () => {
    const id = await hireInA("校验者");
    const version = await versionOf(id);
    await as(w.adminA);
    const before = await counts();
    const tomorrow = new Date(todayInCity().getTime() + 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, unknown][] = [
      [{ kind: "LEFT", date: "2024-03-01" }, { code: "staff.transfer.validation.beforeStart", field: "date" }],
      [{ kind: "LEFT", date: "2020-01-01" }, { code: "staff.transfer.validation.beforeStart", field: "date" }],
      [{ kind: "MOVED", date: "2025-01-01", toOrganizationId: w.suspended.id }, { code: "staff.transfer.validation.targetNotActive", field: "toOrganizationId" }],
      [{ kind: "MOVED", date: "2025-01-01", toOrganizationId: w.department.id }, { code: "staff.transfer.validation.targetNotActive", field: "toOrganizationId" }],
      [{ kind: "MOVED", date: "2025-01-01", toOrganizationId: w.agencyA.id }, { code: "staff.transfer.validation.sameAgency", field: "toOrganizationId" }],
    ];
    for (const [input, expected] of cases) {
      const error = await errorOf(recordLeaving(leaving(id, version, input)));
      expect(error, JSON.stringify(input)).toBeInstanceOf(DomainError);
      expect(error, JSON.stringify(input)).toMatchObject(expected as object);
    }
    // A day in the future: the form's schema refuses it, and the server refuses one that skipped it.
    expect(ZRecordLeaving.safeParse({ id, version: String(version), kind: "LEFT", date: tomorrow }).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    expect(await errorOf(recordLeaving({ ...leaving(id, version, { kind: "LEFT", date: "2025-01-01" }), date: new Date(`${tomorrow}T00:00:00Z`) }))).toMatchObject({ code: "dateInFuture", field: "date" });
    expect(await errorOf(recordLeaving(leaving(id, version + 1, { kind: "LEFT", date: "2025-01-01" })))).toBeInstanceOf(StaleEditError);
    expect(await counts()).toEqual(before);
    // The form's schema: a move needs a target, a date is required.
    expect(ZRecordLeaving.safeParse({ id, version: "1", kind: "MOVED", date: "2025-01-01" }).error?.issues[0]).toMatchObject({ path: ["toOrganizationId"], message: "required" });
    expect(ZRecordLeaving.safeParse({ id, version: "1", kind: "LEFT", date: "" }).error?.issues[0]).toMatchObject({ path: ["date"], message: "required" });
  });

  it("only roles holding staff.transfer, and only within their scope", async () => {
    const id = await hireInA("范围");
    const version = await versionOf(id);
    await as(w.deptOfficer);
    expect(await errorOf(recordLeaving(leaving(id, version, { kind: "LEFT", date: "2025-01-01" })))).toBeInstanceOf(AuthzError);
    await as(w.adminB);
    expect(await errorOf(recordLeaving(leaving(id, version, { kind: "LEFT", date: "2025-01-01" })))).toMatchObject({ code: "notFound" });
    // A district officer may move staff of their district to an agency elsewhere in the city.
    await as(w.officerA);
    await recordLeaving(leaving(id, version, { kind: "MOVED", date: "2025-01-01", toOrganizationId: w.agencyB.id }));
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id } })).organizationId).toBe(w.agencyB.id);
  });
});
