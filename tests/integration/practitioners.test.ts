import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { tableCounts } from "../helpers/counts";
import { practitionerInput } from "../helpers/practitioners";
import { as, errorOf } from "../helpers/integration";
import { validIdNumber } from "@/server/seed/id-numbers";
import { prisma } from "@/server/db";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { isoFromToday, makeCredential } from "@/server/seed/credential-factories";
import { AuthzError } from "@/server/auth/session";
import { revealAlerts } from "@/server/audit/queries";
import { REVEALS_PER_HOUR } from "@/domain/practitioners/errors";
import { changePractitionerStatus, createPractitioner, revealIdNumber, updateOwnContact, updatePractitioner } from "@/server/practitioners/mutations";
import { getPractitioner, getPractitionerForEdit, listPractitioners } from "@/server/practitioners/queries";
import { exportPractitioners } from "@/server/practitioners/export";
import { parseListFilter } from "@/domain/practitioners/list-filter";
import { ZChangeStatus, ZCreatePractitioner, ZUpdateContact, ZUpdatePractitioner } from "@/domain/practitioners/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { decryptIdNumber } from "@/lib/id-crypto";
import { env } from "@/env";

const filter = (params: Record<string, string> = {}) => parseListFilter(params);

async function counts() {
  const [base, awards, history, periods] = await Promise.all([tableCounts(), prisma.award.count(), prisma.practitionerStatusChange.count(), prisma.qualifiedPeriod.count()]);
  return { ...base, awards, history, periods };
}

type TWorld = Awaited<ReturnType<typeof build>>;
let w: TWorld;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: aStreet.id, name: "甲区阳光社工" });
  const agencyA2 = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区彩虹社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区社工" });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });

  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const adminA = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  const adminB = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id });
  const deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: department.id });

  // Practitioners are registered through the real mutation.
  await as(cityAdmin);
  const create = async (overrides: Record<string, unknown>) => (await createPractitioner(ZCreatePractitioner.parse(practitionerInput(overrides))))!.id;
  const inA = await create({ name: "张甲一", organizationId: agencyA.id, phone: "13900000001" });
  const inA2 = await create({ name: "李甲二", organizationId: agencyA2.id, practiceFields: ["SCHOOLS"], entryPath: "CULTIVATED" });
  const inB = await create({ name: "王乙一", organizationId: agencyB.id });
  const inDept = await create({ name: "赵教育", organizationId: department.id, employmentType: "CIVIL_SERVANT" });
  const workerUser = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: inA });
  return { city, a, b, agencyA, agencyA2, agencyB, department, cityAdmin, officerA, adminA, adminB, deptOfficer, workerUser, inA, inA2, inB, inDept };
}

beforeAll(async () => {
  w = await build();
});

async function editInput(id: string, overrides: Record<string, unknown> = {}) {
  const p = await prisma.practitioner.findUniqueOrThrow({ where: { id }, include: { awards: true } });
  return ZUpdatePractitioner.parse({
    id,
    version: String(p.version),
    name: p.name,
    gender: p.gender ?? "",
    birthDate: p.birthDate?.toISOString().slice(0, 10) ?? "",
    idNumber: "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    degree: p.degree,
    major: p.major ?? "",
    professionalTitle: p.professionalTitle,
    organizationId: p.organizationId ?? "",
    employmentType: p.employmentType ?? "",
    hireDate: p.hireDate?.toISOString().slice(0, 10) ?? "",
    practiceFields: p.practiceFields,
    targetGroups: p.targetGroups,
    talentTrack: p.talentTrack ?? "",
    awards: p.awards.map((a) => ({ name: a.name, level: a.level, year: a.year ? String(a.year) : "" })),
    ...overrides,
  });
}

