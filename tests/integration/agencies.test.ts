import { beforeAll, describe, expect, it } from "vitest";

import { tableCounts } from "../helpers/counts";
import { as, errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { agencyTarget, getAgency, getAgencyForEdit, getPublicAgency, listAgencies, listPublicAgencies } from "@/server/agencies/queries";
import { changeAgencyStatus, updateAgencyProfile } from "@/server/agencies/mutations";
import { addIntegrityRecord, addRating, endIntegrityRecord, updateIntegrityRecord } from "@/server/agencies/integrity-mutations";
import { integrityFlagsFor } from "@/server/agencies/integrity";
import { listOrganizations } from "@/server/organizations/queries";
import { agencyProfileInput, ZAddIntegrityRecord, ZAddRating, ZChangeAgencyStatus, ZEndIntegrityRecord, ZUpdateAgencyProfile, ZUpdateIntegrityRecord } from "@/domain/agencies/schemas";
import { parseAgencyListFilter, parsePublicAgencyFilter } from "@/domain/agencies/list-filter";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { can } from "@/domain/authz/matrix";

const DAY = 86_400_000;
const today = todayInCity();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(today.getTime() + n * DAY);

async function counts() {
  const [base, history, integrity, ratings] = await Promise.all([tableCounts(), prisma.agencyStatusChange.count(), prisma.integrityRecord.count(), prisma.agencyRating.count()]);
  return { ...base, history, integrity, ratings };
}

const org = (id: string) => prisma.organization.findUniqueOrThrow({ where: { id } });

function profileForm(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return ZUpdateAgencyProfile.parse(agencyProfileInput(fd));
}

type TWorld = Awaited<ReturnType<typeof build>>;
let w: TWorld;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: aStreet.id, name: "甲区阳光社工", creditCode: "52990100MJ00010006", contactPhone: "0571-8888001", contactEmail: "sun@example.org", serviceAreas: ["SCHOOLS"] });
  const agencyA2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区彩虹社工", isPrivate: true });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区社工", serviceAreas: ["HOSPITALS"] });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });

  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const adminA = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  const adminB = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id });
  const deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: department.id });

  // Staff of agency A: 3 active (2 qualified) and 1 who left; agency B: 1 active, not qualified.
  await makePractitioner(prisma, { organizationId: agencyA.id, isQualified: true, status: "ACTIVE" });
  await makePractitioner(prisma, { organizationId: agencyA.id, isQualified: true, status: "ACTIVE" });
  await makePractitioner(prisma, { organizationId: agencyA.id, isQualified: false, status: "ACTIVE" });
  await makePractitioner(prisma, { organizationId: agencyA.id, isQualified: true, status: "LEFT" });
  await makePractitioner(prisma, { organizationId: agencyB.id, isQualified: false, status: "ACTIVE" });
  await prisma.associationMembership.create({ data: { memberType: "AGENCY", organizationId: agencyA.id, memberNumber: "SWA-0001", joinedOn: new Date("2024-03-01") } });
  return { city, a, b, agencyA, agencyA2, agencyB, department, cityAdmin, officerA, adminA, adminB, deptOfficer };
}

beforeAll(async () => {
  w = await build();
});

