import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf, errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { addAllCivilServants, addToList, listCandidates, removeFromList, rotationList } from "@/server/rotation/list";
import { rotationCoverage } from "@/server/rotation/coverage";
import { enrolCohort, proposeFor } from "@/server/rotation/cohort";
import { GET as exportRoute } from "@/app/api/rotation/export/route";
import zh from "../../messages/zh-Hans/rotation.json" with { type: "json" };
import { enrol, EnrolmentRefusal } from "@/server/trainings/enrolment";
import { addYears, todayInCity } from "@/domain/common/calendar-day";

type TUser = Awaited<ReturnType<typeof makeUser>>;
const DAY = 86_400_000;
const today = todayInCity();
const at = (offset: number) => new Date(today.getTime() + offset * DAY);
const boundary = addYears(today, -3); // the first day a rotation programme may have ended on to cover (default 3 years)

let city: TUser, d1Officer: TUser, deptAOfficer: TUser, deptBOfficer: TUser, worker: TUser;
let d1: { id: string; path: string }, d2: { id: string; path: string }, cityRegion: { id: string; path: string };
let deptA: { id: string }, deptB: { id: string }, deptCity: { id: string }, school: { id: string }, provider: { id: string };
const P: Record<string, { id: string; name: string }> = {};
let lineId: string;
let refSeq = 0;

async function programme(kind: "ROTATION" | "PROFESSIONAL", endOffset: number | Date, over: Record<string, unknown> = {}) {
  const end = endOffset instanceof Date ? endOffset : at(endOffset);
  return prisma.training.create({
    data: {
      reference: `PX-2000-${String(++refSeq).padStart(4, "0")}`,
      kind,
      scope: "THEORY",
      title: `${kind} ${refSeq}`,
      providerId: provider.id,
      startDate: new Date(end.getTime() - DAY),
      endDate: end,
      venue: "会议室",
      capacity: 30,
      lengthHalfHours: 12,
      cpdHalfHours: 12,
      completionPercent: 80,
      status: "CLOSED",
      ...over,
    },
    select: { id: true },
  });
}

/** A past programme with one participant who completed it (or not). */
async function attended(person: string, kind: "ROTATION" | "PROFESSIONAL", end: number | Date, status: "COMPLETED" | "NOT_COMPLETED" = "COMPLETED") {
  const t = await programme(kind, end);
  await prisma.trainingEnrolment.create({ data: { trainingId: t.id, practitionerId: P[person]!.id, number: 1, status } });
}

beforeAll(async () => {
  cityRegion = await makeRegion(prisma, { level: "CITY" });
  d1 = await makeRegion(prisma, { level: "DISTRICT", parent: cityRegion });
  d2 = await makeRegion(prisma, { level: "DISTRICT", parent: cityRegion });
  deptA = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: d1.id, departmentType: "EDUCATION", name: "甲区教育局" });
  deptB = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: d2.id, departmentType: "CIVIL_AFFAIRS", name: "乙区民政局" });
  deptCity = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: cityRegion.id, departmentType: "CIVIL_AFFAIRS", name: "市民政局" });
  school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: d1.id, supervisingDepartmentId: deptA.id });
  provider = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: cityRegion.id });
  const person = async (key: string, org: { id: string }, region: { id: string; path: string }, extra: Record<string, unknown> = {}) => {
    P[key] = await makePractitioner(prisma, { name: key, organizationId: org.id, regionId: region.id, regionPath: region.path, employmentType: "CIVIL_SERVANT", status: "ACTIVE", ...extra });
  };
  for (const k of ["A1", "A2", "A3", "A4"]) await person(k, deptA, d1);
  await person("A5-left", deptA, d1, { status: "LEFT" });
  await person("A6-institution", deptA, d1, { employmentType: "PUBLIC_INSTITUTION" });
  await person("A7", deptA, d1);
  for (const k of ["B1", "B2", "B3"]) await person(k, deptB, d2);
  await person("C1", deptCity, cityRegion);
  await person("S1", school, d1, { employmentType: "PUBLIC_INSTITUTION" });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  d1Officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: d1.id });
  deptAOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: deptA.id });
  deptBOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: deptB.id });
  worker = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: P.A1!.id });
  // Rotation history: A1 100 days ago (covered), A2 four years ago (not), A3 only professional
  // training (never rotation), A4 a rotation programme not completed (never), B1 on the window's
  // first day (covered), B2 the day before (not), B3 nothing, C1 200 days ago (covered).
  await attended("A1", "ROTATION", -100);
  await attended("A1", "ROTATION", -900);
  await attended("A2", "ROTATION", -1460);
  await attended("A3", "PROFESSIONAL", -30);
  await attended("A4", "ROTATION", -50, "NOT_COMPLETED");
  await attended("B1", "ROTATION", boundary);
  await attended("B2", "ROTATION", new Date(boundary.getTime() - DAY));
  await attended("C1", "ROTATION", -200);
  const fund = await prisma.fund.create({ data: { year: today.getUTCFullYear(), name: "专项" } });
  // Room for exactly two subsidies of 100 yuan.
  lineId = (await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 20_000n } })).id;
});

