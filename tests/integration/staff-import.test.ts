import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { practitionerInput } from "../helpers/practitioners";
import { staffRow, staffWorkbook, upload, type TStaffRow } from "../helpers/staff-import";
import { as, errorOf } from "../helpers/integration";
import { randomIdNumber, validIdNumber, withWrongCheckDigit } from "@/server/seed/id-numbers";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { createPractitioner } from "@/server/practitioners/mutations";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { createImport, discardImport, retryImport, startImport } from "@/server/staff-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { failImport, runImport } from "@/server/staff-import/processor";
import { getImport, importErrors, importProgress, listImports } from "@/server/staff-import/queries";
import { buildErrorReport, buildTemplate } from "@/server/staff-import/workbook";
import { requeueInterrupted, startImportWorker, stopImportQueue } from "@/server/staff-import/queue";
import { ZCreatePractitioner } from "@/domain/practitioners/schemas";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import { idNumberCheckChar } from "@/lib/id-number";
import { decryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { loadMessages } from "@/i18n/load-messages";
import { env } from "@/env";
import { actAsNobody } from "../helpers/fake-auth";
import { POST as postStaffImport } from "@/app/api/staff-import/route";

afterAll(async () => {
  await stopImportQueue().catch(() => undefined);
});

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区阳光社工" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区彩虹社工" });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });
  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const adminA = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  const adminA2 = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  const adminB = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyB.id });
  const deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: department.id });
  return { city, a, agencyA, agencyB, department, cityAdmin, adminA, adminA2, adminB, deptOfficer };
}

beforeAll(async () => {
  w = await build();
});

/** Registers someone at agency B through the real mutation (as the city administrator). */
async function registerInB(idNumber: string) {
  await as(w.cityAdmin);
  return (await createPractitioner(ZCreatePractitioner.parse(practitionerInput({ idNumber, organizationId: w.agencyB.id }))))!.id;
}

async function uploadAsA(rows: TStaffRow[], headers?: Record<string, string>) {
  await as(w.adminA);
  return createImport(upload(await staffWorkbook(rows, headers)));
}

async function runToEnd(jobId: string, chunkSize?: number) {
  await as(w.adminA);
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  await startImport({ jobId, version: job.version });
  return runImport(jobId, { chunkSize });
}

const hashOf = (id: string) => idNumberLookupHash(env.ID_ENCRYPTION_KEY, id);
const rowsOf = (jobId: string) => prisma.importRow.findMany({ where: { jobId }, orderBy: { rowNumber: "asc" } });

/** The register's rows and every table an import writes, for before/after comparisons. */
async function registerState() {
  const [practitioners, history, employments, periods, practitionerAudit] = await Promise.all([
    prisma.practitioner.findMany({ orderBy: { id: "asc" } }),
    prisma.practitionerStatusChange.count(),
    prisma.employmentRecord.count(),
    prisma.qualifiedPeriod.count(),
    prisma.auditEvent.count({ where: { entity: "Practitioner" } }),
  ]);
  return { practitioners, history, employments, periods, practitionerAudit };
}

