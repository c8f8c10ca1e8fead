import ExcelJS from "exceljs";
import { test, expect } from "./fixtures";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhTrainings from "../messages/zh-Hans/trainings.json" with { type: "json" };
import zhStaff from "../messages/zh-Hans/staff.json" with { type: "json" };

// Issue 12 §1: attendance imported from Excel on the staff import's machinery. A provider
// downloads the template, uploads a sheet with two bad rows: the preview names each row's problem
// and nothing is written; the rows with problems download as a sheet to correct; started, the
// import writes exactly the valid marks, which the programme's attendance page then shows.

const t = zhTrainings.import;
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const dayIn = (days: number) => new Date(cityToday().getTime() + days * DAY);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `attendance-import-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `考勤${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `考勤${tag}社会工作服务中心`);
    const provider = await newOrg(tx, "TRAINING_PROVIDER", district.id, `考勤${tag}学院`);
    await tx.providerApproval.create({ data: { organizationId: provider.id, scopes: ["PRACTICE"], validFrom: dayIn(-30), validTo: dayIn(300) } });
    const people = [];
    for (const n of ["一", "二", "三"]) people.push(await newPractitioner(tx, agency.id, `考勤${n}${tag}`));
    const reference = `PX-2098-${String(Math.floor(Math.random() * 90_000) + 10_000)}`;
    const training = await tx.training.create({
      data: {
        reference,
        kind: "PROFESSIONAL",
        scope: "PRACTICE",
        title: `考勤导入${tag}`,
        providerId: provider.id,
        startDate: dayIn(-3),
        endDate: dayIn(5),
        venue: "301",
        capacity: 10,
        lengthHalfHours: 12,
        cpdHalfHours: 12,
        completionPercent: 50,
        status: "PUBLISHED",
        sessions: { create: [1, 2].map((number) => ({ number, date: dayIn(number - 3), startsAt: "09:00", halfHours: 6, topic: `第${number}课` })) },
        enrolments: { create: people.map((p, i) => ({ practitionerId: p.id, status: "ENROLLED" as const, number: i + 1 })) },
      },
      select: { id: true, reference: true, sessions: { select: { id: true, number: true } }, enrolments: { select: { id: true, number: true } } },
    });
    return { tag, training, user: await newUser(tx, "TRAINING_PROVIDER", `考勤学院${tag}`, { organizationId: provider.id }) };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

test("a provider imports attendance from Excel: bad rows named and downloadable, nothing written before the start, exactly the valid marks after", async ({ page, login, db, expectNoA11yViolations }) => {
  test.slow();
  await login(page, w.user);
  await page.goto("/trainings/attendance-import");
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadTemplate }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await template.path());
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace("*", ""));
  expect(header.slice(1)).toEqual(["reference", "session", "number", "name", "phone", "present"].map((f) => t.columns[f as keyof typeof t.columns]));
  const ref = w.training.reference;
  // Rows 2–5 good (two sessions × participants 1 and 2, one absent); row 6: no session 7; row 7: no participant 9.
  const rows: (string | number)[][] = [
    [ref, "1", "1", "", "", "是"],
    [ref, "1", "2", "", "", "否"],
    [ref, "2", "1", "", "", "是"],
    [ref, "2", "2", "", "", "是"],
    [ref, "7", "1", "", "", "是"],
    [ref, "1", "9", "", "", "是"],
  ];
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    r.forEach((v, c) => (row.getCell(c + 1).value = v));
    row.commit();
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByLabel(t.file).setInputFiles({ name: `考勤${w.tag}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page).toHaveURL(/\/trainings\/attendance-import\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("import-rows")).toHaveText("6");
  await expect(page.getByTestId("import-valid")).toHaveText("4");
  await expect(page.getByTestId("import-errors")).toHaveText("2");
  const fieldMessage = (field: string, message: string) => t.job.fieldMessage.replace("{field}", field).replace("{message}", message);
  await expect(page.getByTestId("error-row-6")).toContainText(fieldMessage(t.columns.session, t.rowErrors.sessionNotFound));
  await expect(page.getByTestId("error-row-7")).toContainText(fieldMessage(t.columns.number, t.rowErrors.participantNotFound));
  const sessionIds = w.training.sessions.map((s) => s.id);
  expect(await db.trainingAttendance.count({ where: { sessionId: { in: sessionIds } } })).toBe(0);
  await expectNoA11yViolations(page);

  // The rows with problems, as typed, with their row numbers and problems, to correct and upload again.
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: zhStaff.import.job.downloadErrors }).click()]);
  expect(report.suggestedFilename()).toBe(`考勤${w.tag}-${t.report.suffix}.xlsx`);
  const reportBook = new ExcelJS.Workbook();
  await reportBook.xlsx.readFile(await report.path());
  const reportSheet = reportBook.worksheets[0]!;
  expect(reportSheet.actualRowCount).toBe(3);
  expect((reportSheet.getRow(2).values as unknown[]).slice(1, 8).map(String)).toEqual([ref, "7", "1", "", "", "是", "6"]);
  expect(String(reportSheet.getRow(3).getCell(8).value)).toBe(fieldMessage(t.columns.number, t.rowErrors.participantNotFound));

  // Started: exactly the four valid marks.
  await page.getByRole("button", { name: t.job.start.replace("{count}", "4") }).click();
  await page.getByRole("dialog").getByRole("button", { name: t.job.confirm, exact: true }).click();
  await expect(page.getByTestId("import-created")).toHaveText("4", { timeout: 60_000 });
  const marks = await db.trainingAttendance.findMany({ where: { sessionId: { in: sessionIds } }, select: { sessionId: true, enrolmentId: true, present: true } });
  const number = (enrolmentId: string) => w.training.enrolments.find((e) => e.id === enrolmentId)!.number;
  const session = (sessionId: string) => w.training.sessions.find((s) => s.id === sessionId)!.number;
  expect(marks.map((m) => `${session(m.sessionId)}/${number(m.enrolmentId)}/${m.present}`).sort()).toEqual(["1/1/true", "1/2/false", "2/1/true", "2/2/true"]);
  await expectNoA11yViolations(page);
});