const listed = (departmentId: string) => prisma.rotationListEntry.findMany({ where: { organizationId: departmentId }, select: { practitionerId: true } }).then((r) => r.map((x) => x.practitionerId).sort());
const ids = (...keys: string[]) => keys.map((k) => P[k]!.id).sort();

describe("rotation lists", () => {
  it("a department officer adds their own department's people; anyone else's refuses the whole step and writes nothing", async () => {
    await as(deptAOfficer);
    expect(await addToList({ departmentId: deptA.id, practitionerIds: [P.A1!.id, P.A2!.id] })).toEqual({ added: 2, already: 0 });
    // Another department's person, alone or with one of their own: refused, nothing added.
    expect(await codeOf(addToList({ departmentId: deptA.id, practitionerIds: [P.B1!.id] }))).toBe("rotation.errors.outOfScope");
    expect(await codeOf(addToList({ departmentId: deptA.id, practitionerIds: [P.A3!.id, P.B1!.id] }))).toBe("rotation.errors.outOfScope");
    // A school it supervises is not the department: its staff are not the department's officials.
    expect(await codeOf(addToList({ departmentId: deptA.id, practitionerIds: [P.S1!.id] }))).toBe("rotation.errors.outOfScope");
    // Another department's list.
    expect(await codeOf(addToList({ departmentId: deptB.id, practitionerIds: [P.B1!.id] }))).toBe("rotation.errors.outOfScope");
    expect(await listed(deptA.id)).toEqual(ids("A1", "A2"));
    expect(await listed(deptB.id)).toEqual([]);
    // Someone already listed is left as they are.
    expect(await addToList({ departmentId: deptA.id, practitionerIds: [P.A1!.id] })).toEqual({ added: 0, already: 1 });
    expect(await prisma.auditEvent.count({ where: { action: "rotation.add", actorId: deptAOfficer.id } })).toBe(2);
  });

  it("adds all the department's active civil servants in one step (not those who left, nor other staff)", async () => {
    await as(deptAOfficer);
    const before = await listCandidates(await as(deptAOfficer), deptA.id, "");
    expect(before.civilServantsLeft).toBe(3);
    expect(before.items.map((i) => i.name).sort()).toEqual(["A3", "A4", "A6-institution", "A7"]);
    expect(await addAllCivilServants({ departmentId: deptA.id })).toEqual({ added: 3, already: 0 });
    expect(await listed(deptA.id)).toEqual(ids("A1", "A2", "A3", "A4", "A7"));
    expect((await listCandidates(await as(deptAOfficer), deptA.id, "")).civilServantsLeft).toBe(0);
  });

  it("removes someone from the list: only whoever keeps it; audited", async () => {
    const entry = await prisma.rotationListEntry.findFirstOrThrow({ where: { organizationId: deptA.id, practitionerId: P.A7!.id } });
    await as(deptBOfficer);
    expect(await codeOf(removeFromList({ entryId: entry.id }))).toBe("rotation.errors.entryNotFound");
    await as(d1Officer);
    expect(await codeOf(removeFromList({ entryId: entry.id }))).toBe("authz:forbidden");
    expect(await listed(deptA.id)).toEqual(ids("A1", "A2", "A3", "A4", "A7"));
    await as(deptAOfficer);
    expect(await removeFromList({ entryId: entry.id })).toEqual({ departmentId: deptA.id });
    expect(await listed(deptA.id)).toEqual(ids("A1", "A2", "A3", "A4"));
    expect(await prisma.auditEvent.count({ where: { action: "rotation.remove", entityId: entry.id } })).toBe(1);
  });

  it("the city keeps any department's list; only government departments keep one; others may not", async () => {
    await as(city);
    expect(await addToList({ departmentId: deptB.id, practitionerIds: [P.B1!.id, P.B2!.id, P.B3!.id] })).toEqual({ added: 3, already: 0 });
    expect(await addToList({ departmentId: deptCity.id, practitionerIds: [P.C1!.id] })).toEqual({ added: 1, already: 0 });
    // The person must work for the department, even for the city.
    expect(await codeOf(addToList({ departmentId: deptCity.id, practitionerIds: [P.B1!.id] }))).toBe("rotation.errors.outOfScope");
    expect(await codeOf(addToList({ departmentId: school.id, practitionerIds: [P.S1!.id] }))).toBe("rotation.errors.notDepartment");
    await as(d1Officer);
    expect(await codeOf(addToList({ departmentId: deptA.id, practitionerIds: [P.A7!.id] }))).toBe("authz:forbidden");
    await as(worker);
    expect(await codeOf(addAllCivilServants({ departmentId: deptA.id }))).toBe("authz:forbidden");
  });

  it("shows each person's last rotation training attended and whether it covers them", async () => {
    const list = await rotationList(await as(deptAOfficer), deptA.id);
    expect(list.manage).toBe(true);
    expect(list.years).toBe(3);
    const byName = new Map(list.rows.map((r) => [r.practitioner.name, r]));
    expect([...byName.keys()]).toEqual(["A1", "A2", "A3", "A4"]);
    expect(byName.get("A1")!.lastRotation!.date).toEqual(at(-100));
    expect(byName.get("A2")!.lastRotation!.date).toEqual(at(-1460));
    expect(byName.get("A3")!.lastRotation).toBeNull();
    expect(byName.get("A4")!.lastRotation).toBeNull();
    expect(list.rows.map((r) => r.covered)).toEqual([true, false, false, false]);
    // A district officer reads the lists of their district only.
    expect((await rotationList(await as(d1Officer), deptA.id)).rows).toHaveLength(4);
    expect((await rotationList(await as(d1Officer), deptB.id)).rows).toHaveLength(0);
    expect((await rotationList(await as(d1Officer), deptA.id)).manage).toBe(false);
  });
});