describe("upload and validation (nothing is written to the register)", () => {
  it("flags each kind of row error with its column and catalogue key; good rows stay pending with the ID number encrypted", async () => {
    const elsewhere = randomIdNumber();
    await registerInB(elsewhere);
    const dup = randomIdNumber();
    const female = randomIdNumber("FEMALE");
    const badBirth17 = "31010119991340123";
    const badBirth = `${badBirth17}${idNumberCheckChar(badBirth17)}`;
    const good = staffRow({ name: "合格者" });
    const rows: TStaffRow[] = [
      good, // 2
      staffRow({ idNumber: withWrongCheckDigit(randomIdNumber()) }), // 3
      staffRow({ idNumber: "12345" }), // 4
      staffRow({ idNumber: badBirth }), // 5
      staffRow({ name: "" }), // 6
      staffRow({ entryDate: "" }), // 7
      staffRow({ hireDate: "2024-02-30" }), // 8
      staffRow({ degree: "博士后" }), // 9
      staffRow({ practiceFields: "T3.3 学校、火星" }), // 10
      staffRow({ idNumber: female, birthDate: "1950-01-01" }), // 11
      staffRow({ idNumber: randomIdNumber("FEMALE"), gender: "男" }), // 12
      staffRow({ idNumber: dup }), // 13
      staffRow({ idNumber: dup }), // 14
      staffRow({ idNumber: elsewhere }), // 15
      staffRow({ hireDate: "1901-01-01" }), // 16
      staffRow({ email: "not-an-email" }), // 17
      staffRow({ entryPath: "" }), // 18
      // Labels from all three languages and the T3 code alone are understood.
      staffRow({ name: "标签者", degree: "本科", major: "Social work", practiceFields: "T3.3 學校；T3.4", targetGroups: "老年人、Children", entryPath: "外部引進", gender: "" }), // 20
    ];
    const before = await registerState();
    const job = await uploadAsA([...rows.slice(0, 17), {}, rows[17]!]); // the blank row 19 is skipped
    expect(job).toMatchObject({ totalRows: 18, errorRows: 16 });
    expect(await registerState()).toEqual({ ...before, practitionerAudit: before.practitionerAudit });

    const stored = await rowsOf(job.id);
    expect(stored.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20]);
    const errorsAt = (n: number) => stored.find((r) => r.rowNumber === n)!.errors as { field: string; key: string; value?: string }[];
    // The column and the problem; the values the messages name are checked below.
    const keysAt = (n: number) => errorsAt(n).map(({ field, key }) => ({ field, key }));
    expect(keysAt(3)).toEqual([{ field: "idNumber", key: "idNumber_checkDigit" }]);
    expect(keysAt(4)).toEqual([{ field: "idNumber", key: "idNumber_format" }]);
    expect(keysAt(5)).toEqual([{ field: "idNumber", key: "idNumber_birthDate" }]);
    expect(keysAt(6)).toEqual([{ field: "name", key: "required" }]);
    expect(keysAt(7)).toEqual([{ field: "entryDate", key: "required" }]);
    expect(keysAt(8)).toEqual([{ field: "hireDate", key: "date" }]);
    expect(keysAt(9)).toEqual([{ field: "degree", key: "invalid" }]);
    expect(keysAt(10)).toEqual([{ field: "practiceFields", key: "invalid" }]);
    expect(keysAt(11)).toEqual([{ field: "birthDate", key: "birthDateMismatch" }]);
    expect(keysAt(12)).toEqual([{ field: "gender", key: "genderMismatch" }]);
    expect(keysAt(13)).toEqual([{ field: "idNumber", key: "staff.import.rowErrors.duplicateInFile" }]);
    expect(keysAt(14)).toEqual([{ field: "idNumber", key: "staff.import.rowErrors.duplicateInFile" }]);
    expect(keysAt(15)).toEqual([{ field: "idNumber", key: "staff.import.rowErrors.otherEmployer" }]);
    expect(keysAt(16)).toEqual([{ field: "hireDate", key: "underWorkingAge" }]);
    expect(keysAt(17)).toEqual([{ field: "email", key: "email" }]);
    expect(keysAt(18)).toEqual([{ field: "entryPath", key: "required" }]);
    // Each names the value that is wrong (an ID number masked, never in clear).
    expect(errorsAt(3)[0]!.value).toMatch(/^\*{14}[0-9X]{4}$/);
    expect(errorsAt(8)[0]!.value).toBe("2024-02-30");
    expect(errorsAt(9)[0]!.value).toBe("博士后");
    expect(errorsAt(10)[0]!.value).toBe("火星");
    expect(errorsAt(17)[0]!.value).toBe("not-an-email");
    expect(errorsAt(6)[0]!.value).toBeUndefined();
    expect(stored.filter((r) => r.status === "PENDING").map((r) => r.rowNumber)).toEqual([2, 20]);
    const labelled = stored.find((r) => r.rowNumber === 20)!.data as Record<string, unknown>;
    expect(labelled).toMatchObject({ degree: "BACHELOR", major: "SOCIAL_WORK", practiceFields: ["SCHOOLS", "HOSPITALS"], targetGroups: ["ELDERLY", "CHILDREN"], entryPath: "RECRUITED" });

    // Never an ID number in clear in the database: not in valid rows, not in refused ones.
    const text = JSON.stringify(stored.map((r) => [r.data, r.errors]));
    for (const r of rows) if (typeof r.idNumber === "string" && r.idNumber.length > 5) expect(text).not.toContain(r.idNumber);
    const pending = stored.find((r) => r.rowNumber === 2)!.data as { idNumberEncrypted: string; idNumberHash: string; idNumberMasked: string };
    expect(decryptIdNumber(env.ID_ENCRYPTION_KEY, pending.idNumberEncrypted)).toBe(good.idNumber);
    expect(pending.idNumberHash).toBe(hashOf(good.idNumber as string));

    // The preview reads the errors back a page at a time, for this agency only.
    const adminA = await as(w.adminA);
    const page = await importErrors(adminA, job.id, 1);
    expect(page.total).toBe(16);
    expect(page.items[0]).toMatchObject({ rowNumber: 3, errors: [{ field: "idNumber", key: "idNumber_checkDigit" }] });
    const adminB = await as(w.adminB);
    expect(await getImport(adminB, job.id)).toBeNull();
    expect((await importErrors(adminB, job.id, 1)).total).toBe(0);
    expect(await importProgress(adminB, job.id)).toBeNull();
  });

  it("a row's name over 100 characters and a 20-digit phone are refused; the error report states the limit (issue 11)", async () => {
    const job = await uploadAsA([staffRow({ name: "名".repeat(101), phone: "12345678901234567890" })]);
    expect(job).toMatchObject({ totalRows: 1, errorRows: 1 });
    expect((await rowsOf(job.id))[0]!.errors).toEqual([
      { field: "name", key: "tooLong:100", value: `${"名".repeat(60)}…` },
      { field: "phone", key: "phone", value: "12345678901234567890" },
    ]);
    await as(w.adminA);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildErrorReport(job.id))!.buffer as unknown as ArrayBuffer);
    const text = (book.worksheets[0]!.getRow(2).values as unknown[]).map(String).join(" ");
    expect(text).toContain("最多可填写 100 个字符。");
    expect(text).toContain((loadMessages("zh-Hans") as { validation: Record<string, string> }).validation.phone);
  });

  it("reads the template's own localised headers, and the template carries notes, drop-downs and a help sheet", async () => {
    await as(w.adminA);
    const { buffer } = await buildTemplate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const [data, help, lists] = book.worksheets;
    const zh = loadMessages("zh-Hans") as { practitioners: { fields: Record<string, string> } };
    expect(data!.getRow(1).getCell(1).value).toBe(`${zh.practitioners.fields.name}*`);
    expect(data!.getRow(1).getCell(3).value).toBe(zh.practitioners.fields.gender);
    expect(data!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const note = data!.getRow(1).getCell(2).note as string | { texts: { text: string }[] };
    expect(typeof note === "string" ? note : note.texts.map((x) => x.text).join("")).toContain("18");
    const validations = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae?: string[] }> } }).dataValidations.model;
    const degreeColumn = String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === "degree"));
    expect(validations[`${degreeColumn}2`]).toMatchObject({ type: "list" });
    expect(help!.rowCount).toBeGreaterThan(IMPORT_COLUMNS.length);
    // The qualification certificate's three columns (issue 11, item 8), its level a drop-down of the three levels, explained on the help sheet.
    const headerTexts = (data!.getRow(1).values as unknown[]).map(String);
    expect(headerTexts).toEqual(expect.arrayContaining(["证书等级", "证书编号", "发证日期"]));
    const levelColumn = String.fromCharCode(64 + headerTexts.indexOf("证书等级"));
    expect(validations[`${levelColumn}2`]).toMatchObject({ type: "list" });
    const helpText = help!.getSheetValues().flat().map(String).join(" ");
    expect(helpText).toContain("助理社会工作师 / 社会工作师 / 高级社会工作师");
    expect(helpText).toContain("待核验");
    expect(lists!.state).toBe("hidden");

    // Fill two rows under the template's header (labels, as a user would) and upload it.
    data!.addRow(IMPORT_COLUMNS.map((c) => (staffRow({ name: "模板一", degree: "硕士", entryPath: "内部培育" }) as Record<string, unknown>)[c.field] ?? null));
    data!.addRow(IMPORT_COLUMNS.map((c) => (staffRow({ name: "模板二", hireDate: new Date(Date.UTC(2024, 4, 6)) as unknown as string }) as Record<string, unknown>)[c.field] ?? null));
    const job = await createImport(upload(Buffer.from(await book.xlsx.writeBuffer())));
    expect(job).toMatchObject({ totalRows: 2, errorRows: 0 });
    const stored = await rowsOf(job.id);
    expect(stored[0]!.data).toMatchObject({ name: "模板一", degree: "MASTER", entryPath: "CULTIVATED" });
    expect(stored[1]!.data).toMatchObject({ name: "模板二", hireDate: "2024-05-06" });
  });

  it("refuses files that are not spreadsheets, lack required columns, are empty or too long — and creates no job", async () => {
    await as(w.adminA);
    const jobs = await prisma.importJob.count();
    const problem = async (bytes: Uint8Array | null) => ((await errorOf(createImport(bytes ? { name: "x.xlsx", bytes } : null))) as ImportFileError | null)?.problem;
    expect(await problem(null)).toBe("fileRequired");
    expect(await problem(new TextEncoder().encode("%PDF-1.4 not a spreadsheet"))).toBe("notSpreadsheet");
    expect(await problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("damaged");
    const noId = await staffWorkbook([staffRow()], undefined, IMPORT_COLUMNS.map((c) => c.field).filter((f) => f !== "idNumber" && f !== "entryDate"));
    const missing = (await errorOf(createImport(upload(noId)))) as ImportFileError;
    expect(missing).toMatchObject({ problem: "missingColumns", detail: { fields: ["idNumber", "entryDate"] } });
    expect(await problem(new Uint8Array(await staffWorkbook([])))).toBe("fileEmpty");
    const many = Array.from({ length: 20_001 }, () => ({ name: "x" }));
    expect(await problem(new Uint8Array(await staffWorkbook(many, undefined, ["name"])))).toBe("tooManyRows");
    expect(await prisma.importJob.count()).toBe(jobs);
  });

  it("only agency administrators import, each into their own agency", async () => {
    const file = upload(await staffWorkbook([staffRow()]));
    for (const u of [w.cityAdmin, w.deptOfficer]) {
      await as(u);
      expect(await errorOf(createImport(file))).toBeInstanceOf(AuthzError);
    }
    const job = await uploadAsA([staffRow()]);
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).organizationId).toBe(w.agencyA.id);
    await as(w.adminB);
    expect(await errorOf(startImport({ jobId: job.id, version: 1 }))).toMatchObject({ code: "notFound" });
    expect(await errorOf(discardImport({ jobId: job.id, version: 1 }))).toMatchObject({ code: "notFound" });
    expect((await listImports(await as(w.adminB), 1)).items.map((j) => j.id)).not.toContain(job.id);
  });
});