describe("reading agencies: scope", () => {
  it("the city sees every agency (and only agencies); a district officer only their district's", async () => {
    const city = await as(w.cityAdmin);
    const all = await listAgencies(city, parseAgencyListFilter({}));
    expect(all.items.map((r) => r.name).sort()).toEqual(["乙区社工", "甲区彩虹社工", "甲区阳光社工"].sort());
    const officer = await as(w.officerA);
    const mine = await listAgencies(officer, parseAgencyListFilter({}));
    expect(mine.items.map((r) => r.name).sort()).toEqual(["甲区彩虹社工", "甲区阳光社工"].sort());
    // Filtering for the other district returns nothing rather than widening the scope.
    expect((await listAgencies(officer, parseAgencyListFilter({ district: w.b.id }))).items).toEqual([]);
  });

  it("list rows carry district, staff counts (qualified / total active) and association membership", async () => {
    const city = await as(w.cityAdmin);
    const rows = (await listAgencies(city, parseAgencyListFilter({}))).items;
    const a = rows.find((r) => r.id === w.agencyA.id)!;
    expect(a.district?.name).toBe("甲区");
    expect(a.staff).toEqual({ total: 3, qualified: 2 });
    expect(a.isMember).toBe(true);
    const b = rows.find((r) => r.id === w.agencyB.id)!;
    expect(b.staff).toEqual({ total: 1, qualified: 0 });
    expect(b.isMember).toBe(false);
    expect((await listAgencies(city, parseAgencyListFilter({ private: "1" }))).items.map((r) => r.id)).toEqual([w.agencyA2.id]);
  });

  it("the search finds an agency by its credit code typed in lower case, full-width or with spaces and dashes", async () => {
    const city = await as(w.cityAdmin);
    for (const q of ["52990100MJ00010006", "52990100mj00010006", "529901-00MJ 0001", "５２９９０１００ｍｊ０００１"]) {
      expect((await listAgencies(city, parseAgencyListFilter({ q }))).items.map((r) => r.id), q).toEqual([w.agencyA.id]);
    }
  });

  it("a district officer cannot read another district's agency; an agency administrator only their own", async () => {
    const officer = await as(w.officerA);
    expect(await getAgency(officer, w.agencyB.id)).toBeNull();
    expect((await getAgency(officer, w.agencyA.id))?.name).toBe("甲区阳光社工");
    // The page gate answers 403 for it: the target lies outside the officer's district.
    const targetB = await agencyTarget(w.agencyB.id);
    expect(can(officer, "agencies.read", targetB!)).toBe(false);
    expect(can(officer, "agencies.read", (await agencyTarget(w.agencyA.id))!)).toBe(true);

    const admin = await as(w.adminA);
    const own = await getAgency(admin, w.agencyA.id);
    expect(own?.staff).toEqual({ total: 3, qualified: 2 });
    expect(own?.memberships.map((m) => m.memberNumber)).toEqual(["SWA-0001"]);
    expect(own?.application).toBeNull();
    expect(await getAgency(admin, w.agencyB.id)).toBeNull();
    expect(can(admin, "agencies.read", targetB!)).toBe(false);
    expect(await getAgencyForEdit(admin, w.agencyB.id)).toBeNull();
    expect(await agencyTarget(w.department.id)).toBeNull();
    // A department officer has no agency access at all.
    const dept = await as(w.deptOfficer);
    expect(await getAgency(dept, w.agencyA.id)).toBeNull();
  });
});

