import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber } from "../src/server/seed/id-numbers";

const z = M.zh;
/** A catalogue string by its dotted key (fails loudly when the key is missing). */
function msg(tree: unknown, key: string): string {
  const value = key.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), tree);
  if (typeof value !== "string") throw new Error(`missing message ${key}`);
  return value;
}
const tp = (key: string) => msg(z.posts, key);
const pr = (key: string) => msg(z.practitioners, key);
const en = (key: string) => msg(z.enums, key);

// A district of the spec's own with an old people's home, an agency and the district's officer:
// the post, its holder and every figure asserted below are the spec's alone.
function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `posts-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `岗位${tag}区`);
    const home = await newOrg(tx, "WELFARE_INSTITUTION", district.street.id, `岗位${tag}区敬老院`);
    const agency = await newOrg(tx, "AGENCY", district.id, `岗位${tag}社会工作服务中心`);
    const officer = await newUser(tx, "DISTRICT_OFFICER", `岗位区干事${tag}`, { regionId: district.id });
    return { tag, district, home, agency, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** A fresh (unqualified) practitioner, so the figures asserted below are ours alone. */
async function registerPractitioner(page: Page, name: string, employer: string) {
  await page.goto("/practitioners/new");
  await page.getByLabel(pr("fields.name")).fill(name);
  await page.getByLabel(pr("fields.organization")).selectOption({ label: employer });
  await page.getByLabel(pr("fields.idNumber")).fill(randomIdNumber());
  await page.getByLabel(pr("fields.entryPath")).selectOption("RECRUITED");
  await page.getByLabel(pr("fields.entryDate")).fill("2025-09-01");
  await page.getByRole("button", { name: pr("form.create") }).click();
  await expect(page).toHaveURL(/\/practitioners\/[^/?]+\?created=1$/, { timeout: 30_000 });
}

test("assigning a practitioner to a post updates the fill rate", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const title = `E2E养老院社工岗${w.tag}`;
  const person = `岗位测试${w.tag}`;

  await login(page, w.officer);
  await registerPractitioner(page, person, w.agency.name);

  await page.goto("/posts");
  await expect(page.getByRole("heading", { level: 1, name: tp("title") })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: tp("newRatio") }).click();
  await expect(page).toHaveURL(/\/posts\/new\?kind=RATIO$/);
  await expectNoA11yViolations(page);

  // The practice field follows the institution; the required headcount is worked out as you type.
  await page.getByLabel(tp("fields.title")).fill(title);
  await page.getByLabel(tp("fields.institution")).selectOption({ label: w.home.name });
  await expect(page.getByLabel(tp("fields.practiceField"))).toHaveValue("WELFARE_INSTITUTIONS");
  await page.getByLabel(tp("fields.ratioBasis")).selectOption("BEDS");
  await page.getByLabel(tp("fields.basisCount")).fill("0");
  await page.getByLabel(tp("fields.ratioPerWorker")).fill("50");
  await expect(page.getByTestId("required-headcount")).toHaveText("—");
  // A bad number is refused with a message in the user's language; nothing is saved.
  await page.getByRole("button", { name: tp("form.create") }).click();
  await expect(page.getByText(tp("validation.wholeNumber"), { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/posts\/new\?kind=RATIO$/);
  await expectNoA11yViolations(page);
  await page.getByLabel(tp("fields.basisCount")).fill("120");
  await expect(page.getByTestId("required-headcount")).toHaveText("3");
  await page.getByRole("button", { name: tp("form.create") }).click();

  await expect(page).toHaveURL(/\/posts\/[^/?]+\?created=1$/, { timeout: 30_000 });
  const postUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(tp("notices.created"))).toBeVisible();
  await expect(page.getByTestId("fill-rate")).toHaveText("0%");
  await expect(page.getByTestId("post-fill")).toContainText(tp("compliance.notCompliant"));
  await expectNoA11yViolations(page);

  // Find the new practitioner among those the officer may read, and assign from today.
  await page.getByLabel(tp("assign.search")).fill(person);
  await page.getByRole("button", { name: tp("assign.searchButton") }).click();
  await expect(page).toHaveURL(/pq=/);
  // Anchored: the search box's label also contains the word (a required label ends with "*").
  const select = page.getByLabel(new RegExp(`^${tp("assign.practitioner")}`));
  await expect(select.locator("option", { hasText: person })).toHaveCount(1);
  await select.selectOption({ index: 1 });
  await page.getByRole("button", { name: tp("assign.submit") }).click();
  // The search form's action carries "#assign" (to land on this card); Next's router may keep that
  // fragment on the same-page redirect or drop it, so the URL is matched with or without it.
  // The new practitioner holds no qualification: below the post's requirement, which the page says (issue 11).
  await expect(page).toHaveURL(/\?assigned=1&below=1(#assign)?$/);
  await expect(page.getByText(tp("notices.assigned"))).toBeVisible();
  await expect(page.getByTestId("below-requirement")).toContainText(person);
  // 1 of 3 filled; the new practitioner does not count (no verified qualification yet).
  await expect(page.getByTestId("fill-rate")).toHaveText("33%");
  await expect(page.getByTestId("qualified-fill-rate")).toHaveText("0%");
  await expect(page.getByTestId("holder-row")).toHaveCount(1);
  await expect(page.getByTestId("holder-row")).toContainText(person);
  await expectNoA11yViolations(page);

  // The same person cannot be assigned twice: the search no longer offers them.
  await page.getByLabel(tp("assign.search")).fill(person);
  await page.getByRole("button", { name: tp("assign.searchButton") }).click();
  await expect(page.getByText(tp("assign.noneFound"))).toBeVisible();

  // The list shows the same figures; the district holds this one post only.
  await page.goto("/posts");
  await expect(page.getByTestId("post-row")).toHaveCount(1);
  await page.goto(`/posts?q=${encodeURIComponent(title)}`);
  const row = page.getByTestId("post-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("33%");
  await expect(row).toContainText(tp("compliance.notCompliant"));
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: tp("views.field") }).click();
  await expect(page).toHaveURL(/view=field/);
  await expect(page.getByTestId("summary-row")).toHaveCount(9);
  await expect(page.getByTestId("summary-row").filter({ hasText: en("practiceField.WELFARE_INSTITUTIONS") })).toContainText("33%");
  await expectNoA11yViolations(page);

  // Ending the assignment asks first, keeps the history, and brings the fill back to 0 %.
  await page.goto(postUrl);
  await page.getByTestId("holder-row").getByRole("button", { name: tp("end.button") }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: tp("end.confirm") }).click();
  await expect(page).toHaveURL(/\?ended=1$/);
  await expect(page.getByTestId("fill-rate")).toHaveText("0%");
  await expect(page.getByTestId("holder-row")).toHaveCount(0);
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByTestId("history-row")).toContainText(person);

  // The department officer (City Education Bureau) sees their own department's posts and those of
  // the school it supervises (示例市第一中学, issue 11), not this district's post.
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const dept = await ctx.newPage();
  await login(dept, "dept@demo.local");
  await dept.goto("/posts");
  await expect(dept.getByRole("heading", { level: 1, name: tp("title") })).toBeVisible();
  await expect(dept.getByTestId("post-row").filter({ hasText: "示例市第一中学" }).first()).toBeVisible();
  await expect(dept.getByTestId("post-row").filter({ hasNotText: /示例市教育局|示例市第一中学/ })).toHaveCount(0);
  await expect(dept.getByRole("link", { name: tp("newRatio") })).toHaveCount(1);
  await expectNoA11yViolations(dept);
  expect((await dept.goto(postUrl))?.status()).toBe(404);
  // A new post: department posts of their own department, ratio posts of the school it supervises.
  await dept.goto("/posts/new?kind=DEPARTMENT");
  const orgs = dept.getByLabel(tp("fields.department"));
  await expect(orgs.locator("option")).toHaveCount(1);
  await expect(orgs.locator("option")).toHaveText("示例市教育局");
  await expect(dept.getByLabel(tp("fields.practiceField"))).toHaveValue("SCHOOLS");
  await expectNoA11yViolations(dept);
  await dept.goto("/posts/new?kind=RATIO");
  const institutions = dept.getByLabel(tp("fields.institution"));
  await expect(institutions.locator("option")).toHaveText(["示例市第一中学"]);
  await ctx.close();
});

test("an agency administrator is refused the posts pages (403)", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "agency@demo.local");
  for (const path of ["/posts", "/posts/new", "/posts/new?kind=RATIO"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
  await expectNoA11yViolations(page);
});
