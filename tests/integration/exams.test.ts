import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { validIdNumber } from "@/server/seed/id-numbers";
import { idNumberLookupHash } from "@/lib/id-crypto";
import { maskIdNumber } from "@/lib/id-number";
import { deleteSitting, recordOwnSitting, recordSitting } from "@/server/exams/mutations";
import { listSittings, mySittings, sittingCandidates } from "@/server/exams/queries";
import { examFunnel } from "@/server/exams/funnel";
import { createExamImport, discardExamImport, startExamImport } from "@/server/exams/import/mutations";
import { examErrorReportRows, examImportErrors, getExamImport } from "@/server/exams/import/queries";
import { processExamChunk } from "@/server/exams/import/processor";
import { buildExamTemplate } from "@/server/exams/import/workbook";
import { runImport } from "@/server/staff-import/processor";
import { ImportFileError } from "@/server/staff-import/read";
import { readImportFile } from "@/server/staff-import/read";
import { examLabelIndex } from "@/server/exams/import/labels";
import { EXAM_IMPORT_FIELDS, EXAM_IMPORT_REQUIRED } from "@/domain/exams/import";
import { parseSittingListFilter } from "@/domain/exams/list-filter";
import { ZRecordOwnSitting, ZRecordSitting } from "@/domain/exams/schemas";
import { todayInCity } from "@/domain/common/calendar-day";

// The exam pipeline (issue 12, plan.md G2): sittings recorded by the person or an official in
// scope, one per person, year and level; lists scoped like the register; the Excel import on the
// staff import's machinery; and the cultivation funnel's figures for a built world.

type TUser = Awaited<ReturnType<typeof makeUser>>;
const YEAR = todayInCity().getUTCFullYear();
let city: TUser, east: TUser, west: TUser, dept: TUser, worker: TUser, otherWorker: TUser;
let eastPath: string;
let inEast: { id: string; name: string; idNumber: string }[] = [];
let inWest: { id: string; name: string; idNumber: string };
let departmentPerson: { id: string };
let provider: { id: string };

const own = (year: number, level: string, result: string) => ZRecordOwnSitting.parse({ year: String(year), level, result });
const forPerson = (practitionerId: string, year: number, level: string, result: string) => ZRecordSitting.parse({ practitionerId, year: String(year), level, result });