describe("updateAgencyProfile", () => {
  it("the agency's administrator changes contact details and service areas; crafted particulars are ignored; audited", async () => {
    await as(w.adminA);
    const before = await org(w.agencyA.id);
    const auditBefore = await prisma.auditEvent.count({ where: { action: "agencies.updateProfile" } });
    await updateAgencyProfile(
      profileForm([
        ["id", w.agencyA.id],
        ["version", String(before.version)],
        ["contactName", "李联系"],
        ["contactPhone", "0571 1234 5678"],
        ["contactEmail", "Office@Example.org"],
        ["serviceAreas", "SCHOOLS"],
        ["serviceAreas", "DISABILITY"],
        ["targetGroups", "YOUTH"],
        // A crafted request: none of these is the administrator's to change.
        ["name", "改名了"],
        ["legalRepresentative", "冒名"],
        ["address", "别处"],
        ["foundedOn", "2001-01-01"],
        ["isPrivate", "true"],
      ]),
    );
    const after = await org(w.agencyA.id);
    // The phone is stored in its canonical form, the e-mail in lower case.
    expect(after).toMatchObject({ contactName: "李联系", contactPhone: "0571-12345678", contactEmail: "office@example.org", serviceAreas: ["SCHOOLS", "DISABILITY"], targetGroups: ["YOUTH"], version: before.version + 1 });
    expect(after).toMatchObject({ name: before.name, legalRepresentative: before.legalRepresentative, address: before.address, foundedOn: before.foundedOn, isPrivate: before.isPrivate });
    expect(await prisma.auditEvent.count({ where: { action: "agencies.updateProfile" } })).toBe(auditBefore + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "agencies.updateProfile", entityId: w.agencyA.id }, orderBy: { id: "desc" } });
    expect(Object.keys(event.after as object).sort()).toEqual(["contactEmail", "contactName", "contactPhone", "serviceAreas", "targetGroups"]);
  });

  it("an official in scope may also correct the particulars", async () => {
    await as(w.officerA);
    const before = await org(w.agencyA2.id);
    await updateAgencyProfile(profileForm([["id", w.agencyA2.id], ["version", String(before.version)], ["name", "甲区彩虹社会工作服务中心"], ["legalRepresentative", "陈法人"], ["address", "甲区一路 1 号"], ["foundedOn", "2016-05-04"], ["isPrivate", "false"], ["serviceAreas", "SCHOOLS"]]));
    const after = await org(w.agencyA2.id);
    expect(after).toMatchObject({ name: "甲区彩虹社会工作服务中心", legalRepresentative: "陈法人", address: "甲区一路 1 号", isPrivate: false });
    expect(iso(after.foundedOn!)).toBe("2016-05-04");
    // Fields the form did not send are left alone (contact details here).
    expect(after.contactPhone).toBe(before.contactPhone);
  });

  it("refuses another district's agency, another agency, and a stale version, writing nothing", async () => {
    const start = await counts();
    const successes = () => prisma.auditEvent.count({ where: { outcome: "SUCCESS" } });
    const successBefore = await successes();
    const b = await org(w.agencyB.id);
    await as(w.officerA);
    const e1 = await errorOf(updateAgencyProfile(profileForm([["id", w.agencyB.id], ["version", String(b.version)], ["contactName", "越权"], ["serviceAreas", "SCHOOLS"]])));
    expect(e1).toBeInstanceOf(DomainError);
    expect((e1 as DomainError).code).toBe("notFound");
    await as(w.adminA);
    expect(((await errorOf(updateAgencyProfile(profileForm([["id", w.agencyB.id], ["version", String(b.version)], ["contactName", "越权"], ["serviceAreas", "SCHOOLS"]])))) as DomainError).code).toBe("notFound");
    const a = await org(w.agencyA.id);
    expect(await errorOf(updateAgencyProfile(profileForm([["id", w.agencyA.id], ["version", String(a.version - 1)], ["contactName", "旧版本"], ["serviceAreas", "SCHOOLS"]])))).toBeInstanceOf(StaleEditError);
    await as(w.deptOfficer);
    expect(await errorOf(updateAgencyProfile(profileForm([["id", w.agencyA.id], ["version", String(a.version)], ["contactName", "部门"], ["serviceAreas", "SCHOOLS"]])))).toBeInstanceOf(AuthzError);
    expect((await org(w.agencyB.id)).contactName).toBe(b.contactName);
    expect((await org(w.agencyA.id)).contactName).toBe(a.contactName);
    // Only the denied access (the department officer's) was audited; no change was.
    expect(await counts()).toEqual({ ...start, audit: start.audit + 1 });
    expect(await successes()).toBe(successBefore);
  });

  it("bad input is refused by the schema before anything runs", () => {
    const fd = new FormData();
    for (const [k, v] of [["id", w.agencyA.id], ["version", "1"], ["contactPhone", "call me"], ["contactEmail", "not-an-email"], ["name", ""], ["serviceAreas", "SCHOOLS"]]) fd.append(k!, v!);
    const r = ZUpdateAgencyProfile.safeParse(agencyProfileInput(fd));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(["contactEmail", "contactPhone", "name"]);
  });
});