describe("POST /api/staff-import (issue 10, hole 8: authorize before reading an upload)", () => {
  /** A multipart request whose body records whether anyone read it. */
  async function watchedUpload() {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(await staffWorkbook([staffRow()]))]), "staff.xlsx");
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const read = { pulled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        read.pulled = true;
        controller.enqueue(bytes);
        controller.close();
      },
    }, { highWaterMark: 0 }); // pulled only when someone reads, not to fill a queue
    const request = new Request("http://portal.test/api/staff-import", { method: "POST", body, headers: { "content-type": encoded.headers.get("content-type")! }, duplex: "half" } as RequestInit);
    return { request, read };
  }

  it("refuses a visitor without a session and a role without the import before reading the body", async () => {
    actAsNobody();
    const anonymous = await watchedUpload();
    expect((await postStaffImport(anonymous.request)).status).toBe(401);
    expect(anonymous.read.pulled).toBe(false);
    await as(w.deptOfficer);
    const officer = await watchedUpload();
    expect((await postStaffImport(officer.request)).status).toBe(403);
    expect(officer.read.pulled).toBe(false);
  });

  it("reads and validates the upload of an agency administrator", async () => {
    await as(w.adminA);
    const { request, read } = await watchedUpload();
    const res = await postStaffImport(request);
    expect(res.status).toBe(201);
    expect(read.pulled).toBe(true);
    expect(await res.json()).toMatchObject({ totalRows: 1, errorRows: 0 });
  });
});

