import fs from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, type Page } from "./fixtures";
import { M, signOut } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber, withWrongCheckDigit } from "../src/server/seed/id-numbers";

// Bulk import of an agency's staff (issue 4 item 6) and recording a move, as the administrator of
// an agency of the spec's own (a district with two agencies, their administrator and officer).
// Every person is new: random ID numbers and a per-run name tag. Imported people hold no verified
// credential, so they do not count toward the target.

type TStaff = {
  import: Record<string, unknown> & {
    title: string;
    downloadTemplate: string;
    upload: Record<string, string>;
    job: Record<string, string>;
    progress: Record<string, string>;
  };
  transfer: Record<string, string> & { kinds: Record<string, string> };
  former: Record<string, string>;
  history: Record<string, string>;
};
const z = M.zh;
const s = (z as unknown as { staff: TStaff }).staff;
const pr = (z as unknown as { practitioners: { emptyState: { filteredTitle: string; scopeEmptyTitle: string }; fields: Record<string, string> } }).practitioners;
const counting = (z as unknown as { counting: { notCounting: string } }).counting;
const fields = pr.fields;
const enums = (z as unknown as { enums: Record<string, Record<string, string>> }).enums;
const validation = z.validation as unknown as Record<string, string>;

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `staff-import-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `导入${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `导入${tag}社会工作服务中心`);
    const next = await newOrg(tx, "AGENCY", district.id, `接收${tag}社会工作服务中心`);
    const admin = await newUser(tx, "AGENCY_ADMIN", `导入管理员${tag}`, { organizationId: agency.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `导入区干事${tag}`, { regionId: district.id });
    return { tag, district, agency, next, admin, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

type TRow = Record<string, string>;

/** Fills the downloaded template's first sheet under its own (localised) header row. */
async function fillTemplate(templatePath: string, rows: TRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(templatePath);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace("*", ""));
  const column = (field: string) => header.indexOf(fields[field]!);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    for (const [field, value] of Object.entries(r)) row.getCell(column(field)).value = value;
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string) {
  await page.goto("/practitioners/import");
  await page.getByLabel(s.import.upload.file!).setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: s.import.upload.submit! }).click();
  await expect(page).toHaveURL(/\/practitioners\/import\/[^/?]+$/, { timeout: 30_000 });
}