describe("changeAgencyStatus", () => {
  const input = async (id: string, status: string, effectiveFrom: Date, reason = "年检不合格") =>
    ZChangeAgencyStatus.parse({ id, version: String((await org(id)).version), status, effectiveFrom: iso(effectiveFrom), reason });

  it("only the city administrator may change a status", async () => {
    for (const user of [w.officerA, w.adminA]) {
      await as(user);
      expect(await errorOf(changeAgencyStatus(await input(w.agencyA2.id, "SUSPENDED", today)))).toBeInstanceOf(AuthzError);
    }
    expect((await org(w.agencyA2.id)).agencyStatus).toBe("ACTIVE");
  });

  it("suspend, reinstate, revoke: each dated, with its reason, in the history; revocation is final", async () => {
    await as(w.cityAdmin);
    const start = await counts();
    await changeAgencyStatus(await input(w.agencyA2.id, "SUSPENDED", daysFromToday(-10), "未按期年检"));
    expect(await org(w.agencyA2.id)).toMatchObject({ agencyStatus: "SUSPENDED" });
    expect(iso((await org(w.agencyA2.id)).agencyStatusSince!)).toBe(iso(daysFromToday(-10)));
    await changeAgencyStatus(await input(w.agencyA2.id, "ACTIVE", daysFromToday(-5), "已整改"));
    await changeAgencyStatus(await input(w.agencyA2.id, "REVOKED", today, "注销登记"));
    expect((await org(w.agencyA2.id)).agencyStatus).toBe("REVOKED");
    const history = await prisma.agencyStatusChange.findMany({ where: { organizationId: w.agencyA2.id }, orderBy: { effectiveFrom: "asc" } });
    expect(history.map((h) => [h.status, iso(h.effectiveFrom), h.reason, h.actorId])).toEqual([
      ["SUSPENDED", iso(daysFromToday(-10)), "未按期年检", w.cityAdmin.id],
      ["ACTIVE", iso(daysFromToday(-5)), "已整改", w.cityAdmin.id],
      ["REVOKED", iso(today), "注销登记", w.cityAdmin.id],
    ]);
    expect(await counts()).toMatchObject({ history: start.history + 3, audit: start.audit + 3 });
    const city = await as(w.cityAdmin);
    expect((await getAgency(city, w.agencyA2.id))?.agencyStatusHistory.map((h) => h.status)).toEqual(["REVOKED", "ACTIVE", "SUSPENDED"]);

    const before = await counts();
    const e = await errorOf(changeAgencyStatus(await input(w.agencyA2.id, "ACTIVE", today)));
    expect((e as DomainError).code).toBe("agencies.errors.invalidStatusTransition");
    expect(await counts()).toEqual(before);
  });

  it("refuses a date before the last change, a date in the future, and a stale version, writing nothing", async () => {
    await as(w.cityAdmin);
    // agencyB's status dates from 2024-01-01 (the factory's default).
    const before = await counts();
    const early = await errorOf(changeAgencyStatus(await input(w.agencyB.id, "SUSPENDED", new Date("2023-12-31"))));
    expect(early).toMatchObject({ code: "statusDateOrder", field: "effectiveFrom" });
    // The form's schema refuses a future date; the server refuses one that skipped it too.
    expect(ZChangeAgencyStatus.safeParse({ id: w.agencyB.id, version: "1", status: "SUSPENDED", effectiveFrom: iso(daysFromToday(1)), reason: "x" }).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    const future = await errorOf(changeAgencyStatus({ ...(await input(w.agencyB.id, "SUSPENDED", today)), effectiveFrom: daysFromToday(1) }));
    expect(future).toMatchObject({ code: "dateInFuture", field: "effectiveFrom" });
    const stale = { ...(await input(w.agencyB.id, "SUSPENDED", today)) };
    stale.version -= 1;
    expect(await errorOf(changeAgencyStatus(stale))).toBeInstanceOf(StaleEditError);
    expect(await counts()).toEqual(before);
    expect((await org(w.agencyB.id)).agencyStatus).toBe("ACTIVE");
  });
});

describe("integrity records and flags", () => {
  const record = (organizationId: string, kind: string, occurredOn: Date, endsOn: Date | null = null) =>
    ZAddIntegrityRecord.parse({ organizationId, kind, occurredOn: iso(occurredOn), source: "市民政局通报", description: "说明", endsOn: endsOn ? iso(endsOn) : "" });

  it("an agency administrator may not record integrity entries; a district officer not for another district", async () => {
    const before = await counts();
    await as(w.adminA);
    expect(await errorOf(addIntegrityRecord(record(w.agencyA.id, "COMMENDATION", today)))).toBeInstanceOf(AuthzError);
    await as(w.officerA);
    expect(((await errorOf(addIntegrityRecord(record(w.agencyB.id, "BLACKLIST", today)))) as DomainError).code).toBe("notFound");
    expect(((await errorOf(addRating(ZAddRating.parse({ organizationId: w.agencyB.id, rating: "A5", ratedOn: iso(today) })))) as DomainError).code).toBe("notFound");
    expect({ ...(await counts()), audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  it("blacklist and abnormal-list entries flag the agency while in force; warnings, ended and future entries do not", async () => {
    await as(w.officerA);
    const start = await counts();
    await addIntegrityRecord(record(w.agencyA.id, "WARNING", daysFromToday(-3)));
    await addIntegrityRecord(record(w.agencyA.id, "ABNORMAL_LIST", daysFromToday(-400), daysFromToday(-30))); // ended
    await addIntegrityRecord(record(w.agencyA.id, "BLACKLIST", daysFromToday(5))); // not yet
    expect(await counts()).toMatchObject({ integrity: start.integrity + 3, audit: start.audit + 3 });
    expect((await integrityFlagsFor([w.agencyA.id], today)).get(w.agencyA.id)).toBeUndefined();
    expect((await integrityFlagsFor([w.agencyA.id], daysFromToday(5))).get(w.agencyA.id)).toEqual(["BLACKLIST"]);
    expect((await integrityFlagsFor([w.agencyA.id], daysFromToday(-31))).get(w.agencyA.id)).toEqual(["ABNORMAL_LIST"]);

    const { id } = await addIntegrityRecord(record(w.agencyA.id, "ABNORMAL_LIST", daysFromToday(-1)));
    expect((await integrityFlagsFor([w.agencyA.id, w.agencyB.id], today)).get(w.agencyA.id)).toEqual(["ABNORMAL_LIST"]);

    // Flagged wherever listed: officials' list (and its filter), the organisation directory, the public directory.
    const officer = await as(w.officerA);
    const flagged = await listAgencies(officer, parseAgencyListFilter({ flagged: "1" }));
    expect(flagged.items.map((r) => [r.id, r.flags])).toEqual([[w.agencyA.id, ["ABNORMAL_LIST"]]]);
    const orgs = await listOrganizations(officer, { page: 1 });
    expect(orgs.items.find((o) => o.id === w.agencyA.id)?.flags).toEqual(["ABNORMAL_LIST"]);
    expect((await listPublicAgencies(parsePublicAgencyFilter({}))).items.find((r) => r.id === w.agencyA.id)?.flags).toEqual(["ABNORMAL_LIST"]);
    expect((await getAgency(officer, w.agencyA.id))?.flags).toEqual(["ABNORMAL_LIST"]);

    // Ending it (from today) lifts the flag today.
    const rec = await prisma.integrityRecord.findUniqueOrThrow({ where: { id } });
    await endIntegrityRecord(ZEndIntegrityRecord.parse({ id, version: String(rec.version), endsOn: iso(today) }));
    expect((await integrityFlagsFor([w.agencyA.id], today)).get(w.agencyA.id)).toBeUndefined();
    expect((await listAgencies(officer, parseAgencyListFilter({ flagged: "1" }))).items).toEqual([]);
    // An ended record cannot be ended again.
    const ended = await prisma.integrityRecord.findUniqueOrThrow({ where: { id } });
    expect(((await errorOf(endIntegrityRecord(ZEndIntegrityRecord.parse({ id, version: String(ended.version), endsOn: iso(today) })))) as DomainError).code).toBe("agencies.errors.alreadyEnded");
  });

  it("edits with a version check; an end date before the record's date writes nothing", async () => {
    await as(w.cityAdmin);
    const { id } = await addIntegrityRecord(record(w.agencyB.id, "VIOLATION", daysFromToday(-20)));
    const rec = await prisma.integrityRecord.findUniqueOrThrow({ where: { id } });
    const edit = (version: number, overrides: Record<string, string> = {}) =>
      ZUpdateIntegrityRecord.parse({ id, version: String(version), kind: "BLACKLIST", occurredOn: iso(daysFromToday(-20)), source: "市信用办", description: "严重失信", endsOn: "", ...overrides });
    await updateIntegrityRecord(edit(rec.version));
    expect(await prisma.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: "BLACKLIST", source: "市信用办", version: rec.version + 1 });
    expect((await integrityFlagsFor([w.agencyB.id], today)).get(w.agencyB.id)).toEqual(["BLACKLIST"]);
    const before = await counts();
    expect(await errorOf(updateIntegrityRecord(edit(rec.version, { source: "旧版" })))).toBeInstanceOf(StaleEditError);
    const bad = await errorOf(endIntegrityRecord(ZEndIntegrityRecord.parse({ id, version: String(rec.version + 1), endsOn: iso(daysFromToday(-21)) })));
    expect(bad).toMatchObject({ code: "agencies.validation.endsBeforeOccurred", field: "endsOn" });
    expect(ZUpdateIntegrityRecord.safeParse({ ...edit(rec.version + 1), occurredOn: iso(today), endsOn: iso(daysFromToday(-1)), version: "9" }).success).toBe(false);
    expect(await counts()).toEqual(before);
    expect((await prisma.integrityRecord.findUniqueOrThrow({ where: { id } })).source).toBe("市信用办");
    // The district officer of another district cannot edit or end it.
    await as(w.officerA);
    expect(((await errorOf(updateIntegrityRecord(edit(rec.version + 1, { source: "越权" })))) as DomainError).code).toBe("notFound");
    expect(((await errorOf(endIntegrityRecord(ZEndIntegrityRecord.parse({ id, version: String(rec.version + 1), endsOn: iso(today) })))) as DomainError).code).toBe("notFound");
    // The agency administrator reads their own integrity records, never another's.
    const adminB = await as(w.adminB);
    expect((await getAgency(adminB, w.agencyB.id))?.integrityRecords?.map((r) => r.kind)).toContain("BLACKLIST");
  });
});

describe("ratings", () => {
  it("the agency's rating is always the latest by rating date, recomputed in the same transaction", async () => {
    await as(w.officerA);
    const rate = (rating: string, ratedOn: string) => addRating(ZAddRating.parse({ organizationId: w.agencyA.id, rating, ratedOn, source: "市社会组织评估中心" }));
    await rate("A3", "2024-05-01");
    expect(await org(w.agencyA.id)).toMatchObject({ rating: "A3" });
    await rate("A5", "2023-01-01"); // older: does not replace the current rating
    expect(await org(w.agencyA.id)).toMatchObject({ rating: "A3" });
    expect(iso((await org(w.agencyA.id)).ratingDate!)).toBe("2024-05-01");
    await rate("A4", "2025-06-30");
    expect(await org(w.agencyA.id)).toMatchObject({ rating: "A4" });
    expect(iso((await org(w.agencyA.id)).ratingDate!)).toBe("2025-06-30");
    const officer = await as(w.officerA);
    expect((await getAgency(officer, w.agencyA.id))?.ratings.map((r) => r.rating)).toEqual(["A4", "A3", "A5"]);
    expect((await listAgencies(officer, parseAgencyListFilter({ rating: "A4" }))).items.map((r) => r.id)).toEqual([w.agencyA.id]);
    expect(await prisma.auditEvent.count({ where: { action: "integrity.addRating", entityId: w.agencyA.id } })).toBe(3);
  });
});

describe("public directory", () => {
  it("lists active agencies only, with public facts; a suspended or revoked agency is not there", async () => {
    const page = await listPublicAgencies(parsePublicAgencyFilter({}));
    const ids = page.items.map((r) => r.id);
    expect(ids).toContain(w.agencyA.id);
    expect(ids).not.toContain(w.agencyA2.id); // revoked above
    const a = page.items.find((r) => r.id === w.agencyA.id)!;
    expect(a.staff).toEqual({ total: 3, qualified: 2 });
    expect(Object.keys(a)).not.toContain("contactEmail");
    expect(Object.keys(a)).not.toContain("contactName");
    expect((await listPublicAgencies(parsePublicAgencyFilter({ field: "HOSPITALS" }))).items.map((r) => r.id)).toEqual([w.agencyB.id]);
    expect((await listPublicAgencies(parsePublicAgencyFilter({ district: w.b.id }))).items.map((r) => r.id)).toEqual([w.agencyB.id]);
    const detail = await getPublicAgency(w.agencyA.id);
    expect(detail).toMatchObject({ name: "甲区阳光社工", contactPhone: "0571-12345678" });
    expect(Object.keys(detail!)).not.toContain("contactEmail");
    expect(Object.keys(detail!)).not.toContain("legalRepresentative");
    expect(await getPublicAgency(w.agencyA2.id)).toBeNull();
    expect(await getPublicAgency(w.department.id)).toBeNull();
  });
});