describe("running an import", () => {
  it("creates the valid rows with history and employment, not counting toward the target; refused rows are skipped and reported", async () => {
    const deputy = staffRow({ name: "副高者", professionalTitle: "DEPUTY_SENIOR", degree: "MASTER", major: "SOCIAL_WORK" });
    const bad = staffRow({ name: "坏行", idNumber: withWrongCheckDigit(randomIdNumber()), birthDate: "1991-02-03" });
    const job = await uploadAsA([staffRow({ name: "新人一" }), deputy, bad]);
    expect(job.errorRows).toBe(1);
    await as(w.adminA);
    expect(await errorOf(startImport({ jobId: job.id, version: 99 }))).toBeInstanceOf(StaleEditError);
    expect(await runToEnd(job.id)).toBe("done");
    expect(await errorOf(startImport({ jobId: job.id, version: 3 }))).toMatchObject({ code: "staff.import.errors.notPreview" });

    const done = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "DONE", totalRows: 3, errorRows: 1, processedRows: 2, createdCount: 2, updatedCount: 0, unchangedCount: 0 });
    expect(await importProgress(await as(w.adminA), job.id)).toMatchObject({ status: "DONE", percent: 100, created: 2 });
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { idNumberHash: hashOf(deputy.idNumber as string) }, include: { statusHistory: true, employments: true, qualifiedPeriods: true } });
    expect(p).toMatchObject({ name: "副高者", organizationId: w.agencyA.id, regionId: w.a.id, status: "ACTIVE", isQualified: false, qualificationLevel: "NONE", g1DeputySenior: true, g1Msw: false, keyPost: false });
    expect(decryptIdNumber(env.ID_ENCRYPTION_KEY, p.idNumberEncrypted!)).toBe(deputy.idNumber);
    expect(p.statusHistory).toMatchObject([{ status: "ACTIVE" }]);
    expect(p.employments).toMatchObject([{ organizationId: w.agencyA.id, to: null }]);
    expect(p.qualifiedPeriods).toEqual([]);
    // The bulk path stores exactly what the register's own rule derives.
    const derived = { isQualified: p.isQualified, qualifiedSince: p.qualifiedSince, qualificationLevel: p.qualificationLevel, g1Msw: p.g1Msw, g1DeputySenior: p.g1DeputySenior, g1SocialWorker: p.g1SocialWorker, g1ProvincialAward: p.g1ProvincialAward, g1KeyPost: p.g1KeyPost };
    await prisma.$transaction((tx) => recomputePractitioner(tx, p.id));
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: p.id }, select: { isQualified: true, qualifiedSince: true, qualificationLevel: true, g1Msw: true, g1DeputySenior: true, g1SocialWorker: true, g1ProvincialAward: true, g1KeyPost: true } })).toEqual(derived);

    const audit = await prisma.auditEvent.findMany({ where: { action: "staff.import.create", entityId: p.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(deputy.idNumber as string);
    expect(audit[0]!.after).toMatchObject({ importJobId: job.id });
    const rows = await rowsOf(job.id);
    expect(rows.map((r) => [r.status, r.outcome, r.data === null])).toEqual([
      ["DONE", "CREATED", true],
      ["DONE", "CREATED", true],
      ["INVALID", null, false],
    ]);

    // The error report: the refused row as typed (ID number in clear, decrypted for the download) with its error.
    await as(w.adminA);
    const report = await buildErrorReport(job.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report!.buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).map(String);
    expect(values).toContain(bad.idNumber);
    expect(values).toContain("坏行");
    expect(values.join(" ")).toContain((loadMessages("zh-Hans") as { validation: Record<string, string> }).validation.idNumber_checkDigit);
    expect(await prisma.auditEvent.count({ where: { action: "staff.import.errorReport", entityId: job.id } })).toBe(1);
    await as(w.adminB);
    expect(await buildErrorReport(job.id)).toBeNull();
    // A colleague of the same agency (who may not reveal ID numbers) gets the number masked to its
    // last four and the year of birth only (issue 10, hole 1).
    await as(w.adminA2);
    const colleagues = new ExcelJS.Workbook();
    await colleagues.xlsx.load((await buildErrorReport(job.id))!.buffer as unknown as ArrayBuffer);
    const seen = (colleagues.worksheets[0]!.getRow(2).values as unknown[]).map(String);
    expect(seen).toContain("坏行");
    expect(seen).toContain(`${"*".repeat(14)}${(bad.idNumber as string).slice(-4)}`);
    expect(seen).toContain("1991");
    expect(seen.join(" ")).not.toContain((bad.idNumber as string).slice(0, 6));
    expect(seen.join(" ")).not.toContain("1991-02-03");
    expect(values).toContain("1991-02-03");

    // Fixed in the report itself and uploaded again: the extra columns are ignored.
    sheet.getRow(2).getCell(IMPORT_COLUMNS.findIndex((c) => c.field === "idNumber") + 1).value = validIdNumber({ birth: "19910203" });
    await as(w.adminA);
    const again = await createImport(upload(Buffer.from(await book.xlsx.writeBuffer())));
    expect(again).toMatchObject({ totalRows: 1, errorRows: 0 });
  });

  it("a person registered elsewhere after the preview is refused when the row runs", async () => {
    const later = staffRow({ name: "后来者" });
    const job = await uploadAsA([later, staffRow()]);
    expect(job.errorRows).toBe(0);
    await registerInB(later.idNumber as string);
    await runToEnd(job.id);
    const done = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "DONE", createdCount: 1, errorRows: 1, processedRows: 2 });
    const refused = (await rowsOf(job.id))[0]!;
    expect(refused).toMatchObject({ status: "INVALID", errors: [{ field: "idNumber", key: "staff.import.rowErrors.otherEmployer" }] });
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { idNumberHash: hashOf(later.idNumber as string) } })).organizationId).toBe(w.agencyB.id);
  });

  it("discarding a preview deletes its rows and writes nothing to the register", async () => {
    const job = await uploadAsA([staffRow()]);
    const before = await registerState();
    await as(w.adminA);
    await discardImport({ jobId: job.id, version: 1 });
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await prisma.importRow.count({ where: { jobId: job.id } })).toBe(0);
    expect(await registerState()).toEqual(before);
    expect(await errorOf(startImport({ jobId: job.id, version: 2 }))).toBeInstanceOf(DomainError);
  });
});

