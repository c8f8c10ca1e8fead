import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { approveProvider } from "@/server/trainings/providers";
import { addSession, createTraining, publishTraining } from "@/server/trainings/programmes";
import { enrol, withdraw } from "@/server/trainings/enrolment";
import { createAttendanceImport, discardAttendanceImport, startAttendanceImport } from "@/server/trainings/attendance-import/mutations";
import { attendanceImportErrors, getAttendanceImport, listAttendanceImports } from "@/server/trainings/attendance-import/queries";
import { processAttendanceChunk } from "@/server/trainings/attendance-import/processor";
import { buildAttendanceErrorReport, buildAttendanceTemplate } from "@/server/trainings/attendance-import/workbook";
import { runImport } from "@/server/staff-import/processor";
import { ImportFileError } from "@/server/staff-import/read";
import { ZAddSession, ZApproveProvider, ZCreateTraining, ZTrainingRef } from "@/domain/trainings/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// The attendance import (issue 12 §1 item 4) on the staff import's machinery: headers and yes/no in
// any language, participants by number or by name and phone, every refusal with its reason and
// nothing written before the start; the same queue runner writes the marks, once.

type TUser = Awaited<ReturnType<typeof makeUser>>;
const today = todayInCity();
const iso = (offset: number) => isoDay(new Date(today.getTime() + offset * 86_400_000));
let city: TUser, provider: TUser, otherProvider: TUser;
let providerOrg: { id: string }, agency: { id: string }, district: { id: string; path: string };
let t1: { id: string; reference: string }, t2: { id: string; reference: string };
let people: { id: string; name: string }[] = [];
let enrolled: Awaited<ReturnType<typeof enrol>> = [];

async function workbook(rows: (string | number)[][], headers: string[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("考勤");
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const up = (bytes: Uint8Array) => ({ name: "考勤.xlsx", bytes });

async function programme(title: string) {
  await as(provider);
  const t = await createTraining(ZCreateTraining.parse({ kind: "PROFESSIONAL", scope: "PRACTICE", title, venue: "201", startDate: iso(-2), endDate: iso(10), capacity: "3", hours: "6", cpdHours: "6", completionPercent: "50", audienceDepartmentTypes: [], audienceRegionIds: [], audienceOrganizationKinds: [], audienceLevels: [], cost: "", subsidy: "", budgetLineId: "" }));
  await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(-2), startsAt: "09:00", hours: "3", topic: "一" }));
  await addSession(ZAddSession.parse({ trainingId: t.id, date: iso(-1), startsAt: "09:00", hours: "3", topic: "二" }));
  await publishTraining(ZTrainingRef.parse({ id: t.id, version: "1" }));
  return t;
}

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  providerOrg = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: district.id });
  const other = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: district.id });
  agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  provider = await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: providerOrg.id });
  otherProvider = await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: other.id });
  await as(city);
  await approveProvider(ZApproveProvider.parse({ organizationId: providerOrg.id, scopes: ["PRACTICE"], validFrom: iso(-10), validTo: iso(100) }));
  t1 = await programme("考勤导入一");
  t2 = await programme("考勤导入二");
  people = [];
  for (const [name, phone] of [["张一", "13800000001"], ["李二", "13800000002"], ["王三", "13800000003"], ["赵四", "13800000004"]] as const) {
    people.push(await makePractitioner(prisma, { name, phone, organizationId: agency.id, regionId: district.id, regionPath: district.path }));
  }
  await as(city);
  // Three places: 赵四 waits.
  enrolled = await enrol({ trainingId: t1.id, practitionerIds: people.map((p) => p.id) });
});