test("an agency administrator imports 50 staff: template, 3 bad rows shown, fixed, imported with live progress, in the register; then records a move", async ({ page, login, expectNoA11yViolations }) => {
  test.setTimeout(240_000);
  const tag = w.tag;
  const rows: TRow[] = Array.from({ length: 50 }, (_, i) => ({
    name: `导入${tag}号${String(i + 1).padStart(2, "0")}`,
    idNumber: randomIdNumber(),
    phone: `1390000${String(i).padStart(4, "0")}`,
    degree: enums.degree!.BACHELOR!,
    major: enums.major!.SOCIAL_WORK!,
    employmentType: enums.employmentType!.AGENCY_STAFF!,
    hireDate: "2025-03-01",
    practiceFields: `${enums.practiceField!.SCHOOLS!}、${enums.practiceField!.CIVIL_AFFAIRS!}`,
    targetGroups: enums.targetGroup!.CHILDREN!,
    talentTrack: enums.talentTrack!.FRONTLINE!,
    entryPath: enums.entryPath!.RECRUITED!,
    entryDate: "2025-03-01",
  }));
  // Three bad rows (spreadsheet rows 5, 20 and 41): a wrong check digit, no name, an impossible date.
  const bad = rows.map((r) => ({ ...r }));
  bad[3]!.idNumber = withWrongCheckDigit(rows[3]!.idNumber!);
  bad[18]!.name = "";
  bad[39]!.hireDate = "2025-02-30";

  await login(page, w.admin);
  await page.goto("/practitioners");
  // The agency has no staff yet: the empty register says so (not "no match for the filters").
  await expect(page.getByText(pr.emptyState.scopeEmptyTitle)).toBeVisible();
  await page.getByRole("link", { name: s.import.title }).click();
  await expect(page).toHaveURL(/\/practitioners\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: s.import.title })).toBeVisible();
  await expectNoA11yViolations(page);

  // The template, in the user's language.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: s.import.downloadTemplate }).click()]);
  const templatePath = await download.path();
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(templatePath);
  expect(template.worksheets[0]!.getRow(1).getCell(1).value).toBe(`${fields.name}*`);

  // Upload with three bad rows: the preview lists them; nothing is imported yet.
  await upload(page, await fillTemplate(templatePath, bad), `员工${tag}.xlsx`);
  await expect(page.getByTestId("import-rows")).toHaveText("50");
  await expect(page.getByTestId("import-valid")).toHaveText("47");
  await expect(page.getByTestId("import-errors")).toHaveText("3");
  await expect(page.getByTestId("error-row-5")).toContainText(validation.idNumber_checkDigit!);
  const fieldMessage = (field: string, message: string) => s.import.job.fieldMessage!.replace("{field}", field).replace("{message}", message);
  await expect(page.getByTestId("error-row-20")).toContainText(fieldMessage(fields.name!, validation.required!));
  // The message names the value that is wrong (issue 11, item 8).
  const valueMessage = s.import.job.valueMessage!.replace("{field}", fields.hireDate!).replace("{value}", "2025-02-30").replace("{message}", validation.date!);
  await expect(page.getByTestId("error-row-41")).toContainText(valueMessage);
  await expectNoA11yViolations(page);
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: s.import.job.downloadErrors! }).first().click()]);
  const reportBook = new ExcelJS.Workbook();
  await reportBook.xlsx.readFile(await report.path());
  expect(reportBook.worksheets[0]!.rowCount).toBe(4);
  await page.goto(`/practitioners?q=${encodeURIComponent(`导入${tag}`)}`);
  await expect(page.getByText(pr.emptyState.filteredTitle)).toBeVisible();

  // Fixed and uploaded again: no errors; start it and watch the progress reach 100 %.
  await upload(page, await fillTemplate(templatePath, rows), `员工${tag}-改.xlsx`);
  await expect(page.getByTestId("import-errors")).toHaveText("0");
  await page.getByRole("button", { name: s.import.job.start!.replace("{count}", "50") }).click();
  const dialog = page.getByRole("dialog", { name: s.import.job.confirmTitle! });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: s.import.job.confirm! }).click();
  const bar = page.getByRole("progressbar", { name: s.import.progress.label! });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(page.getByTestId("import-created")).toHaveText("50");
  await expect(page.getByTestId("import-errors")).toHaveText("0");
  await expectNoA11yViolations(page);

  // The import history lists both uploads.
  await page.goto("/practitioners/import");
  await expect(page.getByRole("link", { name: `员工${tag}-改.xlsx` })).toBeVisible();
  await expect(page.getByRole("link", { name: `员工${tag}.xlsx`, exact: true })).toBeVisible();

  // The people are in the register (the agency's fifty staff, no more), not counting toward the target.
  const range50 = z.common.rangeSummary.replace("{from}", "1").replace("{to}", "25").replace("{total}", "50");
  await page.goto("/practitioners");
  await expect(page.getByText(range50)).toBeVisible();
  await page.goto(`/practitioners?q=${encodeURIComponent(`导入${tag}`)}`);
  await expect(page.getByText(range50)).toBeVisible();
  await page.getByRole("link", { name: rows[0]!.name! }).click();
  await expect(page.getByRole("heading", { level: 1, name: rows[0]!.name! })).toBeVisible();
  await expect(page.getByTestId("counting")).toContainText(counting.notCounting);
  const history = page.getByTestId("employment-history");
  await expect(history).toContainText(w.agency.name);
  await expectNoA11yViolations(page);

  // Record a move to another agency, confirmed in a dialog; the agency then finds them among former staff only.
  const form = page.getByTestId("transfer-form");
  await form.getByLabel(s.transfer.kinds.MOVED!).check();
  await form.getByLabel(s.transfer.date!).fill("2026-01-05");
  await form.getByLabel(s.transfer.toOrganization!).selectOption({ label: w.next.name });
  await form.getByRole("button", { name: s.transfer.submit! }).click();
  const confirm = page.getByRole("dialog", { name: s.transfer.confirmTitle! });
  await expect(confirm).toContainText(w.next.name);
  await expectNoA11yViolations(page);
  const personUrl = page.url();
  await confirm.getByRole("button", { name: s.transfer.confirm! }).click();
  await expect(page).toHaveURL(/\/practitioners\/former\?recorded=1/, { timeout: 30_000 });
  const former = page.getByRole("table", { name: s.former.title! });
  await expect(former.getByRole("row").filter({ hasText: rows[0]!.name! })).toContainText(w.next.name);
  await expectNoA11yViolations(page);
  expect((await page.goto(personUrl))?.status()).toBe(404);
  await signOut(page);

  // The city administrator sees the whole history on the person's page.
  await login(page, "city@demo.local");
  await page.goto(personUrl);
  await expect(page.getByTestId("employment-history")).toContainText(w.next.name);
  await expect(page.getByTestId("employment-history")).toContainText(w.agency.name);
  await expect(page.getByTestId("employment-history")).toContainText(enums.employmentEnd!.MOVED!);
  fs.rmSync(templatePath, { force: true });
});

test("the import is for agency administrators only", async ({ page, login }) => {
  await login(page, w.officer);
  await page.goto("/practitioners");
  await expect(page.getByRole("link", { name: s.import.title })).toHaveCount(0);
  await expect(page.getByRole("link", { name: s.former.title })).toBeVisible();
  expect((await page.goto("/practitioners/import"))?.status()).toBe(403);
  expect((await page.request.get("/api/staff-import/template")).status()).toBe(403);
  expect((await page.request.get("/api/staff-import/not-a-job/progress")).status()).toBe(403);
  await signOut(page);
  await login(page, w.admin);
  expect((await page.goto("/practitioners/import/not-a-job"))?.status()).toBe(404);
  expect((await page.request.get("/api/staff-import/not-a-job/errors")).status()).toBe(404);
});