describe("createPractitioner", () => {
  it("stores the ID number encrypted, hashed and masked, derives birth date and gender, the employer's region, the first ACTIVE row and an audit event", async () => {
    const admin = await as(w.adminA);
    const idNumber = validIdNumber({ birth: "19880709", gender: "MALE" });
    const before = await counts();
    // The agency administrator names another agency: the employer is forced to their own.
    const { id } = (await createPractitioner(
      ZCreatePractitioner.parse(practitionerInput({ name: "新社工", idNumber, organizationId: w.agencyB.id, awards: [{ name: "优秀社工", level: "PROVINCIAL_OR_ABOVE", year: "2023" }], keyPost: "on" })),
    ))!;
    expect(await counts()).toMatchObject({ practitioners: before.practitioners + 1, audit: before.audit + 1, awards: before.awards + 1, history: before.history + 1 });
    const row = await prisma.practitioner.findUniqueOrThrow({ where: { id }, include: { statusHistory: true } });
    expect(row.organizationId).toBe(w.agencyA.id);
    expect(row.regionPath).toBe((await prisma.region.findUniqueOrThrow({ where: { id: (await prisma.organization.findUniqueOrThrow({ where: { id: w.agencyA.id } })).regionId } })).path);
    expect(row.idNumberMasked).toBe(`**************${idNumber.slice(-4)}`);
    expect(row.idNumberEncrypted).not.toContain(idNumber);
    expect(decryptIdNumber(env.ID_ENCRYPTION_KEY, row.idNumberEncrypted!)).toBe(idNumber);
    expect(row.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.birthDate?.toISOString().slice(0, 10)).toBe("1988-07-09");
    expect(row.gender).toBe("MALE");
    expect(row.keyPost).toBe(false); // agencies cannot set the G1.e flag
    expect(row.g1ProvincialAward).toBe(true); // recomputed in the same transaction
    expect(row.statusHistory).toMatchObject([{ status: "ACTIVE" }]);
    expect(row.statusHistory[0]!.effectiveFrom.toISOString().slice(0, 10)).toBe("2024-03-01");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "practitioners.create", entityId: id } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(idNumber);
    expect(JSON.stringify(audit.after)).not.toContain(row.idNumberHash!);
  });

  it("refuses a duplicate ID number with a field error and writes nothing", async () => {
    await as(w.cityAdmin);
    const idNumber = validIdNumber();
    await createPractitioner(ZCreatePractitioner.parse(practitionerInput({ idNumber, organizationId: w.agencyA.id })));
    const before = await counts();
    const error = await errorOf(createPractitioner(ZCreatePractitioner.parse(practitionerInput({ idNumber: idNumber.toLowerCase(), organizationId: w.agencyA.id, name: "重复" }))));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "idNumberTaken", field: "idNumber" });
    expect(await counts()).toEqual(before);
  });

  it("tells an agency that a person outside it cannot be registered there, not that they exist (issue 10, hole 8)", async () => {
    // 王乙一 works at agency B; agency A's administrator types his ID number.
    const other = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB } });
    const number = decryptIdNumber(env.ID_ENCRYPTION_KEY, other.idNumberEncrypted!);
    await as(w.adminA);
    const before = await counts();
    const error = await errorOf(createPractitioner(ZCreatePractitioner.parse(practitionerInput({ idNumber: number, organizationId: w.agencyA.id, name: "王乙一" }))));
    expect(error).toMatchObject({ code: "idNumberNotHere", field: "idNumber" });
    expect(await counts()).toEqual(before);
    // Someone who may see the existing entry is told plainly.
    await as(w.cityAdmin);
    expect(await errorOf(createPractitioner(ZCreatePractitioner.parse(practitionerInput({ idNumber: number, organizationId: w.agencyA.id, name: "王乙一" }))))).toMatchObject({ code: "idNumberTaken", field: "idNumber" });
  });

  it("refuses an employer outside the caller's district", async () => {
    await as(w.officerA);
    const before = await counts();
    const error = await errorOf(createPractitioner(ZCreatePractitioner.parse(practitionerInput({ organizationId: w.agencyB.id }))));
    expect(error).toMatchObject({ code: "employerNotAllowed", field: "organizationId" });
    expect(await counts()).toEqual(before);
  });

  it("is denied to department officers and practitioners", async () => {
    for (const u of [w.deptOfficer, w.workerUser]) {
      await as(u);
      expect(await errorOf(createPractitioner(ZCreatePractitioner.parse(practitionerInput({ organizationId: w.agencyA.id }))))).toBeInstanceOf(AuthzError);
    }
  });
});

