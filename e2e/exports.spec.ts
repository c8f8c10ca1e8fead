import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, idNumberColumns, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { makeCredentialedPractitioner } from "../src/server/seed/credential-factories";
import { canonicalNumber } from "../src/lib/canonical-number";

// Exports carry what the list's filter is about (issue 11, item 9). The spec's own district: an
// agency with one person whose registration comes due in 45 days (with a phone), one whose
// registration runs for years, and the district's officer.

const z = M.zh;
const p = z.practitioners as unknown as { exportExcel: string; filters: Record<string, string>; fields: Record<string, string>; export: Record<string, string>; registrationFilter: Record<string, string> };
const c = z.credentials as unknown as Record<string, string> & { export: Record<string, string> };
const common = z.common as unknown as Record<string, string>;
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const isoIn = (days: number) => new Date(cityToday().getTime() + days * DAY).toISOString().slice(0, 10);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `exports-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `导出${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `导出${tag}社会工作服务中心`);
    const person = (name: string, phone: string, end: string, number: string, status: "VERIFIED" | "SUBMITTED" = "VERIFIED") =>
      makeCredentialedPractitioner(tx, { name, phone, organizationId: agency.id, entryDate: new Date("2020-01-01T00:00:00Z"), entryPath: "RECRUITED", ...idNumberColumns() }, [
        { status, kind: "SOCIAL_WORKER", number, issueDate: "2025-06-01", registrationEnd: end, registrationNumber: `DJ-${number}` },
      ]);
    const due = await person(`将到期${tag}`, "13911112222", isoIn(45), `E2E-DUE-${tag}`);
    const later = await person(`远期${tag}`, "13933334444", isoIn(900), `E2E-LATER-${tag}`);
    // A submission waiting in the district's queue.
    const waiting = await person(`待审${tag}`, "13955556666", isoIn(1000), `E2E-WAIT-${tag}`, "SUBMITTED");
    return { tag, district, agency, due, later, waiting, officer: await newUser(tx, "DISTRICT_OFFICER", `导出区干事${tag}`, { regionId: district.id }) };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** Clicks the export link and reads the downloaded workbook's first sheet as rows of text. */
async function download(page: Page, linkName: string): Promise<{ name: string; rows: string[][] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return { name: file.suggestedFilename(), rows };
}

test("the register exported with the registration-due filter carries the certificate and registration numbers, the end date and the phone", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto("/practitioners");
  await page.getByLabel(p.filters.registration!).selectOption("due");
  await page.getByRole("button", { name: common.applyFilters }).click();
  await expect(page).toHaveURL(/registration=due/);
  await expect(page.getByRole("link", { name: w.due.name })).toBeVisible();
  await expect(page.getByRole("link", { name: w.later.name })).toHaveCount(0);
  await expectNoA11yViolations(page);

  const { name, rows } = await download(page, p.exportExcel);
  expect(name).toMatch(/\.xlsx$/);
  const header = rows[0]!;
  for (const h of [p.fields.phone, p.export.certificateNumber, p.export.registrationNumber, p.export.registrationStart, p.fields.registrationEnd, p.fields.registrationStatus]) expect(header, h).toContain(h);
  // The officer's district only, and only those coming due.
  expect(rows.slice(1).map((r) => r[0])).toEqual([w.due.name]);
  const row = rows[1]!;
  const cell = (h: string) => row[header.indexOf(h)];
  expect(cell(p.fields.phone!)).toBe("13911112222");
  expect(cell(p.export.certificateNumber!)).toBe(canonicalNumber(`E2E-DUE-${w.tag}`));
  expect(cell(p.export.registrationNumber!)).toBe(canonicalNumber(`DJ-E2E-DUE-${w.tag}`));
  expect(cell(p.fields.registrationEnd!)).toBe(isoIn(45));
  expect(cell(p.fields.registrationStatus!)).toBe(p.registrationFilter.due);
  // ID numbers stay masked.
  expect(cell(p.fields.idNumber!)).toMatch(/^\*{14}[\dX]{4}$/);

  // Without the filter: no phone column, and no phone anywhere in the file.
  await page.goto("/practitioners");
  const plain = await download(page, p.exportExcel);
  expect(plain.rows[0]).not.toContain(p.fields.phone);
  expect(plain.rows.flat()).not.toContain("13911112222");
});

test("the verification queue exports the tab and filter on screen", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto(`/credentials/verification?q=${encodeURIComponent(w.waiting.name)}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await expectNoA11yViolations(page);
  const { rows } = await download(page, common.exportExcel!);
  const header = rows[0]!;
  expect(rows.slice(1).map((r) => [r[header.indexOf(c.practitioner!)], r[header.indexOf(c.number!)], r[header.indexOf(c.export.employer!)]])).toEqual([[w.waiting.name, canonicalNumber(`E2E-WAIT-${w.tag}`), w.agency.name]]);

  // The hours tab has its own export.
  await page.goto("/credentials/verification?tab=hours");
  const link = page.getByRole("link", { name: common.exportExcel! });
  await expect(link).toHaveAttribute("href", /tab=hours/);
});