describe("idempotency with a 1,000-row file", () => {
  it("importing the same file again changes nothing; a changed row updates that person only", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => staffRow({ name: `千人${i}`, gender: "", birthDate: "" }));
    const file = await staffWorkbook(rows);
    await as(w.adminA);
    const first = await createImport(upload(file, "千人.xlsx"));
    expect(first).toMatchObject({ totalRows: 1000, errorRows: 0 });
    await runToEnd(first.id);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "DONE", createdCount: 1000, processedRows: 1000 });
    expect(await prisma.practitioner.count({ where: { organizationId: w.agencyA.id, name: { startsWith: "千人" } } })).toBe(1000);

    const before = await registerState();
    await as(w.adminA);
    const second = await createImport(upload(file, "千人.xlsx"));
    expect(second.errorRows).toBe(0);
    await runToEnd(second.id);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "DONE", createdCount: 0, updatedCount: 0, unchangedCount: 1000 });
    // The register is exactly as it was: same rows, versions and timestamps; no history, no audit noise.
    expect(await registerState()).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { entity: "ImportJob", entityId: second.id } })).toBe(3); // upload, start, finish

    const changed = rows.map((r, i) => (i === 500 ? { ...r, phone: "13911112222", practiceFields: "SCHOOLS;CIVIL_AFFAIRS" } : r));
    await as(w.adminA);
    const third = await createImport(upload(await staffWorkbook(changed)));
    await runToEnd(third.id);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 999 });
    const person = await prisma.practitioner.findUniqueOrThrow({ where: { idNumberHash: hashOf(rows[500]!.idNumber as string) } });
    expect(person.phone).toBe("13911112222");
    expect(person.version).toBe(before.practitioners.find((p) => p.id === person.id)!.version + 1);
    const update = await prisma.auditEvent.findFirstOrThrow({ where: { action: "staff.import.update", entityId: person.id } });
    expect(Object.keys(update.after as object).sort()).toEqual(["importJobId", "phone", "rowNumber"]);
  });
});