describe("scopes", () => {
  it("a district officer lists, reads and edits only their district — guessing ids does not help", async () => {
    const officer = await as(w.officerA);
    const list = await listPractitioners(officer, filter());
    const ids = list.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([w.inA, w.inA2]));
    expect(ids).not.toContain(w.inB);
    expect(ids).not.toContain(w.inDept);
    expect(list.total).toBe(ids.length);
    // Filtering by the other district returns nothing rather than widening the scope.
    expect((await listPractitioners(officer, filter({ district: w.b.id }))).total).toBe(0);
    expect(await getPractitioner(officer, w.inB)).toBeNull();
    expect(await getPractitionerForEdit(officer, w.inB)).toBeNull();
    expect(await getPractitioner(officer, w.inA)).not.toBeNull();

    const before = await counts();
    expect(await errorOf(updatePractitioner(await editInput(w.inB, { name: "改名" })))).toMatchObject({ code: "notFound" });
    expect(await errorOf(changePractitionerStatus(ZChangeStatus.parse({ id: w.inB, version: "1", status: "LEFT", effectiveFrom: "2025-01-01", entryPath: "RECRUITED", entryDate: "2024-03-01" })))).toMatchObject({ code: "notFound" });
    expect(await errorOf(revealIdNumber(w.inB))).toMatchObject({ code: "notFound" });
    expect(await errorOf(revealIdNumber("does-not-exist"))).toMatchObject({ code: "notFound" });
    expect(await counts()).toEqual(before);
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB } })).name).toBe("王乙一");
  });

  it("an agency administrator sees only their own staff", async () => {
    const admin = await as(w.adminA);
    const list = await listPractitioners(admin, filter());
    expect(list.items.every((i) => i.organization?.id === w.agencyA.id)).toBe(true);
    expect(list.items.map((i) => i.id)).toContain(w.inA);
    // Same district, other agency; and another district.
    for (const id of [w.inA2, w.inB]) {
      expect(await getPractitioner(admin, id)).toBeNull();
      expect(await errorOf(updatePractitioner(await editInput(id, { organizationId: w.agencyA.id })))).toMatchObject({ code: "notFound" });
    }
    expect((await listPractitioners(admin, filter({ employer: w.agencyB.id }))).total).toBe(0);
  });

  it("an agency administrator cannot move staff to another agency", async () => {
    await as(w.adminA);
    expect(await errorOf(updatePractitioner(await editInput(w.inA, { organizationId: w.agencyB.id })))).toMatchObject({ code: "employerNotAllowed", field: "organizationId" });
  });

  it("a department officer sees only their department's staff", async () => {
    const officer = await as(w.deptOfficer);
    const list = await listPractitioners(officer, filter());
    expect(list.items.map((i) => i.id)).toEqual([w.inDept]);
    expect(await getPractitioner(officer, w.inA)).toBeNull();
  });

  it("a practitioner reads only themselves and may change only phone and e-mail", async () => {
    const me = await as(w.workerUser);
    expect((await listPractitioners(me, filter())).items.map((i) => i.id)).toEqual([w.inA]);
    expect(await getPractitioner(me, w.inA2)).toBeNull();
    const before = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } });
    // Even the full edit mutation only takes the contact fields from a practitioner.
    await updatePractitioner(await editInput(w.inA, { name: "自己改名", organizationId: w.agencyB.id, degree: "DOCTORATE", keyPost: "on", phone: "13711112222", email: "Me@Example.cn" }));
    const after = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } });
    expect(after).toMatchObject({ name: before.name, organizationId: before.organizationId, degree: before.degree, keyPost: before.keyPost, phone: "13711112222", email: "me@example.cn", version: before.version + 1 });
    await updateOwnContact(ZUpdateContact.parse({ id: w.inA, version: String(after.version), phone: "13700000000", email: "" }));
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } })).toMatchObject({ phone: "13700000000", email: null });
    // Not someone else's, and never status or entry path.
    expect(await errorOf(updateOwnContact(ZUpdateContact.parse({ id: w.inA2, version: "1", phone: "13700000001" })))).toMatchObject({ code: "notFound" });
    expect(await errorOf(changePractitionerStatus(ZChangeStatus.parse({ id: w.inA, version: String(after.version + 1), status: "LEFT", effectiveFrom: "2025-01-01", entryPath: "BASELINE", entryDate: "2024-03-01" })))).toBeInstanceOf(AuthzError);
    expect(await errorOf(revealIdNumber(w.inA))).toBeInstanceOf(AuthzError);
  });
});

