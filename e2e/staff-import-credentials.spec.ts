import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { test, expect, PHONE, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber } from "../src/server/seed/id-numbers";

// Issue 11, item 8: the template's certificate columns submit credentials the district verifies in
// a batch (one confirmation, each audited), after which the people count; a workbook written by
// another program (openpyxl) is read; a file that cannot be read says what is wrong with it.

const z = M.zh;
type TImport = { upload: Record<string, string>; job: Record<string, string>; progress: Record<string, string>; fileErrors: Record<string, string>; rowErrors: Record<string, string>; title: string; downloadTemplate: string };
const s = (z as unknown as { staff: { import: TImport } }).staff.import;
const fields = (z as unknown as { practitioners: { fields: Record<string, string> } }).practitioners.fields;
const enums = (z as unknown as { enums: Record<string, Record<string, string>> }).enums;
const en = (M.en as unknown as { enums: Record<string, Record<string, string>> }).enums;
const c = (z as unknown as { credentials: Record<string, string> }).credentials;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), text);
/** ICU "{count, plural, other {…#…}}" as Chinese renders it. */
const plural = (text: string, count: number) => text.replace(/^\{count, plural, other \{(.*)\}\}$/, "$1").replaceAll("#", String(count));
const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "tests/fixtures/staff-import", name));

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `staff-import-credentials-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `证书${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `证书${tag}社会工作服务中心`);
    const admin = await newUser(tx, "AGENCY_ADMIN", `证书管理员${tag}`, { organizationId: agency.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `证书区干事${tag}`, { regionId: district.id });
    return { tag, district, agency, admin, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

async function fillTemplate(templatePath: string, rows: Record<string, string>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(templatePath);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace("*", ""));
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    for (const [field, value] of Object.entries(r)) row.getCell(header.indexOf(fields[field]!)).value = value;
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string, mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
  await page.goto("/practitioners/import");
  await page.getByLabel(s.upload.file!).setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: s.upload.submit! }).click();
}

