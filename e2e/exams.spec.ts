import ExcelJS from "exceljs";
import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, idNumberColumns, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber } from "../src/server/seed/id-numbers";
import zhExams from "../messages/zh-Hans/exams.json" with { type: "json" };

// The exam pipeline (issue 12, plan.md G2) end to end, with a world of the spec's own (two new
// districts, their agencies, officers and people): a practitioner records a sitting on "My exam
// sittings" and sees it (a second one for the same year and level is refused); a district officer
// imports a workbook made here, sees the row with another district's person refused and downloads
// the error report, runs it, and the cultivation funnel of their district moves by exactly the
// imported amounts; a practitioner cannot open the officials' pages; another district's person
// cannot be picked.

const e = zhExams;
const z = M.zh;
const enums = (z as unknown as { enums: { qualificationLevel: Record<string, string> } }).enums;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `exams-${tag}`, async (tx) => {
    const home = await newDistrict(tx, `考试${tag}区`);
    const away = await newDistrict(tx, `外区${tag}区`);
    const agency = await newOrg(tx, "AGENCY", home.street.id, `考试${tag}社会工作服务中心`);
    const awayAgency = await newOrg(tx, "AGENCY", away.street.id, `外区${tag}社会工作服务中心`);
    const ids = { a: randomIdNumber(), b: randomIdNumber(), c: randomIdNumber(), away: randomIdNumber() };
    const a = await newPractitioner(tx, agency.id, `考生甲${tag}`, idNumberColumns(ids.a));
    const b = await newPractitioner(tx, agency.id, `考生乙${tag}`, idNumberColumns(ids.b));
    const c = await newPractitioner(tx, agency.id, `考生丙${tag}`, idNumberColumns(ids.c));
    const self = await newPractitioner(tx, agency.id, `自填${tag}`);
    const awayPerson = await newPractitioner(tx, awayAgency.id, `外区考生${tag}`, idNumberColumns(ids.away));
    return {
      tag,
      ids,
      people: { a, b, c, self, awayPerson },
      officer: await newUser(tx, "DISTRICT_OFFICER", `考试区干事${tag}`, { regionId: home.id }),
      worker: await newUser(tx, "PRACTITIONER", self.name, { practitionerId: self.id }),
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const funnelPeople = async (page: Page, stage: string) => Number(await page.getByTestId(`funnel-${stage}`).getAttribute("data-people"));

test("a practitioner records a sitting on My exam sittings and sees it; the same year and level again is refused", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.worker);
  await page.goto("/");
  await page.getByRole("link", { name: z.nav.myExams }).first().click();
  await expect(page).toHaveURL(/\/me\/exams$/);
  await expect(page.getByRole("heading", { level: 1, name: e.mine.title })).toBeVisible();
  await expect(page.getByText(e.mine.empty)).toBeVisible();
  await expectNoA11yViolations(page);

  const form = page.getByTestId("sitting-form");
  const fillIn = async () => {
    await form.getByLabel(e.record.year).selectOption(String(YEAR - 1));
    await form.getByLabel(e.record.level).selectOption("ASSISTANT_SOCIAL_WORKER");
    await form.getByLabel(e.results.FAILED).check();
    await form.getByRole("button", { name: e.mine.submit }).click();
  };
  await fillIn();
  await expect(page).toHaveURL(/\/me\/exams\?recorded=1$/);
  await expect(page.getByText(e.notices.recorded)).toBeVisible();
  const row = page.getByTestId("my-sitting");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-year", String(YEAR - 1));
  await expect(row).toContainText(enums.qualificationLevel.ASSISTANT_SOCIAL_WORKER!);
  await expect(row).toContainText(e.results.FAILED);
  await expect(row).toContainText(e.sources.SELF);

  // The same sitting again: refused under the level, nothing added.
  await fillIn();
  await expect(page.getByTestId("sitting-form").getByText(e.validation.duplicate).first()).toBeVisible();
  await expect(page.getByTestId("my-sitting")).toHaveCount(1);
  await expectNoA11yViolations(page);

  // My profile points here.
  await page.goto("/me");
  await expect(page.getByTestId("my-exams-card").getByRole("link", { name: e.mine.profileLink })).toBeVisible();
});