describe("updatePractitioner", () => {
  it("refuses a stale version and writes nothing", async () => {
    await as(w.officerA);
    const input = await editInput(w.inA2, { phone: "13600000001" });
    await updatePractitioner(input);
    const before = await counts();
    const error = await errorOf(updatePractitioner({ ...input, name: "过期的编辑" }));
    expect(error).toBeInstanceOf(StaleEditError);
    expect(await counts()).toEqual(before);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA2 } })).toMatchObject({ name: "李甲二", phone: "13600000001" });
  });

  it("replaces awards, recomputes G1 flags and audits before/after", async () => {
    await as(w.officerA);
    await updatePractitioner(await editInput(w.inA2, { awards: [{ name: "省级奖励", level: "PROVINCIAL_OR_ABOVE", year: "2022" }], keyPost: "on", degree: "MASTER" }));
    const row = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA2 }, include: { awards: true } });
    expect(row.awards.map((a) => a.name)).toEqual(["省级奖励"]);
    expect(row).toMatchObject({ g1ProvincialAward: true, keyPost: true, g1KeyPost: true });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "practitioners.update", entityId: w.inA2 }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ keyPost: true, degree: "MASTER" });
  });

  it("refuses a birth date that disagrees with the stored ID number", async () => {
    await as(w.cityAdmin);
    expect(await errorOf(updatePractitioner(await editInput(w.inB, { birthDate: "1970-01-01" })))).toMatchObject({ code: "birthDateMismatch", field: "birthDate" });
  });

  it("refuses taking another person's ID number", async () => {
    await as(w.cityAdmin);
    const other = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } });
    const number = decryptIdNumber(env.ID_ENCRYPTION_KEY, other.idNumberEncrypted!);
    const before = await counts();
    expect(await errorOf(updatePractitioner(await editInput(w.inB, { idNumber: number, birthDate: "", gender: "" })))).toMatchObject({ code: "idNumberTaken", field: "idNumber" });
    expect(await counts()).toEqual(before);
  });
});

describe("a masked ID number and what else is shown cannot rebuild the number (issue 10, hole 1)", () => {
  /** Everything a viewer gets about a person: profile, edit form values, register row, export row. */
  async function everything(viewer: Parameters<typeof as>[0], id: string, name: string) {
    const user = await as(viewer);
    const [profile, edit, list] = await Promise.all([getPractitioner(user, id), getPractitionerForEdit(user, id), listPractitioners(user, filter({ q: name }))]);
    const { stream } = await exportPractitioners(parseListFilter({ q: name }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(stream as never));
    const sheet: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => sheet.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? "")))));
    return { profile, edit, list: list.items, sheet, text: JSON.stringify({ profile, edit, list: list.items, sheet }) };
  }

  async function identity(id: string) {
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id } });
    const number = decryptIdNumber(env.ID_ENCRYPTION_KEY, p.idNumberEncrypted!);
    return { number, birth: p.birthDate!.toISOString().slice(0, 10) };
  }

  it("an agency administrator and a department officer see the last four characters and the year of birth, nowhere more", async () => {
    for (const [viewer, id, name] of [[w.adminA, w.inA, "张甲一"], [w.deptOfficer, w.inDept, "赵教育"]] as const) {
      const { number, birth } = await identity(id);
      const seen = await everything(viewer, id, name);
      expect(seen.profile).toMatchObject({ idNumberMasked: `${"*".repeat(14)}${number.slice(-4)}`, birthDate: null, birthYear: Number(birth.slice(0, 4)) });
      expect(seen.list.map((r) => r.idNumberMasked)).toEqual([`${"*".repeat(14)}${number.slice(-4)}`]);
      expect(seen.sheet[0]![2]).toBe("出生年份");
      expect(seen.sheet[1]![2]).toBe(birth.slice(0, 4));
      // Neither the place code, nor the birth date in any spelling, nor the number itself.
      for (const secret of [number, number.slice(0, 6), number.slice(6, 14), birth, `${birth}T00:00:00.000Z`]) expect(seen.text, `${name}: ${secret}`).not.toContain(secret);
    }
  });

  it("those who may reveal the number, and the person themselves, see the full date", async () => {
    const { birth } = await identity(w.inA);
    for (const viewer of [w.cityAdmin, w.officerA, w.workerUser]) {
      const p = await getPractitioner(await as(viewer), w.inA);
      expect(p?.birthDate?.toISOString().slice(0, 10)).toBe(birth);
      expect(p?.birthYear).toBeNull();
    }
  });

  it("an agency's edit keeps the stored date: an empty field keeps it, and a guessed date is neither stored nor answered with 'does not match'", async () => {
    const { birth } = await identity(w.inA);
    await as(w.adminA);
    expect((await updatePractitioner(await editInput(w.inA, { birthDate: "" })))?.id).toBe(w.inA);
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } })).birthDate!.toISOString().slice(0, 10)).toBe(birth);
    const guess = `${birth.slice(0, 4)}-01-01` === birth ? `${birth.slice(0, 4)}-01-02` : `${birth.slice(0, 4)}-01-01`;
    expect((await updatePractitioner(await editInput(w.inA, { birthDate: guess })))?.id).toBe(w.inA);
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inA } })).birthDate!.toISOString().slice(0, 10)).toBe(birth);
  });

  it("audit snapshots keep the new mask", async () => {
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "practitioners.create", entityId: w.inA } });
    const { number } = await identity(w.inA);
    expect(audit.after).toMatchObject({ idNumberMasked: `${"*".repeat(14)}${number.slice(-4)}` });
    expect(JSON.stringify(audit.after)).not.toContain(number.slice(0, 6));
  });
});