describe("a job killed mid-way resumes without duplicating or losing rows", () => {
  async function installCrash(atProcessed: number) {
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_crash_import() RETURNS trigger AS $$
      BEGIN IF NEW."processedRows" >= ${atProcessed} THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER test_crash_import BEFORE UPDATE OF "processedRows" ON "ImportJob" FOR EACH ROW EXECUTE FUNCTION test_crash_import()`);
  }
  const removeCrash = () => prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_crash_import ON "ImportJob"`);

  async function expectExactlyOnce(jobId: string, rows: TStaffRow[]) {
    const people = await prisma.practitioner.findMany({ where: { idNumberHash: { in: rows.map((r) => hashOf(r.idNumber as string)) } }, select: { id: true } });
    expect(people).toHaveLength(rows.length);
    const ids = people.map((p) => p.id);
    expect(await prisma.employmentRecord.count({ where: { practitionerId: { in: ids } } })).toBe(rows.length);
    expect(await prisma.practitionerStatusChange.count({ where: { practitionerId: { in: ids } } })).toBe(rows.length);
    expect(await prisma.auditEvent.count({ where: { action: "staff.import.create", entityId: { in: ids } } })).toBe(rows.length);
    const stored = await rowsOf(jobId);
    expect(stored.every((r) => r.status === "DONE" && r.outcome === "CREATED")).toBe(true);
    expect(new Set(stored.map((r) => r.practitionerId)).size).toBe(rows.length);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "DONE", processedRows: rows.length, createdCount: rows.length });
  }

  it("a chunk that fails half-way is rolled back whole; running again finishes every row exactly once", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => staffRow({ name: `中断${i}` }));
    const job = await uploadAsA(rows);
    await installCrash(300);
    try {
      // Chunks of 100: two commit, the third writes its practitioners and then dies at the counter update.
      expect(String(await errorOf(runToEnd(job.id, 100)))).toContain("simulated crash");
    } finally {
      await removeCrash();
    }
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "RUNNING", processedRows: 200, createdCount: 200 });
    expect(await prisma.importRow.count({ where: { jobId: job.id, status: "PENDING" } })).toBe(800);
    expect(await prisma.practitioner.count({ where: { name: { startsWith: "中断" } } })).toBe(200);

    // Had the queue given up on it, the job would be FAILED; the administrator may try again.
    await failImport(job.id, "simulated crash");
    const failed = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed).toMatchObject({ status: "FAILED", failureMessage: "simulated crash" });
    await as(w.adminB);
    expect(await errorOf(retryImport({ jobId: job.id, version: failed.version }))).toMatchObject({ code: "notFound" });
    await as(w.adminA);
    await retryImport({ jobId: job.id, version: failed.version });
    expect(await errorOf(retryImport({ jobId: job.id, version: failed.version + 1 }))).toMatchObject({ code: "staff.import.errors.notFailed" });
    // A new run claims it and carries on from the pending rows.
    expect(await runImport(job.id, { chunkSize: 100 })).toBe("done");
    await expectExactlyOnce(job.id, rows);
  });

  it("two runs of the same job at once write each row once (the later claim supersedes the earlier)", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => staffRow({ name: `并发${i}` }));
    const job = await uploadAsA(rows);
    await as(w.adminA);
    await startImport({ jobId: job.id, version: 1 });
    const results = await Promise.all([runImport(job.id, { chunkSize: 50 }), runImport(job.id, { chunkSize: 50 })]);
    // Exactly one finishes; the other was superseded (or, had the first finished before it claimed, found nothing to do).
    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect(results.filter((r) => r !== "done")[0]).toMatch(/^(superseded|gone)$/);
    await expectExactlyOnce(job.id, rows);
  });

  it("through pg-boss: the worker runs a started import, and at start-up resumes one a dead process left RUNNING", async () => {
    await startImportWorker();
    try {
      const rows = Array.from({ length: 300 }, (_, i) => staffRow({ name: `队列${i}` }));
      const job = await uploadAsA(rows);
      await as(w.adminA);
      await startImport({ jobId: job.id, version: 1 });
      await waitForStatus(job.id, "DONE");
      await expectExactlyOnce(job.id, rows);

      // A process died mid-import: chunks committed, the job left RUNNING, nobody working on it.
      await stopImportQueue();
      const crashed = Array.from({ length: 400 }, (_, i) => staffRow({ name: `重启${i}` }));
      const interrupted = await uploadAsA(crashed);
      await installCrash(150);
      try {
        expect(String(await errorOf(runToEnd(interrupted.id, 100)))).toContain("simulated crash");
      } finally {
        await removeCrash();
      }
      expect(await prisma.importJob.findUniqueOrThrow({ where: { id: interrupted.id } })).toMatchObject({ status: "RUNNING", processedRows: 100 });
      // The next start-up re-queues it; the queue's worker finishes it.
      await startImportWorker();
      await waitForStatus(interrupted.id, "DONE");
      await expectExactlyOnce(interrupted.id, crashed);
      expect(await requeueInterrupted()).toBe(0);
    } finally {
      await stopImportQueue();
    }
  });
});

async function waitForStatus(jobId: string, status: string, timeoutMs = 25_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === status) return job;
    if (Date.now() > until) throw new Error(`import ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