describe("the list as Excel", () => {
  async function sheetOf(response: Response): Promise<string[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(response.body as never));
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    return rows;
  }
  const get = (department: string) => exportRoute(new Request(`http://localhost/api/rotation/export?department=${department}`));
  it("holds the department's list with the last rotation and coverage; audited; others' lists refused", async () => {
    await as(deptAOfficer);
    const rows = await sheetOf(await get(deptA.id));
    expect(rows.slice(1).map((r) => [r[0], r[3] ?? "", r[5]])).toEqual([
      ["A1", at(-100).toISOString().slice(0, 10), zh.list.covered],
      ["A2", at(-1460).toISOString().slice(0, 10), zh.list.notCovered],
      ["A3", "", zh.list.notCovered],
      ["A4", "", zh.list.notCovered],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "rotation.export", actorId: deptAOfficer.id } })).toBe(1);
    expect((await get(deptB.id)).status).toBe(400);
    await as(worker);
    expect((await get(deptA.id)).status).toBe(403);
  });
});

describe("rotation coverage", () => {
  it("counts, exactly, who attended rotation training in the last three years, by department and district; a person on two lists once", async () => {
    // A1 also on the city bureau's list (written directly: the form only lists a department's own staff).
    await prisma.rotationListEntry.create({ data: { organizationId: deptCity.id, practitionerId: P.A1!.id } });
    const c = await rotationCoverage({ kind: "city" });
    expect(c.since).toEqual(boundary);
    expect({ listed: c.listed, covered: c.covered, never: c.never }).toEqual({ listed: 8, covered: 3, never: 3 });
    expect(c.share).toBeCloseTo(3 / 8);
    const dept = new Map(c.byDepartment.map((r) => [r.id, [r.listed, r.covered, r.never]]));
    expect(Object.fromEntries(dept)).toEqual({ [deptA.id]: [4, 1, 2], [deptB.id]: [3, 1, 1], [deptCity.id]: [2, 2, 0] });
    expect(c.byDistrict.map((r) => [r.id, r.listed, r.covered])).toEqual([
      ...[[d1.id, 4, 1], [d2.id, 3, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [null, 2, 2],
    ]);
    // A district: its departments' lists only.
    const district = await rotationCoverage({ kind: "district", regionPath: d1.path });
    expect([district.listed, district.covered, district.byDepartment.map((r) => r.id)]).toEqual([4, 1, [deptA.id]]);
    // A department: its own list.
    const own = await rotationCoverage({ kind: "department", departmentId: deptB.id });
    expect([own.listed, own.covered, own.never]).toEqual([3, 1, 1]);
    await prisma.rotationListEntry.deleteMany({ where: { organizationId: deptCity.id, practitionerId: P.A1!.id } });
  });
});

describe("the cohort builder", () => {
  let r1: { id: string }, r2: { id: string };
  beforeAll(async () => {
    const open = { status: "PUBLISHED" as const, startDate: at(5), endDate: at(6), audienceOrganizationKinds: ["GOVERNMENT_DEPARTMENT" as const] };
    // r1: places for everyone, 100 yuan a place from a line with room for two; r2: two places, no subsidy.
    r1 = await programme("ROTATION", at(6), { ...open, capacity: 10, costFen: 10_000, subsidyFen: 10_000, budgetLineId: lineId });
    r2 = await programme("ROTATION", at(6), { ...open, capacity: 2 });
  });

  it("proposes those longest without rotation training, balanced across districts and departments, in scope", async () => {
    const cityProposal = await proposeFor(await as(city), r2.id, 5);
    // Districts by their most urgent person: d1 (A3 never), d2 (B3 never), the city level (C1).
    expect(cityProposal.proposed.map((p) => p.name)).toEqual(["A3", "B3", "C1", "A4", "B2"]);
    expect(cityProposal.others.map((p) => p.name)).toEqual(["A2", "B1", "A1"]);
    expect(cityProposal.poolSize).toBe(8);
    // More than the pool: everyone, once.
    expect((await proposeFor(await as(city), r2.id, 50)).proposed).toHaveLength(8);
    // A district officer: their district's lists only.
    expect((await proposeFor(await as(d1Officer), r2.id, 10)).proposed.map((p) => p.name)).toEqual(["A3", "A4", "A2", "A1"]);
    // Someone already enrolled is not proposed again.
    await enrol({ trainingId: r2.id, practitionerIds: [P.A3!.id] }, { actor: await as(city) });
    expect((await proposeFor(await as(city), r2.id, 3)).proposed.map((p) => p.name)).toEqual(["A4", "B3", "C1"]);
    await prisma.trainingEnrolment.deleteMany({ where: { trainingId: r2.id } });
  });

  it("enrols a cohort all or nothing: one refused (the subsidy line) and nobody is enrolled", async () => {
    await as(city);
    const before = await prisma.fundEntry.count();
    const audits = () => prisma.auditEvent.count({ where: { action: { in: ["rotation.enrolCohort", "trainings.enrol"] } } });
    const auditsBefore = await audits();
    const e = await errorOf(enrolCohort({ trainingId: r1.id, practitionerIds: [P.A3!.id, P.B3!.id, P.C1!.id] }));
    expect(e).toBeInstanceOf(EnrolmentRefusal);
    expect((e as EnrolmentRefusal).code).toBe("trainings.errors.lineExceeded");
    expect((e as EnrolmentRefusal).person).toBe("C1");
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: r1.id } })).toBe(0);
    expect(await prisma.fundEntry.count()).toBe(before);
    expect(await audits()).toBe(auditsBefore);
    // Two fit the line.
    expect((await enrolCohort({ trainingId: r1.id, practitionerIds: [P.A3!.id, P.B3!.id] })).map((o) => o.status)).toEqual(["ENROLLED", "ENROLLED"]);
  });

  it("past the capacity the rest go onto the waiting list; the step is audited", async () => {
    await as(city);
    const out = await enrolCohort({ trainingId: r2.id, practitionerIds: [P.A4!.id, P.B2!.id, P.C1!.id] });
    expect(out.map((o) => [o.name, o.status, o.waitlistPosition])).toEqual([["A4", "ENROLLED", null], ["B2", "ENROLLED", null], ["C1", "WAITLISTED", 1]]);
    expect(await prisma.auditEvent.count({ where: { action: "rotation.enrolCohort", entityId: r2.id } })).toBe(1);
  });

  it("refuses people not on a list in the caller's scope, programmes that are not rotation, and roles without the right", async () => {
    await as(city);
    const notListed = await makePractitioner(prisma, { name: "外人", organizationId: deptA.id, regionId: d1.id, regionPath: d1.path, employmentType: "CIVIL_SERVANT" });
    expect(await codeOf(enrolCohort({ trainingId: r1.id, practitionerIds: [P.A1!.id, notListed.id] }))).toBe("rotation.errors.notOnList");
    await as(d1Officer);
    expect(await codeOf(enrolCohort({ trainingId: r1.id, practitionerIds: [P.A1!.id, P.B1!.id] }))).toBe("rotation.errors.notOnList");
    expect(await prisma.trainingEnrolment.count({ where: { trainingId: r1.id, practitionerId: P.A1!.id } })).toBe(0);
    const professional = await programme("PROFESSIONAL", at(6), { status: "PUBLISHED", startDate: at(5) });
    expect(await codeOf(enrolCohort({ trainingId: professional.id, practitionerIds: [P.A1!.id] }))).toBe("rotation.errors.notRotation");
    await as(deptAOfficer);
    expect(await codeOf(enrolCohort({ trainingId: r1.id, practitionerIds: [P.A1!.id] }))).toBe("authz:forbidden");
  });
});