async function person(name: string, org: { id: string }, region: { id: string; path: string }, birth = "19900115") {
  const idNumber = validIdNumber({ birth });
  const p = await makePractitioner(prisma, { name, organizationId: org.id, regionId: region.id, regionPath: region.path, birthDate: new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`), idNumberHash: idNumberLookupHash(env.ID_ENCRYPTION_KEY, idNumber), idNumberMasked: maskIdNumber(idNumber) });
  return { id: p.id, name: p.name, idNumber };
}

async function workbook(rows: (string | number)[][], headers: string[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("考试");
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

let trainingSeq = 0;
/** A programme of `kind` that ended on `endDate`, completed by `people`. */
async function completed(kind: "PROFESSIONAL" | "EXAM_PREPARATION" | "ROTATION", endDate: string, people: string[]) {
  const t = await prisma.training.create({
    data: { reference: `PX-TEST-${++trainingSeq}`, kind, scope: "THEORY", title: `课程${trainingSeq}`, providerId: provider.id, startDate: new Date(`${endDate}T00:00:00Z`), endDate: new Date(`${endDate}T00:00:00Z`), venue: "201", capacity: 50, lengthHalfHours: 12, cpdHalfHours: 12, completionPercent: 80, status: "CLOSED" },
  });
  let n = 0;
  for (const id of people) await prisma.trainingEnrolment.create({ data: { trainingId: t.id, practitionerId: id, status: "COMPLETED", number: ++n } });
}

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  const e = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  const w = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  eastPath = e.path;
  const eastAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: e.id });
  const westAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: w.id });
  const bureau = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: c.id, departmentType: "EDUCATION" });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: e.id });
  await prisma.organization.update({ where: { id: school.id }, data: { supervisingDepartmentId: bureau.id } });
  provider = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: c.id });
  inEast = [];
  for (const name of ["东甲", "东乙", "东丙", "东丁"]) inEast.push(await person(name, eastAgency, e));
  inWest = await person("西甲", westAgency, w);
  departmentPerson = await person("校社工", school, e);
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  east = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: e.id });
  west = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.id });
  dept = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: bureau.id });
  worker = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: inEast[0]!.id });
  otherWorker = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: inWest.id });
});

describe("recording sittings", () => {
  it("a practitioner records their own, once per year and level; rules on year and age are refused with their field", async () => {
    await as(worker);
    const s = await recordOwnSitting(own(YEAR - 1, "ASSISTANT_SOCIAL_WORKER", "FAILED"));
    expect(s).toMatchObject({ practitionerId: inEast[0]!.id, source: "SELF", enteredById: worker.id });
    expect(await codeOf(recordOwnSitting(own(YEAR - 1, "ASSISTANT_SOCIAL_WORKER", "PASSED")))).toBe("exams.validation.duplicate@level");
    // Born 1990: 16 in 2006, so 2008 is allowed and the schema refuses 2007 before the server sees it.
    expect(ZRecordOwnSitting.safeParse({ year: "2007", level: "SOCIAL_WORKER", result: "PASSED" }).error?.issues[0]?.message).toBe("exams.validation.yearTooEarly");
    expect(ZRecordOwnSitting.safeParse({ year: String(YEAR + 1), level: "SOCIAL_WORKER", result: "PASSED" }).error?.issues[0]?.message).toBe("exams.validation.yearInFuture");
    expect(await codeOf(recordOwnSitting({ year: YEAR + 1, level: "SOCIAL_WORKER", result: "PASSED" }))).toBe("exams.validation.yearInFuture@year");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "exams.record", entityId: s.id } });
    expect(audit.actorId).toBe(worker.id);
    expect((await mySittings(await as(worker)))!.map((x) => x.id)).toEqual([s.id]);
  });

  it("refuses a year before the person turned 16", async () => {
    const young = await person("少年", { id: (await prisma.organization.findFirstOrThrow({ where: { kind: "AGENCY" } })).id }, { id: (await prisma.region.findFirstOrThrow({ where: { path: eastPath } })).id, path: eastPath }, "20000101");
    await as(east);
    expect(await codeOf(recordSitting(forPerson(young.id, 2015, "ASSISTANT_SOCIAL_WORKER", "FAILED")))).toBe("exams.validation.tooYoung@year");
    expect(await codeOf(recordSitting(forPerson(young.id, 2016, "ASSISTANT_SOCIAL_WORKER", "FAILED")))).toBe("ok");
    await prisma.practitioner.delete({ where: { id: young.id } });
  });

  it("an official records for people in scope only; another district's person reads as not found, and nothing is written", async () => {
    await as(east);
    const s = await recordSitting(forPerson(inEast[1]!.id, YEAR, "SOCIAL_WORKER", "PASSED"));
    expect(s).toMatchObject({ source: "OFFICIAL", enteredById: east.id });
    const before = await prisma.examSitting.count();
    expect(await codeOf(recordSitting(forPerson(inWest.id, YEAR, "SOCIAL_WORKER", "PASSED")))).toBe("exams.validation.practitionerNotFound@practitionerId");
    await as(dept);
    expect(await codeOf(recordSitting(forPerson(departmentPerson.id, YEAR, "SOCIAL_WORKER", "PASSED")))).toBe("authz:forbidden");
    expect(await prisma.examSitting.count()).toBe(before);
  });

  it("deletes: the person their own entries only, officials in scope; another's id reads as not found", async () => {
    await as(east);
    const official = await recordSitting(forPerson(inEast[0]!.id, YEAR - 2, "ASSISTANT_SOCIAL_WORKER", "FAILED"));
    await as(worker);
    expect(await codeOf(deleteSitting({ id: official.id }))).toBe("exams.errors.officialEntry");
    const mine = await recordOwnSitting(own(YEAR - 2, "SOCIAL_WORKER", "FAILED"));
    await as(otherWorker);
    expect(await codeOf(deleteSitting({ id: mine.id }))).toBe("notFound");
    await as(west);
    expect(await codeOf(deleteSitting({ id: official.id }))).toBe("notFound");
    await as(worker);
    expect(await codeOf(deleteSitting({ id: mine.id }))).toBe("ok");
    await as(east);
    expect(await codeOf(deleteSitting({ id: official.id }))).toBe("ok");
    expect(await prisma.examSitting.count({ where: { id: { in: [mine.id, official.id] } } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "exams.delete", entityId: { in: [mine.id, official.id] } } })).toBe(2);
  });

  it("lists are scoped like the register: a district its people, a department its supervised organisations', a practitioner only on their own page", async () => {
    await as(city);
    await recordSitting(forPerson(inWest.id, YEAR, "ASSISTANT_SOCIAL_WORKER", "PASSED"));
    await recordSitting(forPerson(departmentPerson.id, YEAR, "ASSISTANT_SOCIAL_WORKER", "FAILED"));
    const names = async (u: TUser, q = "") => (await listSittings(await as(u), parseSittingListFilter({ q }))).items.map((s) => s.practitioner.name).sort();
    expect(await names(west)).toEqual(["西甲"]);
    expect(await names(east)).toEqual(["东乙", "东甲", "校社工"].sort());
    expect(await names(dept)).toEqual(["校社工"]);
    expect((await names(city)).length).toBe(4);
    expect(await names(worker)).toEqual(["东甲"]);
    // The picker finds people in scope by name or by the full ID number, never another district's.
    const me = await as(east);
    expect((await sittingCandidates(me, inEast[2]!.idNumber)).items.map((c) => c.name)).toEqual(["东丙"]);
    expect((await sittingCandidates(me, inWest.idNumber)).items).toEqual([]);
    expect((await sittingCandidates(me, "西")).items).toEqual([]);
  });
});

describe("the exam import", () => {
  it("checks every row before writing: ID numbers in scope, names, years, levels and results in any language; the same file twice changes nothing", async () => {
    await as(east);
    const before = await prisma.examSitting.count();
    const bytes = await workbook(
      [
        [inEast[2]!.idNumber, "东丙", "2024", "助理社会工作师", "通过"], // 2: ok
        [inEast[3]!.idNumber, "", YEAR, "Social worker (intermediate)", "failed"], // 3: ok, English
        [inEast[3]!.idNumber, "", String(YEAR - 1), "中級", "未通過"], // 4: ok, Traditional
        [inWest.idNumber, "西甲", "2024", "助理社会工作师", "通过"], // 5: another district
        [inEast[2]!.idNumber, "王五", "2023", "助理社会工作师", "通过"], // 6: wrong name
        ["110101199001151234", "", "2023", "助理社会工作师", "通过"], // 7: not a valid number
        [inEast[2]!.idNumber, "", "2007", "助理社会工作师", "通过"], // 8: before the first exam
        [inEast[2]!.idNumber, "", "2023", "初中", "也许"], // 9: level and result unreadable
        [inEast[1]!.idNumber, "", "2022", "高级", "通过"], // 10 and 11: the same sitting twice
        [inEast[1]!.idNumber, "", "2022", "高级", "未通过"],
        [inEast[1]!.idNumber, "东乙", String(YEAR), "社会工作师", "未通过"], // 12: recorded as passed: the official list corrects it
      ],
      ["身份证号码", "姓名", "Year", "級別", "结果"],
    );
    const job = await createExamImport({ name: "成绩.xlsx", bytes });
    expect(job).toMatchObject({ totalRows: 11, errorRows: 7 });
    expect(await prisma.examSitting.count()).toBe(before);
    const errors = await examImportErrors(await as(east), job.id, 1);
    expect(Object.fromEntries(errors.items.map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.key.split(".").pop()}`)]))).toEqual({
      5: ["idNumber:notFound"],
      6: ["name:nameMismatch"],
      7: ["idNumber:idNumber"],
      8: ["year:yearTooEarly"],
      9: ["level:level", "result:result"],
      10: ["idNumber:duplicateInFile"],
      11: ["idNumber:duplicateInFile"],
    });
    // The error report gives the uploader the ID numbers as typed, a colleague masked.
    const report = (await examErrorReportRows(await as(east), job.id))!;
    expect(report.rows.find((r) => r.rowNumber === 5)!.cells.idNumber).toBe(inWest.idNumber);
    // Another district cannot see, start or discard it.
    const other = await as(west);
    expect(await getExamImport(other, job.id)).toBeNull();
    expect(await codeOf(startExamImport({ jobId: job.id, version: 1 }))).toBe("notFound");
    // A practitioner may not import at all.
    await as(worker);
    expect(await codeOf(createExamImport({ name: "x.xlsx", bytes }))).toBe("authz:forbidden");
    expect(await codeOf(buildExamTemplate())).toBe("authz:forbidden");
    // Started and run by the staff import's runner with the exam chunk.
    await as(east);
    await startExamImport({ jobId: job.id, version: 1 });
    expect(await runImport(job.id, { processChunk: processExamChunk, chunkSize: 2 })).toBe("done");
    const done = (await getExamImport(await as(east), job.id))!;
    expect(done).toMatchObject({ status: "DONE", createdCount: 3, updatedCount: 1, unchangedCount: 0, errorRows: 7 });
    const corrected = await prisma.examSitting.findUniqueOrThrow({ where: { practitionerId_year_level: { practitionerId: inEast[1]!.id, year: YEAR, level: "SOCIAL_WORKER" } } });
    expect(corrected).toMatchObject({ result: "FAILED", source: "OFFICIAL" });
    expect(await prisma.examSitting.count()).toBe(before + 3);
    expect(await prisma.auditEvent.count({ where: { action: "exams.import.create", after: { path: ["importJobId"], equals: job.id } } })).toBe(3);
    // The same file again: nothing changes.
    const again = await createExamImport({ name: "成绩.xlsx", bytes });
    await startExamImport({ jobId: again.id, version: 1 });
    expect(await runImport(again.id, { processChunk: processExamChunk })).toBe("done");
    expect(await getExamImport(await as(east), again.id)).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 4 });
    expect(await prisma.examSitting.count()).toBe(before + 3);
    await discardExamImport({ jobId: (await createExamImport({ name: "再来.xlsx", bytes })).id, version: 1 });
  });

  it("the template reads back as an import file with the required columns, and a file without them is refused", async () => {
    await as(city);
    const template = await buildExamTemplate();
    await expect(readImportFile(new Uint8Array(template.buffer), examLabelIndex(), { fields: EXAM_IMPORT_FIELDS, required: EXAM_IMPORT_REQUIRED })).rejects.toMatchObject({ problem: "fileEmpty" });
    const missing = await workbook([["x", "2024"]], ["姓名", "年份"]);
    const e = await createExamImport({ name: "x.xlsx", bytes: missing }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).detail.columns).toEqual(["idNumber", "level", "result"]);
  });
});

