import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { as, errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { createImport, startImport } from "@/server/staff-import/mutations";
import { runImport } from "@/server/staff-import/processor";
import { importErrors } from "@/server/staff-import/queries";
import { stopImportQueue } from "@/server/staff-import/queue";
import { verifyCredentials } from "@/server/credentials/mutations";
import { verificationQueue } from "@/server/credentials/queries";
import { ImportFileError } from "@/server/staff-import/read";
import { IMPORT_ERRORS } from "@/domain/staff/import-validate";
import { CERTIFICATE_AUTHORITY } from "@/domain/credentials/schemas";
import { idNumberLookupHash } from "@/lib/id-crypto";
import { env } from "@/env";

// Issue 11, item 8: workbooks written by other programs (committed fixtures from openpyxl and
// LibreOffice, tests/fixtures/staff-import/generate.sh) are read; files that cannot be read say
// why; certificate columns submit credentials that the district then verifies in a batch.

afterAll(async () => {
  await stopImportQueue().catch(() => undefined);
});

const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/staff-import", name))) });
// The people of the fixtures (generate.py).
const P1 = { name: "周婉清", id: "110101199005120027", cert: { kind: "SOCIAL_WORKER", number: "2019350123000456", issueDate: "2019-09-01" } };
const P2 = { name: "陈志远", id: "110101198802030038", cert: { kind: "ASSISTANT_SOCIAL_WORKER", number: "2021350988000123", issueDate: "2021-10-15" } };
const P3 = { name: "林晓雯", id: "11010119950707004X" };
const hashOf = (id: string) => idNumberLookupHash(env.ID_ENCRYPTION_KEY, id);

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区" });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "甲区阳光社工" });
  const other = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "甲区彩虹社工" });
  return {
    district,
    agency,
    other,
    admin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
    otherAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: other.id }),
    officer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id }),
  };
}
beforeAll(async () => {
  w = await build();
});

const rowsOf = (jobId: string) => prisma.importRow.findMany({ where: { jobId }, orderBy: { rowNumber: "asc" } });
type TData = { name: string; idNumberHash: string; entryDate: string; hireDate: string | null; phone: string | null; certificate?: unknown };

async function preview(name: string) {
  await as(w.admin);
  const job = await createImport(fixture(name));
  return { job, rows: await rowsOf(job.id) };
}

describe("workbooks written by other programs", () => {
  it("the template filled in and saved by openpyxl (which exceljs 4.4 could not open) reads whole, certificates included", async () => {
    const { job, rows } = await preview("openpyxl-template.xlsx");
    expect(job).toMatchObject({ totalRows: 3, errorRows: 0 });
    const data = rows.map((r) => r.data as unknown as TData);
    expect(data.map((d) => [d.name, d.idNumberHash, d.phone, d.hireDate, d.entryDate])).toEqual([
      [P1.name, hashOf(P1.id), "13912340001", "2024-03-01", "2024-03-01"],
      [P2.name, hashOf(P2.id), "13912340002", "2024-03-01", "2024-03-01"],
      [P3.name, hashOf(P3.id), "13912340003", "2024-03-01", "2024-03-01"],
    ]);
    expect(data.map((d) => d.certificate)).toEqual([P1.cert, P2.cert, null]);
  });

  it("the same saved again by LibreOffice reads the same", async () => {
    const { job, rows } = await preview("libreoffice-template.xlsx");
    expect(job).toMatchObject({ totalRows: 3, errorRows: 0 });
    expect(rows.map((r) => (r.data as unknown as TData).certificate)).toEqual([P1.cert, P2.cert, null]);
  });

  it("LibreOffice from a flat ODS: the staff sheet second, Traditional Chinese headers, rich text, a formula's cached value, Chinese date formats", async () => {
    const { job, rows } = await preview("libreoffice-rich.xlsx");
    expect(job).toMatchObject({ totalRows: 2, errorRows: 0 });
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    const data = rows.map((r) => r.data as unknown as TData);
    expect(data.map((d) => [d.name, d.phone, d.hireDate, d.certificate])).toEqual([
      [P1.name, "13912340001", "2024-03-01", P1.cert],
      [P2.name, "13912340002", "2024-03-01", P2.cert],
    ]);
  });

  it("openpyxl from scratch: a title above an English header, data from column B, a serial-number date, a full-width certificate number; an ID typed as a number is refused as such", async () => {
    const { job, rows } = await preview("openpyxl-scratch.xlsx");
    expect(job).toMatchObject({ totalRows: 3, errorRows: 1 });
    expect(rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [4, "PENDING"],
      [5, "PENDING"],
      [6, "INVALID"],
    ]);
    expect(rows[0]!.data).toMatchObject({ name: P1.name, entryPath: "RECRUITED", entryDate: "2024-03-01", certificate: P1.cert });
    expect(rows[1]!.data).toMatchObject({ name: P3.name, hireDate: "2024-03-01", entryDate: "2024-03-01", certificate: null });
    expect(rows[2]!.errors).toEqual([{ field: "idNumber", key: IMPORT_ERRORS.idNumberAsNumber, value: "**************0000" }]);
  });

  it("a CSV opened and saved by LibreOffice: the ID and certificate numbers it turned into numbers are refused with why", async () => {
    const { job, rows } = await preview("libreoffice-csv.xlsx");
    expect(job).toMatchObject({ totalRows: 2, errorRows: 2 });
    expect(rows[0]!.errors).toEqual([{ field: "idNumber", key: IMPORT_ERRORS.idNumberAsNumber, value: "**************0000" }]);
    expect(rows[1]!.errors).toEqual([{ field: "certificateNumber", key: IMPORT_ERRORS.certificateNumberAsNumber, value: "2020350111001000" }]);
  });

  it("files that cannot be read say what they are, and create no job", async () => {
    await as(w.admin);
    const jobs = await prisma.importJob.count();
    const reasons: Record<string, string> = {};
    for (const name of ["old-excel.xls", "password-protected.xlsx", "staff.csv", "web-page.xls", "opendocument.ods", "truncated.xlsx", "word-document.xlsx", "no-header.xlsx"]) {
      reasons[name] = ((await errorOf(createImport(fixture(name)))) as ImportFileError).problem;
    }
    expect(reasons).toEqual({
      "old-excel.xls": "oldXls",
      "password-protected.xlsx": "passwordProtected",
      "staff.csv": "csv",
      "web-page.xls": "html",
      "opendocument.ods": "ods",
      "truncated.xlsx": "damaged",
      "word-document.xlsx": "notSpreadsheet",
      "no-header.xlsx": "missingColumns",
    });
    expect(await prisma.importJob.count()).toBe(jobs);
  });
});