test("certificates imported with the staff are verified by the district in one batch, each audited, and the people then count", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.setTimeout(240_000);
  const person = (n: number, extra: Record<string, string> = {}) => ({ name: `证书${w.tag}号${n}`, idNumber: randomIdNumber(), entryPath: enums.entryPath!.RECRUITED!, entryDate: "2024-03-01", ...extra });
  const rows = [
    // Levels by their Chinese label and by their English one; numbers typed with dashes and lower case.
    person(1, { certificateLevel: enums.credentialKind!.SOCIAL_WORKER!, certificateNumber: `sw-${w.tag}-001`, certificateIssueDate: "2019-09-01" }),
    person(2, { certificateLevel: en.credentialKind!.ASSISTANT_SOCIAL_WORKER!, certificateNumber: `SW ${w.tag} 002`, certificateIssueDate: "2021-10-15" }),
    person(3),
    // A level that is not one of the three: the row error names it and the three allowed.
    person(4, { certificateLevel: "高级社工", certificateNumber: `SW-${w.tag}-004`, certificateIssueDate: "2020-01-01" }),
  ];

  await login(page, w.admin);
  await page.goto("/practitioners/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: s.downloadTemplate }).click()]);
  const templatePath = await download.path();
  await upload(page, await fillTemplate(templatePath, rows), `证书${w.tag}.xlsx`);
  await expect(page).toHaveURL(/\/practitioners\/import\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("import-rows")).toHaveText("4");
  await expect(page.getByTestId("import-errors")).toHaveText("1");
  await expect(page.getByTestId("import-certificates")).toHaveText("2");
  const allowed = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"].map((k) => enums.credentialKind![k]).join(s.job.listSeparator!);
  await expect(page.getByTestId("error-row-5")).toContainText(fill(s.rowErrors.notAllowed!, { field: fields.certificateLevel!, value: "高级社工", allowed }));
  await expectNoA11yViolations(page, { widths: [PHONE.width] });

  await page.getByRole("button", { name: fill(s.job.startValid!, { count: 3 }) }).click();
  await page.getByRole("dialog", { name: s.job.confirmTitle! }).getByRole("button", { name: s.job.confirm! }).click();
  await expect(page.getByRole("progressbar", { name: s.progress.label! })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(page.getByTestId("import-created")).toHaveText("3");
  await expect(page.getByTestId("import-credentials")).toHaveText("2");
  await expectNoA11yViolations(page, { widths: [PHONE.width] });

  // The district's queue: the two certificates, their source named, a checkbox on each, on a phone too.
  const officerCtx = await browser.newContext({ baseURL, locale: "zh-CN", viewport: PHONE });
  const officer = await officerCtx.newPage();
  await login(officer, w.officer);
  await officer.goto("/credentials/verification");
  const queueRows = officer.getByTestId("queue-row");
  await expect(queueRows).toHaveCount(2);
  await expect(queueRows.first()).toContainText(fill(c.importSource!, { file: `证书${w.tag}.xlsx` }));
  await expect(officer.getByTestId("import-no-scan").first()).toBeVisible();
  await expect(officer.getByTestId("select-credential")).toHaveCount(2);
  // In the card layout the checkbox is on the card, inside the phone's width.
  const box = (await officer.getByTestId("select-credential").first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await expectNoA11yViolations(officer, { widths: [1280] });

  // Select all on the page with the keyboard; the button states the count; one dialog confirms it.
  const all = officer.getByLabel(c.selectAll!);
  await all.focus();
  await officer.keyboard.press("Space");
  await expect(all).toBeChecked();
  await expect(officer.getByTestId("select-credential").nth(1)).toBeChecked();
  const verifyAll = officer.getByRole("button", { name: fill(c.verifySelected!, { count: 2 }) });
  await verifyAll.focus();
  await officer.keyboard.press("Enter");
  const dialog = officer.getByRole("dialog", { name: fill(c.batchTitle!, { count: 2 }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveCount(2);
  await expectNoA11yViolations(officer, { widths: [1280] });
  await dialog.getByRole("button", { name: fill(c.batchConfirm!, { count: 2 }) }).click();
  await expect(officer.getByRole("status").filter({ hasText: plural(c.batchDone!, 2) })).toBeVisible();
  await expect(queueRows).toHaveCount(0);
  await expectNoA11yViolations(officer, { widths: [1280] });

  // Each verification is audited on its own, by the officer.
  const imported = await db.credential.findMany({ where: { importJob: { originalName: `证书${w.tag}.xlsx` } }, select: { id: true, status: true, practitionerId: true } });
  expect(imported.map((x) => x.status)).toEqual(["VERIFIED", "VERIFIED"]);
  const audits = await db.auditEvent.findMany({ where: { action: "credentials.verify", entityId: { in: imported.map((x) => x.id) } }, select: { entityId: true, actorId: true } });
  expect(audits.map((a) => a.entityId).sort()).toEqual(imported.map((x) => x.id).sort());
  expect(audits.every((a) => a.actorId === w.officer.id)).toBe(true);

  // The people now count.
  await officer.goto(`/practitioners/${imported[0]!.practitionerId}`);
  await expect(officer.getByTestId("counting").first()).toHaveAttribute("data-counts", "true");
  await officerCtx.close();
  fs.rmSync(templatePath, { force: true });
});

test("a workbook written by openpyxl is read; files that cannot be read say what is wrong with them", async ({ page, login, expectNoA11yViolations }) => {
  test.setTimeout(120_000);
  await login(page, w.admin);
  // The template filled in and saved by openpyxl: refused as unreadable before (exceljs threw on its comments).
  await upload(page, fixture("openpyxl-template.xlsx"), "openpyxl-template.xlsx");
  await expect(page).toHaveURL(/\/practitioners\/import\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("import-rows")).toHaveText("3");
  await expect(page.getByTestId("import-valid")).toHaveText("3");
  await expect(page.getByTestId("import-certificates")).toHaveText("2");

  for (const [name, problem, mimeType] of [
    ["old-excel.xls", "oldXls", "application/vnd.ms-excel"],
    ["password-protected.xlsx", "passwordProtected", undefined],
    ["staff.csv", "csv", "text/csv"],
  ] as const) {
    await upload(page, fixture(name), name, mimeType);
    const message = page.locator("#file-error");
    await expect(message).toHaveText(s.fileErrors[problem]!);
    await expect(page.getByLabel(s.upload.file!)).toHaveAttribute("aria-invalid", "true");
  }
  await expectNoA11yViolations(page, { widths: [PHONE.width] });
});
