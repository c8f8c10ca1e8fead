import { test, expect } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { assign, makePost } from "../src/server/seed/workforce-factories";
import zhPosts from "../messages/zh-Hans/posts.json" with { type: "json" };
import zhPractitioners from "../messages/zh-Hans/practitioners.json" with { type: "json" };

// Issue 11, item 6: the department officer hit dead ends. An education bureau's officer saw an
// empty register that told them to "adjust the filters" although none was set; the holder of a
// post was plain text; "assign a practitioner" never found anyone; nothing warned that a holder's
// level was below the post's requirement. Now the city administrator records the bureau as the
// school's supervising department (主管部门), and the officer's scope covers the school: its staff,
// its ratio post, the post's holder (a link) and the assign search; an empty register says why.

const z = { ...M.zh, posts: zhPosts, practitioners: zhPractitioners };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `department-scope-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `主管${tag}区`);
    const bureau = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `主管${tag}区教育局`, { departmentType: "EDUCATION", adminLevel: "DISTRICT" });
    const school = await newOrg(tx, "SCHOOL", district.street.id, `主管${tag}实验小学`);
    const agency = await newOrg(tx, "AGENCY", district.id, `主管${tag}社会工作服务中心`);
    // The school's own social worker (not qualified yet) and an agency's social worker placed in its post.
    const teacher = await newPractitioner(tx, school.id, `驻校${tag}`);
    const placed = await newCountedPractitioner(tx, agency.id, `派驻${tag}`);
    const post = await makePost(tx, { organizationId: school.id, practiceField: "SCHOOLS", kind: "RATIO", ratioBasis: "STUDENTS", basisCount: 2000, ratioPerWorker: 1000, title: `驻校岗${tag}`, requiredQualification: "ASSISTANT_SOCIAL_WORKER" });
    await assign(tx, post.id, placed.id, "2025-09-01");
    const officer = await newUser(tx, "DEPARTMENT_OFFICER", `主管干事${tag}`, { organizationId: bureau.id });
    const admin = await newUser(tx, "CITY_ADMIN", `主管市管理员${tag}`);
    return { tag, bureau, school, teacher, placed, post, officer, admin };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

test("a department officer reaches the school their department supervises: register, posts, holders, assignment", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const tp = (k: string) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], z.posts) as string;

  // Before the school is under the bureau: the register says nobody is in the scope (no filter is set), and why.
  await login(page, w.officer);
  await page.goto("/practitioners");
  await expect(page.getByText(z.practitioners.emptyState.scopeEmptyTitle)).toBeVisible();
  await expect(page.getByText(z.practitioners.emptyState.filteredTitle)).toHaveCount(0);
  await expect(page.getByTestId("register-scope-empty")).toContainText(w.bureau.name);
  await expectNoA11yViolations(page);
  // With a filter set, an empty list says "no match" and offers to clear the filters.
  await page.goto("/practitioners?q=nobody-by-this-name");
  await expect(page.getByText(z.practitioners.emptyState.filteredTitle)).toBeVisible();
  await expect(page.getByRole("link", { name: z.practitioners.emptyState.clearFilters })).toBeVisible();

  // The city administrator records the bureau as the school's supervising department.
  const adminCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const admin = await adminCtx.newPage();
  await login(admin, w.admin);
  await admin.goto(`/organizations?q=${encodeURIComponent(w.school.name)}`);
  await admin.getByRole("link", { name: `${z.organizations.supervision.edit}：${w.school.name}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: w.school.name })).toBeVisible();
  const select = admin.getByLabel(z.organizations.supervision.field);
  await select.selectOption({ label: `${w.bureau.name} · 主管${w.tag}区` });
  await expectNoA11yViolations(admin);
  await admin.getByRole("button", { name: z.organizations.supervision.save }).click();
  await expect(admin).toHaveURL(/\/organizations\?saved=1$/);
  await expect(admin.getByText(z.organizations.supervision.saved)).toBeVisible();
  await adminCtx.close();

  // The officer now reads the school's staff and the post's holder in the register.
  await page.goto("/practitioners");
  await expect(page.getByRole("link", { name: w.teacher.name })).toBeVisible();
  await expect(page.getByRole("link", { name: w.placed.name })).toBeVisible();

  // The school's post: listed, its holder a link to their page.
  await page.goto("/posts");
  await expect(page.getByTestId("post-row").filter({ hasText: w.post.title })).toHaveCount(1);
  await page.goto(`/posts/${w.post.id}`);
  const holder = page.getByTestId("holder-row").getByRole("link", { name: w.placed.name });
  await expect(holder).toBeVisible();
  await holder.click();
  await expect(page.getByRole("heading", { level: 1, name: w.placed.name })).toBeVisible();

  // Assigning: the search finds the school's own social worker; choosing them warns that their level is below the post's.
  await page.goto(`/posts/${w.post.id}`);
  await page.getByLabel(tp("assign.search")).fill(w.teacher.name);
  await page.getByRole("button", { name: tp("assign.searchButton") }).click();
  const picker = page.getByLabel(new RegExp(`^${tp("assign.practitioner")}`));
  await expect(picker.locator("option", { hasText: w.teacher.name })).toHaveCount(1);
  await picker.selectOption({ label: await picker.locator("option", { hasText: w.teacher.name }).innerText() });
  await expect(page.getByTestId("assign-below-warning")).toContainText(w.teacher.name);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: tp("assign.submit") }).click();
  await expect(page).toHaveURL(/\?assigned=1&below=1(#assign)?$/);
  await expect(page.getByTestId("below-requirement")).toContainText(w.teacher.name);
  await expect(page.getByTestId("holder-row")).toHaveCount(2);
  await expectNoA11yViolations(page);
});