async function run(jobId: string) {
  await as(w.admin);
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  await startImport({ jobId, version: job.version });
  expect(await runImport(jobId)).toBe("done");
  return prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
}

describe("certificates imported, then verified in a batch", () => {
  it("the run submits each certificate with the import as its source, one event and one audit entry each; nobody counts yet", async () => {
    const { job } = await preview("openpyxl-template.xlsx");
    const done = await run(job.id);
    expect(done).toMatchObject({ createdCount: 3, credentialCount: 2, errorRows: 0 });
    const credentials = await prisma.credential.findMany({ where: { importJobId: job.id }, orderBy: { number: "asc" }, include: { events: true, practitioner: { select: { name: true, isQualified: true } } } });
    expect(credentials.map((c) => [c.practitioner.name, c.kind, c.number, c.issueDate.toISOString().slice(0, 10), c.status, c.issuingAuthority, c.scanFileId, c.submittedById])).toEqual([
      [P1.name, "SOCIAL_WORKER", P1.cert.number, P1.cert.issueDate, "SUBMITTED", CERTIFICATE_AUTHORITY, null, w.admin.id],
      [P2.name, "ASSISTANT_SOCIAL_WORKER", P2.cert.number, P2.cert.issueDate, "SUBMITTED", CERTIFICATE_AUTHORITY, null, w.admin.id],
    ]);
    expect(credentials.every((c) => c.events.length === 1 && c.events[0]!.toStatus === "SUBMITTED" && !c.practitioner.isQualified)).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { action: "credentials.submit", entityId: { in: credentials.map((c) => c.id) } } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => (a.after as { importJobId?: string }).importJobId === job.id)).toBe(true);

    // The queue names the file they came from.
    const queue = await verificationQueue(await as(w.officer), { page: 1 });
    expect(queue.items.filter((c) => c.importJob?.id === job.id).map((c) => c.importJob!.originalName)).toEqual(["openpyxl-template.xlsx", "openpyxl-template.xlsx"]);
  });

  it("importing the same people again submits nothing twice (the certificates are on record for them)", async () => {
    const before = await prisma.credential.count();
    const { job } = await preview("libreoffice-template.xlsx");
    const done = await run(job.id);
    expect(done).toMatchObject({ unchangedCount: 3, credentialCount: 0, errorRows: 0 });
    expect(await prisma.credential.count()).toBe(before);
  });

  it("a certificate number on record for someone else is a row error, at upload and when the row runs", async () => {
    // Another agency's file gives P1's certificate number to a new person.
    await as(w.otherAdmin);
    const { staffRow, staffWorkbook } = await import("../helpers/staff-import");
    const bytes = await staffWorkbook([staffRow({ certificateLevel: "社会工作师", certificateNumber: "2019-3501-2300-0456", certificateIssueDate: "2020-01-01" })]);
    const job = await createImport({ name: "other.xlsx", bytes: new Uint8Array(bytes) });
    expect(job).toMatchObject({ totalRows: 1, errorRows: 1 });
    expect((await rowsOf(job.id))[0]!.errors).toEqual([{ field: "certificateNumber", key: IMPORT_ERRORS.certificateNumberTaken, value: "2019-3501-2300-0456" }]);
    const page = await importErrors(await as(w.otherAdmin), job.id, 1);
    expect(page.items[0]!.errors[0]!.key).toBe(IMPORT_ERRORS.certificateNumberTaken);

    // Valid at upload, taken before it runs: refused then, the person not written.
    const fresh = await staffWorkbook([staffRow({ name: "后来者", certificateLevel: "社会工作师", certificateNumber: "SW-LATE-1", certificateIssueDate: "2020-01-01" })]);
    const late = await createImport({ name: "late.xlsx", bytes: new Uint8Array(fresh) });
    expect(late.errorRows).toBe(0);
    const holder = await makePractitioner(prisma, { organizationId: w.agency.id });
    await prisma.credential.create({ data: { practitionerId: holder.id, kind: "SOCIAL_WORKER", number: "SWLATE1", issuingAuthority: "x", issueDate: new Date("2020-01-01"), status: "SUBMITTED" } });
    await as(w.otherAdmin);
    await startImport({ jobId: late.id, version: 1 });
    await runImport(late.id);
    const [row] = await rowsOf(late.id);
    expect(row).toMatchObject({ status: "INVALID", errors: [{ field: "certificateNumber", key: IMPORT_ERRORS.certificateNumberTaken, value: "SWLATE1" }] });
    expect(await prisma.practitioner.count({ where: { name: "后来者" } })).toBe(0);
  });

  it("the district verifies several at once: each by the single rule, audited on its own; one changed meanwhile is refused alone and left whole", async () => {
    const submitted = await prisma.credential.findMany({ where: { importJob: { originalName: "openpyxl-template.xlsx" }, status: "SUBMITTED" }, orderBy: { number: "asc" } });
    expect(submitted).toHaveLength(2);
    const [first, second] = submitted;
    // Someone else touches the second one first (its version moves on).
    await prisma.credential.update({ where: { id: second!.id }, data: { version: { increment: 1 } } });
    const auditBefore = await prisma.auditEvent.count({ where: { action: "credentials.verify" } });
    await as(w.officer);
    const outcomes = await verifyCredentials([
      { id: first!.id, version: first!.version },
      { id: second!.id, version: second!.version },
    ]);
    expect(outcomes).toEqual([
      { id: first!.id, ok: true, practitionerId: first!.practitionerId },
      { id: second!.id, ok: false, error: "stale" },
    ]);
    const after = await prisma.credential.findMany({ where: { id: { in: [first!.id, second!.id] } }, orderBy: { number: "asc" }, include: { events: true } });
    expect(after.map((c) => [c.status, c.verifiedById, c.events.length])).toEqual([
      ["VERIFIED", w.officer.id, 2],
      ["SUBMITTED", null, 1],
    ]);
    const audits = await prisma.auditEvent.findMany({ where: { action: "credentials.verify" }, orderBy: { at: "asc" } });
    expect(audits.length - auditBefore).toBe(1);
    expect(audits.at(-1)).toMatchObject({ entityId: first!.id, actorId: w.officer.id });
    // The person whose certificate was verified now counts.
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: first!.practitionerId } })).isQualified).toBe(true);

    // The refused one verifies in a second batch with the version the page now shows.
    const fresh = await prisma.credential.findUniqueOrThrow({ where: { id: second!.id } });
    expect(await verifyCredentials([{ id: fresh.id, version: fresh.version }])).toEqual([{ id: fresh.id, ok: true, practitionerId: fresh.practitionerId }]);
  });

  it("an agency administrator cannot verify, in a batch or otherwise", async () => {
    const one = await prisma.credential.findFirstOrThrow({ where: { status: "SUBMITTED" } });
    await as(w.admin);
    expect(await errorOf(verifyCredentials([{ id: one.id, version: one.version }]))).toMatchObject({ code: "forbidden" });
  });
});