describe("status and entry path", () => {
  it("adds a dated history row and stops counting when someone leaves", async () => {
    await as(w.cityAdmin);
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB } });
    await prisma.credential.create({ data: { practitionerId: w.inB, kind: "SOCIAL_WORKER", number: "SW2024000123", issuingAuthority: "人社部", issueDate: new Date("2024-06-01"), status: "VERIFIED" } });
    await updatePractitioner(await editInput(w.inB)); // recompute with the credential
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB } })).isQualified).toBe(true);
    const v = (await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB } })).version;
    await changePractitionerStatus(ZChangeStatus.parse({ id: w.inB, version: String(v), status: "LEFT", effectiveFrom: "2025-02-01", note: "调往外市", entryPath: p.entryPath, entryDate: "2024-03-01" }));
    const after = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.inB }, include: { statusHistory: { orderBy: { effectiveFrom: "asc" } }, qualifiedPeriods: true } });
    expect(after.status).toBe("LEFT");
    expect(after.isQualified).toBe(false);
    expect(after.statusHistory.map((h) => h.status)).toEqual(["ACTIVE", "LEFT"]);
    expect(after.qualifiedPeriods.map((q) => [q.from.toISOString().slice(0, 10), q.to?.toISOString().slice(0, 10)])).toEqual([["2024-06-01", "2025-02-01"]]);
    // A date before the last change is refused.
    expect(await errorOf(changePractitionerStatus(ZChangeStatus.parse({ id: w.inB, version: String(after.version), status: "ACTIVE", effectiveFrom: "2024-01-01", entryPath: "RECRUITED", entryDate: "2024-03-01" })))).toMatchObject({ code: "statusDateOrder" });
  });

  it("a corrected entry date moves the opening ACTIVE row with it", async () => {
    await as(w.officerA);
    const { id } = (await createPractitioner(ZCreatePractitioner.parse(practitionerInput({ organizationId: w.agencyA.id, entryDate: "2024-03-01" }))))!;
    await changePractitionerStatus(ZChangeStatus.parse({ id, version: "1", status: "ACTIVE", effectiveFrom: "2026-01-01", entryPath: "BASELINE", entryDate: "2024-01-15" }));
    const row = await prisma.practitioner.findUniqueOrThrow({ where: { id }, include: { statusHistory: true } });
    expect(row).toMatchObject({ entryPath: "BASELINE", status: "ACTIVE", version: 2 });
    expect(row.entryDate?.toISOString().slice(0, 10)).toBe("2024-01-15");
    expect(row.statusHistory.map((h) => [h.status, h.effectiveFrom.toISOString().slice(0, 10)])).toEqual([["ACTIVE", "2024-01-15"]]);
  });

  it("the first change of a record without history keeps the time it was active", async () => {
    await as(w.cityAdmin);
    const p = await prisma.practitioner.create({ data: { name: "旧档案", organizationId: w.department.id, regionPath: w.city.path, entryDate: new Date("2023-01-01") }, select: { id: true } });
    await prisma.credential.create({ data: { practitionerId: p.id, kind: "SOCIAL_WORK_DEGREE", degreeLevel: "BACHELOR", number: "DEG-1", issuingAuthority: "某大学", issueDate: new Date("2020-07-01"), status: "VERIFIED" } });
    await changePractitionerStatus(ZChangeStatus.parse({ id: p.id, version: "1", status: "RETIRED", effectiveFrom: "2025-06-30", entryPath: "BASELINE", entryDate: "2023-01-01" }));
    const periods = await prisma.qualifiedPeriod.findMany({ where: { practitionerId: p.id } });
    expect(periods.map((q) => [q.from.toISOString().slice(0, 10), q.to?.toISOString().slice(0, 10)])).toEqual([["2023-01-01", "2025-06-30"]]);
  });

  it("is denied to agency administrators of another agency and to department officers", async () => {
    await as(w.adminB);
    expect(await errorOf(changePractitionerStatus(ZChangeStatus.parse({ id: w.inA, version: "1", status: "LEFT", effectiveFrom: "2025-01-01", entryPath: "RECRUITED", entryDate: "2024-03-01" })))).toMatchObject({ code: "notFound" });
    await as(w.deptOfficer);
    expect(await errorOf(changePractitionerStatus(ZChangeStatus.parse({ id: w.inDept, version: "1", status: "LEFT", effectiveFrom: "2025-01-01", entryPath: "RECRUITED", entryDate: "2024-03-01" })))).toBeInstanceOf(AuthzError);
  });
});

