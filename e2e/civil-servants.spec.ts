import { test, expect } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { makeCredential } from "../src/server/seed/credential-factories";
import zhCivil from "../messages/zh-Hans/civilServants.json" with { type: "json" };
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };

// Issue 12 §2 (T2), new civil servants' two-year deadline and the hiring priority, each test on a
// district and department of the spec's own: each official role sees the right list (the district,
// the department officer their department, the city all of it; dept@demo.local only 示例市教育局);
// verifying a civil servant's certificate in the queue as the city turns their deadline to done;
// on a department post, a certified candidate with two years at an agency is listed before a
// candidate whose name comes first; a practitioner and an agency administrator are refused.

const c = zhCivil;
const DAY = 86_400_000;
const PLAN_START = new Date("2025-01-01T00:00:00Z");
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
/** Entered so that the two-year deadline is `days` from today (never before the plan's first day). */
const enteredFor = (days: number) => {
  const t = cityToday();
  const entry = new Date(Date.UTC(t.getUTCFullYear() - 2, t.getUTCMonth(), t.getUTCDate()) + days * DAY);
  return entry < PLAN_START ? PLAN_START : entry;
};
const PHONE = [390];

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `civil-servants-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `公务${tag}区`);
    const dept = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `公务${tag}区民政局`, { departmentType: "CIVIL_AFFAIRS", adminLevel: "DISTRICT" });
    const other = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `公务${tag}区司法局`, { departmentType: "JUSTICE", adminLevel: "DISTRICT" });
    const agency = await newOrg(tx, "AGENCY", district.id, `公务${tag}社会工作服务中心`);
    const servant = (org: string, name: string, days: number) => newPractitioner(tx, org, name, { employmentType: "CIVIL_SERVANT", hireDate: enteredFor(days), entryDate: enteredFor(days) });
    const due = await servant(dept.id, `将至${tag}`, 30);
    const pending = await servant(dept.id, `未至${tag}`, 500);
    const justice = await servant(other.id, `司法${tag}`, 400);
    // Waiting for verification: the certificate was issued recently, after the plan's first day.
    const waiting = await servant(dept.id, `待核${tag}`, 60);
    const number = `E2ECS${tag}`.toUpperCase();
    await makeCredential(tx, { practitionerId: waiting.id, status: "SUBMITTED", kind: "ASSISTANT_SOCIAL_WORKER", number, issueDate: new Date(cityToday().getTime() - 30 * DAY), registrationEnd: null });
    // Candidates for a department post: the name of the one without priority comes first.
    const plain = await newPractitioner(tx, agency.id, `候选${tag}一`, { hireDate: new Date("2023-01-01T00:00:00Z") });
    const prior = await newCountedPractitioner(tx, agency.id, `候选${tag}二`, { hireDate: new Date("2023-01-01T00:00:00Z") });
    const post = await tx.post.create({ data: { kind: "DEPARTMENT", title: `社会救助岗${tag}`, organizationId: dept.id, regionId: district.id, regionPath: district.path, practiceField: "CIVIL_AFFAIRS", headcount: 2, requiredHeadcount: 2 }, select: { id: true } });
    return {
      tag,
      district,
      dept,
      people: { due, pending, justice, waiting, plain, prior },
      number,
      post,
      users: {
        officer: await newUser(tx, "DISTRICT_OFFICER", `公务区干事${tag}`, { regionId: district.id }),
        deptOfficer: await newUser(tx, "DEPARTMENT_OFFICER", `公务部门干事${tag}`, { organizationId: dept.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const rowNames = async (page: import("./fixtures").Page) => (await page.getByTestId("deadline-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).sort();

test("each official role sees the right list", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  // The district officer: the district's four, with their statuses, and the summary by department.
  await login(page, w.users.officer);
  await page.goto("/");
  await page.getByRole("link", { name: M.zh.nav.civilServants }).first().click();
  await expect(page).toHaveURL(/\/civil-servants$/);
  await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
  expect(await rowNames(page)).toEqual([w.people.due.name, w.people.pending.name, w.people.justice.name, w.people.waiting.name].sort());
  await expect(page.getByTestId("deadline-row").filter({ hasText: w.people.due.name }).getByTestId("deadline-status")).toHaveAttribute("data-status", "DUE");
  await expect(page.getByTestId("deadline-row").filter({ hasText: w.people.pending.name }).getByTestId("deadline-status")).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("card-deadline-due")).toHaveText("2");
  await expect(page.getByTestId("card-deadline-pending")).toHaveText("2");
  await expect(page.getByTestId("deadline-by-department").locator("tbody tr")).toHaveCount(2);
  await expectNoA11yViolations(page, { widths: PHONE });
  // Filtered by status: the two due; a filter that matches nobody says so.
  await page.goto("/civil-servants?status=DUE");
  expect(await rowNames(page)).toEqual([w.people.due.name, w.people.waiting.name].sort());
  await page.goto("/civil-servants?status=DONE");
  await expect(page.getByText(c.list.emptyFiltered)).toBeVisible();
  // The export carries the filter.
  await page.goto("/civil-servants?status=DUE");
  await expect(page.getByTestId("export-link")).toHaveAttribute("href", "/api/civil-servants/export?status=DUE");

  // The department officer: their department's three only.
  const deptCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const dept = await deptCtx.newPage();
  await login(dept, w.users.deptOfficer);
  await dept.goto("/civil-servants");
  expect(await rowNames(dept)).toEqual([w.people.due.name, w.people.pending.name, w.people.waiting.name].sort());
  await deptCtx.close();

  // dept@demo.local: the demo's people of 示例市教育局, nobody else's.
  const demoCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const demo = await demoCtx.newPage();
  await login(demo, "dept@demo.local");
  await demo.goto("/civil-servants");
  const rows = demo.getByTestId("deadline-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("示例市教育局");
  await expectNoA11yViolations(demo);
  await demoCtx.close();

  // The city: everyone, here narrowed to this spec's district.
  const cityCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const city = await cityCtx.newPage();
  await login(city, "city@demo.local");
  await city.goto(`/civil-servants?district=${w.district.id}`);
  expect(await rowNames(city)).toEqual([w.people.due.name, w.people.pending.name, w.people.justice.name, w.people.waiting.name].sort());
  await cityCtx.close();
});

test("a civil servant's deadline clears when the city verifies their certificate", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto(`/civil-servants?department=${w.dept.id}`);
  const row = page.getByTestId("deadline-row").filter({ hasText: w.people.waiting.name });
  await expect(row.getByTestId("deadline-status")).toHaveAttribute("data-status", "DUE");

  await page.goto(`/credentials/verification?q=${encodeURIComponent(w.number)}`);
  const queued = page.getByTestId("queue-row").filter({ hasText: w.number });
  await queued.getByRole("button", { name: zhCredentials.verify, exact: true }).click();
  await page.getByRole("dialog", { name: zhCredentials.verifyTitle }).getByRole("button", { name: zhCredentials.verifyConfirm }).click();
  await expect(page.getByRole("status").filter({ hasText: zhCredentials.verified })).toBeVisible();

  await page.goto(`/civil-servants?department=${w.dept.id}`);
  await expect(row.getByTestId("deadline-status")).toHaveAttribute("data-status", "DONE");
  await expect(row).toContainText(c.statuses.DONE);
  // The summary per department (the city's whole scope): this department has one done.
  const deptRow = page.getByTestId("deadline-by-department").locator(`tr[data-name="${w.dept.name}"]`);
  await expect(deptRow.locator("td").nth(3)).toHaveText("1");
  await expectNoA11yViolations(page);
});

test("on a department post, a candidate with a certificate and two years at an agency is listed first, with the reason", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.users.officer);
  await page.goto(`/posts/${w.post.id}?pq=${encodeURIComponent(`候选${w.tag}`)}#assign`);
  const candidates = page.getByTestId("priority-candidate");
  await expect(candidates).toHaveCount(2);
  await expect(candidates.nth(0)).toHaveAttribute("data-name", w.people.prior.name);
  await expect(candidates.nth(0)).toHaveAttribute("data-priority", "true");
  await expect(candidates.nth(0)).toContainText(c.priority.badge);
  await expect(candidates.nth(0).getByTestId("priority-reason")).toBeVisible();
  await expect(candidates.nth(1)).toHaveAttribute("data-name", w.people.plain.name);
  await expect(candidates.nth(1)).toHaveAttribute("data-priority", "false");
  // The assign form's choices come in the same order, the first marked.
  const options = page.locator('select[name="practitionerId"] option:not([value=""])');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText(c.priority.mark);
  await expect(options.nth(0)).toContainText(w.people.prior.name);
  await expect(options.nth(1)).toContainText(w.people.plain.name);
  await expectNoA11yViolations(page, { widths: PHONE });
});

test("a practitioner and an agency administrator cannot open the list or its export", async ({ browser, baseURL, login }) => {
  for (const email of ["worker@demo.local", "agency@demo.local"]) {
    const ctx = await browser.newContext({ baseURL });
    const page = await ctx.newPage();
    await login(ctx, email);
    expect((await page.goto("/civil-servants"))?.status()).toBe(403);
    await expect(page.getByTestId("deadline-row")).toHaveCount(0);
    expect((await page.request.get("/api/civil-servants/export")).status()).toBe(403);
    await ctx.close();
  }
});