test("a practitioner cannot open the officials' exam pages, their import or its template", async ({ page, login }) => {
  await login(page, w.worker);
  await page.goto("/exams");
  await expect(page).toHaveURL(/\/me\/exams$/);
  await expect(page.getByTestId("sitting-list")).toHaveCount(0);
  const res = await page.goto("/exams/import");
  expect(res?.status()).toBe(403);
  await expect(page.getByLabel(e.import.file)).toHaveCount(0);
  const template = await page.request.get("/api/exams/import/template");
  expect(template.status()).toBe(403);
  const upload = await page.request.get("/api/exams/import/anything/progress");
  expect(upload.status()).toBe(403);
});

test("a district officer imports a small workbook: another district's person is refused, and the funnel moves by exactly the imported amounts", async ({ page, login, expectNoA11yViolations }) => {
  test.setTimeout(180_000);
  await login(page, w.officer);

  // The funnel of the officer's district for this year, before.
  await page.goto("/dashboard/growth");
  const funnel = page.getByTestId("exam-funnel");
  await expect(funnel).toHaveAttribute("data-year", String(YEAR));
  const before = { sat: await funnelPeople(page, "sat"), passed: await funnelPeople(page, "passed") };

  // Another district's person cannot be picked to record a sitting for.
  await page.goto(`/exams/new?q=${w.ids.away}`);
  await expect(page.getByTestId("no-candidates")).toBeVisible();
  await page.goto(`/exams/new?q=${encodeURIComponent(w.people.awayPerson.name)}`);
  await expect(page.getByTestId("no-candidates")).toBeVisible();

  // The workbook, made here: three sittings in the district, one of another district's person.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("考试");
  const c = e.import.columns;
  sheet.addRow([c.idNumber, c.name, c.year, c.level, c.result]);
  sheet.addRow([w.ids.a, w.people.a.name, String(YEAR), enums.qualificationLevel.SOCIAL_WORKER, e.results.PASSED]);
  sheet.addRow([w.ids.b, "", String(YEAR), enums.qualificationLevel.ASSISTANT_SOCIAL_WORKER, e.results.FAILED]);
  sheet.addRow([w.ids.c, w.people.c.name, String(YEAR), "Assistant social worker", "passed"]);
  sheet.addRow([w.ids.away, "", String(YEAR), enums.qualificationLevel.ASSISTANT_SOCIAL_WORKER, e.results.PASSED]);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());

  await page.goto("/exams");
  await page.getByRole("link", { name: e.import.link }).click();
  await expect(page).toHaveURL(/\/exams\/import$/);
  await expectNoA11yViolations(page);
  await page.getByLabel(e.import.file).setInputFiles({ name: `成绩${w.tag}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: e.import.submit }).click();
  await expect(page).toHaveURL(/\/exams\/import\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("import-rows")).toHaveText("4");
  await expect(page.getByTestId("import-valid")).toHaveText("3");
  await expect(page.getByTestId("import-errors")).toHaveText("1");
  await expect(page.getByTestId("error-row-5")).toContainText(e.import.rowErrors.notFound);
  await expectNoA11yViolations(page);
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByTestId("error-report").click()]);
  const reportBook = new ExcelJS.Workbook();
  await reportBook.xlsx.readFile(await report.path());
  expect(reportBook.worksheets[0]!.rowCount).toBe(2);
  expect(String(reportBook.worksheets[0]!.getRow(2).getCell(1).value)).toBe(w.ids.away);

  // Nothing written before the start.
  await page.goto("/dashboard/growth");
  expect(await funnelPeople(page, "sat")).toBe(before.sat);
  await page.goBack();

  await page.getByRole("button", { name: e.import.job.start.replace("{count, plural, one {# sitting} other {# sittings}}", "3").replace("{count}", "3") }).click();
  const dialog = page.getByRole("dialog", { name: e.import.job.confirmTitle });
  await dialog.getByRole("button", { name: e.import.job.confirm }).click();
  await expect(page.getByTestId("import-created")).toHaveText("3", { timeout: 60_000 });

  // The list shows them; the funnel moved by exactly three sat and two passed.
  await page.goto(`/exams?year=${YEAR}&q=${encodeURIComponent(w.tag)}`);
  await expect(page.getByTestId("sitting-row")).toHaveCount(3);
  await expectNoA11yViolations(page);
  await page.goto("/dashboard/growth");
  await expect(page.getByTestId("funnel-sat")).toHaveAttribute("data-people", String(before.sat + 3));
  await expect(page.getByTestId("funnel-passed")).toHaveAttribute("data-people", String(before.passed + 2));
  await expectNoA11yViolations(page);
});