describe("revealIdNumber", () => {
  it("returns the number to a district officer in scope and audits it", async () => {
    const officer = await as(w.officerA);
    const before = await prisma.auditEvent.count({ where: { action: "practitioners.revealIdNumber" } });
    const number = await revealIdNumber(w.inA2);
    expect(number).toMatch(/^\d{17}[\dX]$/);
    const events = await prisma.auditEvent.findMany({ where: { action: "practitioners.revealIdNumber" }, orderBy: { id: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorId: officer.id, entityId: w.inA2, outcome: "SUCCESS" });
    expect(JSON.stringify(events[0]!.after)).not.toContain(number);
  });

  it("at most 20 an hour per user, parallel requests included; beyond, refused, audited and shown on the city's home (issue 10, hole 8)", async () => {
    const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.a.id });
    const me = await as(officer);
    // 25 at once: exactly 20 pass, whatever the interleaving.
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => revealIdNumber(w.inA2)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(REVEALS_PER_HOUR);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) expect(r.reason).toMatchObject({ code: "revealLimit" });
    expect(await prisma.auditEvent.count({ where: { action: "practitioners.revealIdNumber", actorId: me.id, outcome: "SUCCESS" } })).toBe(REVEALS_PER_HOUR);
    expect(await prisma.auditEvent.count({ where: { action: "practitioners.revealIdNumber", actorId: me.id, outcome: "DENIED" } })).toBe(5);
    // The city administrator's home lists the user; nobody else sees the alert.
    const admin = await as(w.cityAdmin);
    expect((await revealAlerts(admin)).find((a) => a.email === officer.email)).toMatchObject({ refused: 5 });
    expect(await revealAlerts(await as(w.officerA))).toEqual([]);
  });

  it("is denied (and the denial audited) to agency administrators", async () => {
    const admin = await as(w.adminA);
    expect(await errorOf(revealIdNumber(w.inA))).toMatchObject({ code: "forbidden" });
    expect(await prisma.auditEvent.findFirst({ where: { action: "practitioners.revealIdNumber", actorId: admin.id, outcome: "DENIED" } })).not.toBeNull();
  });
});