describe("the cultivation funnel", () => {
  it("counts each stage for the year and scope, and how many came through the stage before", async () => {
    const Y = 2021;
    const [a, b, c, d] = inEast;
    // Trained in Y: a, b (exam preparation), c (professional); d trained in a rotation (not counted) and in Y-1.
    await completed("EXAM_PREPARATION", `${Y}-05-10`, [a!.id, b!.id]);
    await completed("PROFESSIONAL", `${Y}-11-30`, [c!.id, inWest.id]);
    await completed("ROTATION", `${Y}-04-01`, [d!.id]);
    await completed("PROFESSIONAL", `${Y - 1}-12-31`, [d!.id]);
    // Sat in Y: a (passed two levels), b (failed), d (passed; not trained), the west person (failed).
    await prisma.examSitting.createMany({
      data: [
        { practitionerId: a!.id, year: Y, level: "ASSISTANT_SOCIAL_WORKER", result: "PASSED", source: "OFFICIAL" },
        { practitionerId: a!.id, year: Y, level: "SOCIAL_WORKER", result: "PASSED", source: "OFFICIAL" },
        { practitionerId: b!.id, year: Y, level: "ASSISTANT_SOCIAL_WORKER", result: "FAILED", source: "SELF" },
        { practitionerId: d!.id, year: Y, level: "ASSISTANT_SOCIAL_WORKER", result: "PASSED", source: "OFFICIAL" },
        { practitionerId: inWest.id, year: Y, level: "ASSISTANT_SOCIAL_WORKER", result: "FAILED", source: "OFFICIAL" },
        { practitionerId: c!.id, year: Y + 1, level: "ASSISTANT_SOCIAL_WORKER", result: "PASSED", source: "OFFICIAL" },
      ],
    });
    // Counted since a day in Y: a and c (c from an earlier certificate); b counts since Y-1; the west person since Y.
    await prisma.practitioner.update({ where: { id: a!.id }, data: { isQualified: true, qualifiedSince: new Date(`${Y}-12-01T00:00:00Z`) } });
    await prisma.practitioner.update({ where: { id: c!.id }, data: { isQualified: true, qualifiedSince: new Date(`${Y}-02-01T00:00:00Z`) } });
    await prisma.practitioner.update({ where: { id: b!.id }, data: { isQualified: true, qualifiedSince: new Date(`${Y - 1}-02-01T00:00:00Z`) } });
    await prisma.practitioner.update({ where: { id: inWest.id }, data: { isQualified: true, qualifiedSince: new Date(`${Y}-03-01T00:00:00Z`) } });

    const stages = (f: Awaited<ReturnType<typeof examFunnel>>) => Object.fromEntries(f.stages.map((s) => [s.stage, [s.people, s.fromPrevious]]));
    const district = await examFunnel({ year: Y, scope: { kind: "district", regionPath: eastPath } });
    expect(stages(district)).toEqual({ trained: [3, null], sat: [3, 2], passed: [2, 2], counted: [2, 1] });
    expect(district.byLevel).toEqual([
      { level: "ASSISTANT_SOCIAL_WORKER", sat: 3, passed: 2 },
      { level: "SOCIAL_WORKER", sat: 1, passed: 1 },
      { level: "SENIOR_SOCIAL_WORKER", sat: 0, passed: 0 },
    ]);
    const all = await examFunnel({ year: Y, scope: { kind: "city" } });
    expect(stages(all)).toEqual({ trained: [4, null], sat: [4, 3], passed: [2, 2], counted: [3, 1] });
    // The department's people (the school it supervises) sat nothing in Y.
    const department = await examFunnel({ year: Y, scope: { kind: "department", departmentId: (await prisma.organization.findFirstOrThrow({ where: { kind: "GOVERNMENT_DEPARTMENT" } })).id } });
    expect(stages(department)).toEqual({ trained: [0, null], sat: [0, 0], passed: [0, 0], counted: [0, 0] });
  });
});
