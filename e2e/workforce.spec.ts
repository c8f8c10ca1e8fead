import { test, expect, type Page } from "./fixtures";
import { M, signOut } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { isoFromToday } from "../src/server/seed/credential-factories";
import { assign, makeIntegrity, makeMembership, makePost, postColumns } from "../src/server/seed/workforce-factories";
import { DEMO_POSTS } from "../src/server/seed/demo-workforce";
import demoCity from "../src/server/seed/demo-city.json" with { type: "json" };

// The workforce dashboard (issue 4 item 7). The demo city (src/server/seed/demo-workforce.ts) has
// posts in all nine practice fields, partly filled, and 明德 blacklisted; no spec adds posts to its
// districts. This spec's own district: an old people's home with a ratio post (120 beds at 1:50,
// so 3 required) on its street, held by one counted and one uncounted person; a school with a
// department post for 2, held by one counted person; a blacklisted agency; a member agency whose
// staff hold the posts, one of them a member too. So: 2 posts, 5 required, 3 filled, 2 qualified.

type TWorkforce = { title: string; tabsLabel: string; areas: { titleCity: string; titleDistrict: string; districtLevel: string }; fields: { title: string } };
const w = M.zh.workforce as unknown as TWorkforce;
const enums = (M.zh as unknown as { enums: { practiceField: Record<string, string>; integrityKind: Record<string, string> } }).enums;
const z = M.zh;
const figure = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.]/g, ""));
const text = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).trim();
/** The cells of the areas table's row for `area`: posts, required, filled, qualified, fill rate, qualified rate. */
async function areaRow(page: Page, area: string): Promise<string[]> {
  const rows = await page.getByTestId("table-areas").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  const row = rows.filter((r) => r[0] === area);
  expect(row, `one row for ${area}`).toHaveLength(1);
  return row[0]!.slice(1);
}

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `workforce-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `配备${tag}区`);
    const home = await newOrg(tx, "WELFARE_INSTITUTION", district.street.id, `配备${tag}区敬老院`);
    const school = await newOrg(tx, "SCHOOL", district.id, `配备${tag}区实验小学`);
    const blacklisted = await newOrg(tx, "AGENCY", district.id, `失信${tag}社会工作服务中心`);
    const member = await newOrg(tx, "AGENCY", district.id, `会员${tag}社会工作服务中心`);
    await makeIntegrity(tx, blacklisted.id, "BLACKLIST", isoFromToday(-10), isoFromToday(365));
    await makeMembership(tx, { organizationId: member.id });
    const ratio = await makePost(tx, { organizationId: home.id, practiceField: "WELFARE_INSTITUTIONS", kind: "RATIO", ratioBasis: "BEDS", basisCount: 120, ratioPerWorker: 50 });
    const dept = await makePost(tx, { organizationId: school.id, practiceField: "SCHOOLS", kind: "DEPARTMENT", headcount: 2 });
    const counted1 = await newCountedPractitioner(tx, member.id, `配备${tag}甲`);
    const counted2 = await newCountedPractitioner(tx, member.id, `配备${tag}乙`);
    const uncounted = await newPractitioner(tx, member.id, `配备${tag}丙`);
    await assign(tx, ratio.id, counted1.id, "2025-09-01");
    await assign(tx, ratio.id, uncounted.id, "2025-09-01");
    await assign(tx, dept.id, counted2.id, "2025-09-01");
    await makeMembership(tx, { practitionerId: counted1.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `配备区干事${tag}`, { regionId: district.id });
    return { tag, district, home, school, blacklisted, member, officer };
  });
}

let world: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  world = await build(db);
});

/** 东城区's posts in the demo seed: how many, required headcount, current holders. */
function demoDongcheng() {
  const districtOf = new Map(demoCity.organizations.map((o) => [o.name, o.region.slice(0, 6)]));
  const posts = DEMO_POSTS.filter((p) => districtOf.get(p.org) === "990101");
  const required = posts.reduce((sum, p) => sum + postColumns(p.kind === "DEPARTMENT" ? { kind: "DEPARTMENT", headcount: p.headcount } : { kind: "RATIO", ratioBasis: p.basis, basisCount: p.count, ratioPerWorker: p.per }).requiredHeadcount, 0);
  return { posts: posts.length, required, filled: posts.reduce((sum, p) => sum + p.fill, 0) };
}

test("the city administrator sees the nine practice fields, fill rates, agencies and members of the whole city", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto("/");
  await page.getByRole("link", { name: z.nav.workforce }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/workforce$/);
  await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
  // All nine fields are listed, each with posts in the demo.
  const rows = page.getByTestId("table-fields").locator("tbody tr");
  await expect(rows).toHaveCount(9);
  for (const label of Object.values(enums.practiceField)) await expect(page.getByTestId("table-fields")).toContainText(label);
  // By district, with the city's own bureaus apart: the spec's district exactly, 东城区 as seeded.
  await expect(page.getByRole("heading", { name: w.areas.titleCity })).toBeVisible();
  await expect(page.getByTestId("table-areas")).toContainText("西城区");
  expect(await areaRow(page, world.district.name)).toEqual(["2", "5", "3", "2", "60%", "40%"]);
  const dongcheng = demoDongcheng();
  expect((await areaRow(page, "东城区")).slice(0, 3)).toEqual([String(dongcheng.posts), String(dongcheng.required), String(dongcheng.filled)]);
  // The blacklisted agencies, the demo's and the spec's, are flagged; others are not.
  await expect(page.getByTestId("flagged-agencies")).toContainText("示例市明德司法社会工作服务中心");
  await expect(page.getByTestId("flagged-agencies").locator("tr").filter({ hasText: world.blacklisted.name })).toContainText(enums.integrityKind.BLACKLIST!);
  await expect(page.getByTestId("flagged-agencies")).not.toContainText("示例市阳光社会工作服务中心");
  await expect(page.getByTestId("flagged-agencies")).not.toContainText(world.member.name);
  await expectNoA11yViolations(page);
  // The tabs lead to the growth dashboard and back.
  await page.getByRole("navigation", { name: w.tabsLabel }).getByRole("link", { name: z.nav.growth }).click();
  await expect(page).toHaveURL(/\/dashboard\/growth$/);
  await page.getByRole("navigation", { name: w.tabsLabel }).getByRole("link", { name: z.nav.workforce }).click();
  await expect(page).toHaveURL(/\/dashboard\/workforce$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page);
  await signOut(page);
});

test("a district officer sees their district only", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, world.officer);
  await page.goto("/dashboard/workforce");
  await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
  await expect(page.getByText(world.district.name).first()).toBeVisible();
  expect(await figure(page, "kpi-required")).toBe(5);
  expect(await text(page, "kpi-fill-rate")).toBe("60%");
  expect(await text(page, "kpi-qualified-rate")).toBe("40%");
  expect(await text(page, "kpi-ratio-compliance")).toBe("0%");
  expect(await figure(page, "kpi-active-agencies")).toBe(2);
  expect(await figure(page, "kpi-flagged-agencies")).toBe(1);
  expect(await figure(page, "kpi-members")).toBe(2);
  await expect(page.getByTestId("table-fields").locator("tbody tr")).toHaveCount(9);
  // By street, never other districts; the district's own school is at district level.
  await expect(page.getByRole("heading", { name: w.areas.titleDistrict })).toBeVisible();
  await expect(page.getByTestId("table-areas").locator("tbody tr")).toHaveCount(2);
  expect(await areaRow(page, world.district.street.name)).toEqual(["1", "3", "2", "1", "67%", "33%"]);
  expect(await areaRow(page, w.areas.districtLevel)).toEqual(["1", "2", "1", "1", "50%", "50%"]);
  await expect(page.getByTestId("table-areas")).not.toContainText("西城区");
  await expect(page.getByTestId("flagged-agencies").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("flagged-agencies")).toContainText(world.blacklisted.name);
  await expect(page.getByText("示例市明德司法社会工作服务中心")).toHaveCount(0);
  await expectNoA11yViolations(page);
  await signOut(page);
});

test("an agency administrator and a department officer are refused (403)", async ({ page, login, expectNoA11yViolations }) => {
  for (const email of ["agency@demo.local", "dept@demo.local"]) {
    await login(page, email);
    const res = await page.goto("/dashboard/workforce");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("kpi-required")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
    await expectNoA11yViolations(page);
    await signOut(page);
  }
});