describe("register list", () => {
  it("searches a partial name and a certificate number prefix, however the number is typed", async () => {
    const admin = await as(w.cityAdmin);
    expect((await listPractitioners(admin, filter({ q: "甲" }))).items.map((i) => i.id).sort()).toEqual([w.inA, w.inA2].sort());
    // Stored canonical, as the credential form stores it.
    await prisma.credential.create({ data: { practitionerId: w.inDept, kind: "ASSISTANT_SOCIAL_WORKER", number: "ASW77881", issuingAuthority: "人社部", issueDate: new Date("2023-01-01"), status: "SUBMITTED" } });
    for (const q of ["ASW77881", "ASW-77881", "asw-77881", "ＡＳＷ７７８８１", "asw 778 81", "ASW—778", "ａｓｗ－７７８"]) {
      expect((await listPractitioners(admin, filter({ q }))).items.map((i) => i.id), q).toEqual([w.inDept]);
    }
    expect((await listPractitioners(admin, filter({ q: "ASW-999" }))).total).toBe(0);
  });

  it("filters by district, employer, entry path, practice field, counting and registration status", async () => {
    const admin = await as(w.cityAdmin);
    const ids = async (p: Record<string, string>) => (await listPractitioners(admin, filter(p))).items.map((i) => i.id).sort();
    expect(await ids({ district: w.b.id })).toEqual([w.inB]);
    expect(await ids({ employer: w.agencyA2.id })).toEqual([w.inA2]);
    expect(await ids({ entryPath: "CULTIVATED" })).toEqual([w.inA2]);
    expect(await ids({ field: "SCHOOLS" })).toEqual([w.inA2]);
    const today = new Date();
    const inDays = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n));
    const registered = async (practitionerId: string, number: string, end: Date, status: "VERIFIED" | "SUBMITTED") => {
      const c = await prisma.credential.create({ data: { practitionerId, kind: "SOCIAL_WORKER", number, issuingAuthority: "人社部", issueDate: inDays(-1200), status } });
      await prisma.registration.create({ data: { practitionerId, credentialId: c.id, number: `DJ${number}`, periodStart: inDays(-1000), periodEnd: end } });
      await prisma.$transaction((tx) => recomputePractitioner(tx, practitionerId));
    };
    await registered(w.inDept, "REG1", inDays(20), "VERIFIED");
    await registered(w.inA, "REG2", inDays(200), "VERIFIED");
    await registered(w.inA2, "REG3", inDays(10), "SUBMITTED");
    await registered(w.inB, "REG4", inDays(-5), "VERIFIED");
    expect(await ids({ regEnds: "30" })).toEqual([w.inDept]);
    expect(await ids({ regEnds: "365" })).toEqual([w.inA, w.inDept].sort());
    expect(await ids({ registration: "due" })).toEqual([w.inDept]);
    expect(await ids({ registration: "current" })).toEqual([w.inA]);
    expect(await ids({ registration: "lapsed" })).toEqual([w.inB]);
    expect((await ids({ registration: "none" })).includes(w.inA2)).toBe(true);
    // The search finds a registration number too.
    expect(await ids({ q: "DJREG4" })).toEqual([w.inB]);
    expect(await ids({ q: "dj-reg-4" })).toEqual([w.inB]);
    expect(await ids({ q: "ＤＪ－ＲＥＧ－４" })).toEqual([w.inB]);
    const counting = await ids({ counts: "yes" });
    const notCounting = await ids({ counts: "no" });
    expect(counting.some((id) => notCounting.includes(id))).toBe(false);
  });

  it("sorts and pages with a total from the same filter", async () => {
    const admin = await as(w.cityAdmin);
    const all = await listPractitioners(admin, filter({ sort: "name" }));
    const names = all.items.map((i) => i.name);
    expect([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(names);
    const desc = await listPractitioners(admin, filter({ sort: "name", dir: "desc" }));
    expect(desc.items.map((i) => i.name)).toEqual([...names].reverse());
    expect(all.total).toBe(await prisma.practitioner.count());
  });
});