describe("the attendance import", () => {
  it("checks every row before writing anything: headers and yes/no in any language, by number or by name and phone, each refusal with its reason", async () => {
    await as(provider);
    const bytes = await workbook(
      [
        [t1.reference, 1, 1, "", "", "是"], // 2: by number
        ["px " + t1.reference.slice(3).replace("-", " "), "1", "", "李二", "138 0000 0002", "yes"], // 3: by name and phone, reference typed loosely
        [t1.reference, 1, 3, "", "", "缺席"], // 4: absent, in Chinese
        [t1.reference, 1, 4, "", "", "是"], // 5: 赵四 waits: no place
        [t1.reference, 9, 1, "", "", "是"], // 6: no such session
        ["PX-2099-0001", 1, 1, "", "", "是"], // 7: not one of this provider's programmes
        [t2.reference, 1, 1, "", "", "是"], // 8: t2 has nobody enrolled
        [t1.reference, 2, 1, "", "", "maybe"], // 9: present unreadable
        [t1.reference, 2, 2, "", "", "否"], // 10
        [t1.reference, 2, 2, "", "", "是"], // 11: same person and session again
        [t1.reference, 2, 1, "王三", "", "是"], // 12: number 1 is 张一, not 王三
      ],
      ["項目編號", "Session", "学员编号", "Name", "手機號", "是否出勤"],
    );
    const before = await prisma.trainingAttendance.count();
    const job = await createAttendanceImport(up(bytes));
    expect(job).toMatchObject({ totalRows: 11, errorRows: 8 });
    expect(await prisma.trainingAttendance.count()).toBe(before);
    const errors = await attendanceImportErrors(await as(provider), job.id, 1);
    expect(Object.fromEntries(errors.items.map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.key.split(".").pop()}`)]))).toEqual({
      5: ["number:notEnrolled"],
      6: ["session:sessionNotFound"],
      7: ["reference:programmeNotFound"],
      8: ["number:participantNotFound"],
      9: ["present:present"],
      10: ["number:duplicate"],
      11: ["number:duplicate"],
      12: ["name:participantMismatch"],
    });
    // Another provider cannot see or start it.
    await as(otherProvider);
    expect(await getAttendanceImport(await as(otherProvider), job.id)).toBeNull();
    expect(await codeOf(startAttendanceImport({ jobId: job.id, version: 1 }))).toBe("notFound");
    // Started and run by the staff import's runner with the attendance chunk: the valid marks, once.
    await as(provider);
    await startAttendanceImport({ jobId: job.id, version: 1 });
    expect(await runImport(job.id, { processChunk: processAttendanceChunk, chunkSize: 2 })).toBe("done");
    const s1 = await prisma.trainingSession.findFirstOrThrow({ where: { trainingId: t1.id, number: 1 } });
    const marks = await prisma.trainingAttendance.findMany({ where: { sessionId: s1.id }, select: { enrolmentId: true, present: true } });
    expect(marks.sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId))).toEqual(
      [
        { enrolmentId: enrolled[0]!.enrolmentId, present: true },
        { enrolmentId: enrolled[1]!.enrolmentId, present: true },
        { enrolmentId: enrolled[2]!.enrolmentId, present: false },
      ].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId)),
    );
    expect(await getAttendanceImport(await as(provider), job.id)).toMatchObject({ status: "DONE", createdCount: 3, updatedCount: 0, unchangedCount: 0, errorRows: 8 });
  });

  it("the same sheet again changes nothing; a corrected mark replaces the earlier one; a person who withdrew since the preview is refused at the run", async () => {
    await as(provider);
    const sheet = (present: string) => workbook([[t1.reference, 1, 1, "", "", "是"], [t1.reference, 1, 3, "", "", present], [t1.reference, 2, 2, "", "", "是"]], ["reference", "session", "number", "name", "phone", "present"]);
    const again = await createAttendanceImport(up(await sheet("否")));
    // 李二 withdraws between the preview and the start: their row is refused when it runs.
    await as(city);
    await withdraw({ enrolmentId: enrolled[1]!.enrolmentId });
    await as(provider);
    await startAttendanceImport({ jobId: again.id, version: 1 });
    await runImport(again.id, { processChunk: processAttendanceChunk });
    expect(await getAttendanceImport(await as(provider), again.id)).toMatchObject({ status: "DONE", createdCount: 0, updatedCount: 0, unchangedCount: 2, errorRows: 1 });
    const corrected = await createAttendanceImport(up(await workbook([[t1.reference, 1, 3, "", "", "出席"]], ["reference", "session", "number", "name", "phone", "present"])));
    await startAttendanceImport({ jobId: corrected.id, version: 1 });
    await runImport(corrected.id, { processChunk: processAttendanceChunk });
    expect(await getAttendanceImport(await as(provider), corrected.id)).toMatchObject({ updatedCount: 1 });
    const s1 = await prisma.trainingSession.findFirstOrThrow({ where: { trainingId: t1.id, number: 1 } });
    expect((await prisma.trainingAttendance.findFirstOrThrow({ where: { sessionId: s1.id, enrolmentId: enrolled[2]!.enrolmentId } })).present).toBe(true);
  });

  it("the rows with problems download as a sheet to correct: as typed, with the row number and the problems, for the job's provider only", async () => {
    await as(provider);
    const job = await createAttendanceImport(up(await workbook([[t1.reference, 1, 1, "", "", "是"], [t1.reference, 9, 1, "", "", "是"], [t1.reference, 1, 2, "", "", "maybe"]], ["reference", "session", "number", "name", "phone", "present"])));
    expect(job.errorRows).toBe(2);
    const report = await buildAttendanceErrorReport(job.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report!.buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const text = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ""));
    expect(text(1)).toEqual(["项目编号*", "课次*", "学员编号", "姓名", "手机号", "是否出勤*", "行号", "问题"]);
    expect(text(2).slice(0, 7)).toEqual([t1.reference, "9", "1", "", "", "是", "3"]);
    expect(text(2)[7]).toBe("课次：该项目没有此课次。");
    expect(text(3).slice(5, 7)).toEqual(["maybe", "4"]);
    expect(sheet.actualRowCount).toBe(3);
    expect(report!.filename).toBe("考勤-问题行.xlsx");
    expect(await prisma.auditEvent.count({ where: { action: "trainings.attendanceImport.errorReport", entityId: job.id } })).toBe(1);
    await as(otherProvider);
    expect(await buildAttendanceErrorReport(job.id)).toBeNull();
  });

  it("refuses a sheet without the required columns, and a discarded preview writes nothing", async () => {
    await as(provider);
    const bad = await createAttendanceImport(up(await workbook([[t1.reference, "是"]], ["项目编号", "是否出勤"]))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(ImportFileError);
    expect((bad as ImportFileError).detail).toEqual({ columns: ["session"] });
    const job = await createAttendanceImport(up(await workbook([[t1.reference, 2, 1, "", "", "是"]], ["reference", "session", "number", "name", "phone", "present"])));
    await discardAttendanceImport({ jobId: job.id, version: 1 });
    expect(await prisma.importRow.count({ where: { jobId: job.id } })).toBe(0);
    expect((await listAttendanceImports(await as(provider), 1)).items.map((j) => j.id)).toContain(job.id);
    expect((await listAttendanceImports(await as(otherProvider), 1)).items).toEqual([]);
  });

  it("the city imports for a provider it names; the template is in the reader's language and can list a programme's participants", async () => {
    await as(city);
    expect(await codeOf(createAttendanceImport(up(await workbook([[t1.reference, 2, 1, "", "", "是"]], ["reference", "session", "number", "name", "phone", "present"]))))).toBe("trainings.validation.providerRequired@providerId");
    const job = await createAttendanceImport(up(await workbook([[t1.reference, 2, 1, "", "", "是"]], ["reference", "session", "number", "name", "phone", "present"])), providerOrg.id);
    expect(job.errorRows).toBe(0);
    await as(provider);
    const file = await buildAttendanceTemplate(t1.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toBe("项目编号*");
    // Two sessions × the three holding a place (赵四 moved up when 李二 withdrew).
    expect(sheet.actualRowCount - 1).toBe(6);
    expect(await buildAttendanceTemplate("nope")).toBeNull();
  });
});