describe("exportPractitioners", () => {
  async function rowsOf(stream: ReadableStream) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(stream as never));
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    return rows;
  }

  it("exports the filtered list within the scope, ID numbers masked, and audits it", async () => {
    const officer = await as(w.officerA);
    const { stream, rows: count } = await exportPractitioners(parseListFilter({}));
    const rows = await rowsOf(stream);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain("李甲二");
    expect(names).not.toContain("王乙一");
    expect(rows.length - 1).toBe(count);
    const li = rows.find((r) => r[0] === "李甲二")!;
    expect(li[4]).toBe("甲区"); // district
    expect(li[5]).toBe("甲区彩虹社工"); // employer
    expect(li[13]).toBe("内部培育"); // entry path, in the reader's language
    const idColumn = rows.slice(1).map((r) => r[3]!);
    expect(idColumn.every((v) => /^\*{14}[\dX]{4}$/.test(v) || v === "")).toBe(true);
    expect(rows[0]![2]).toBe("出生日期"); // a district officer may reveal, so sees full dates
    expect(li[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.flat().some((v) => /^\d{17}[\dX]$/.test(v))).toBe(false);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "practitioners.export", actorId: officer.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rows: count });
  });

  it("is denied to practitioners", async () => {
    await as(w.workerUser);
    expect(await errorOf(exportPractitioners(parseListFilter({})))).toBeInstanceOf(AuthzError);
  });

  it("a registration-due filter adds the certificate and registration numbers, the period and the phone; no filter, no phone (issue 11, item 9)", async () => {
    await as(w.cityAdmin);
    const id = (await createPractitioner(ZCreatePractitioner.parse(practitionerInput({ name: "周到期", organizationId: w.agencyA.id, phone: "13700001111", email: "due@example.test" }))))!.id;
    const end = isoFromToday(45);
    // An older certificate whose registration lapsed, and the one the row is about.
    await makeCredential(prisma, { practitionerId: id, status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", number: "ZL2015AA001", issueDate: "2015-06-01", registrationEnd: isoFromToday(-400), registrationNumber: "DJ2019OLD" });
    await makeCredential(prisma, { practitionerId: id, status: "VERIFIED", kind: "SOCIAL_WORKER", number: "ZJ2020AA777", issueDate: "2020-06-01", registrationEnd: end, registrationNumber: "DJ2023AA777" });
    await prisma.$transaction((tx) => recomputePractitioner(tx, id));

    for (const [viewer, params] of [[w.officerA, { registration: "due" }], [w.adminA, { registration: "due" }], [w.officerA, { regEnds: "90" }]] as const) {
      await as(viewer);
      const rows = await rowsOf((await exportPractitioners(parseListFilter(params))).stream);
      const header = rows[0]!;
      const row = rows.find((r) => r[0] === "周到期");
      expect(row, JSON.stringify(params)).toBeDefined();
      const cell = (label: string) => row![header.indexOf(label)];
      expect(header).toEqual(expect.arrayContaining(["电话", "证书编号", "证书等级", "发证日期", "登记证号", "本期登记起始日", "登记有效期至", "登记状态"]));
      expect([cell("电话"), cell("证书编号"), cell("证书等级"), cell("发证日期"), cell("登记证号"), cell("登记有效期至"), cell("登记状态")]).toEqual(["13700001111", "ZJ2020AA777", "社会工作师", "2020-06-01", "DJ2023AA777", end, "即将到期"]);
      expect(cell("本期登记起始日")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The filter's columns come right after the person; each column once; never the e-mail.
      expect(header.indexOf("电话")).toBe(4);
      expect(header.filter((h) => h === "登记有效期至")).toHaveLength(1);
      expect(rows.flat()).not.toContain("due@example.test");
    }

    // Without a filter about registrations: neither the phone nor the extra columns.
    await as(w.officerA);
    const plain = await rowsOf((await exportPractitioners(parseListFilter({ q: "周到期" }))).stream);
    expect(plain[0]).not.toContain("电话");
    expect(plain[0]).not.toContain("登记证号");
    expect(plain[0]).toContain("登记有效期至");
    expect(plain.flat()).not.toContain("13700001111");
    // A filter on current registrations: certificate and registration, but no phone (nobody needs calling).
    const current = await rowsOf((await exportPractitioners(parseListFilter({ registration: "current", q: "周到期" }))).stream);
    expect(current[0]).toContain("登记证号");
    expect(current[0]).not.toContain("电话");
  });
});
