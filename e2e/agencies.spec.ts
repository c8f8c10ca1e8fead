import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { isoFromToday } from "../src/server/seed/credential-factories";
import { makeIntegrity } from "../src/server/seed/workforce-factories";
import agenciesZh from "../messages/zh-Hans/agencies.json" with { type: "json" };
import enumsZh from "../messages/zh-Hans/enums.json" with { type: "json" };

// Agency profiles, integrity records and the public directory, on a district of the spec's own:
// two agencies there (晨曦 with one counted and one uncounted staff member, 守信 blacklisted), one
// in a second district, an administrator of 晨曦 and the district's officer.

const z = M.zh;
const a = agenciesZh;
const enums = enumsZh;

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `agencies-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `试验${tag}区`);
    const other = await newDistrict(tx, `对照${tag}区`);
    const sunrise = await newOrg(tx, "AGENCY", district.street.id, `晨曦${tag}社会工作服务中心`);
    const blacklisted = await newOrg(tx, "AGENCY", district.id, `守信${tag}社会工作服务社`);
    const remote = await newOrg(tx, "AGENCY", other.id, `远方${tag}社会工作服务中心`);
    await makeIntegrity(tx, blacklisted.id, "BLACKLIST", isoFromToday(-30), isoFromToday(700));
    await newCountedPractitioner(tx, sunrise.id, `晨${tag}甲`);
    await newPractitioner(tx, sunrise.id, `晨${tag}乙`);
    const admin = await newUser(tx, "AGENCY_ADMIN", `晨曦管理员${tag}`, { organizationId: sunrise.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `试验区干事${tag}`, { regionId: district.id });
    return { tag, district, other, sunrise, blacklisted, remote, admin, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const cardOf = (page: Page, name: string) => page.getByTestId("public-agency").filter({ has: page.getByRole("link", { name, exact: true }) });

test("the city administrator adds a warning to an agency and sees it on the profile; blacklisted agencies are flagged in every list", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto("/agencies");
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel(a.list.search).fill(w.sunrise.name);
  await page.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("agency-row")).toHaveCount(1);
  await page.getByRole("link", { name: w.sunrise.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.sunrise.name })).toBeVisible();
  await expectNoA11yViolations(page);
  const profileUrl = page.url();

  await page.getByRole("link", { name: a.integrity.add }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.integrity.addTitle })).toBeVisible();
  await expectNoA11yViolations(page);

  // Bad input: an end date before the record's date, and no description. Nothing is written.
  const note = `未按期报送年度报告 ${w.tag}`;
  await page.getByLabel(a.integrity.fields.kind).selectOption("WARNING");
  await page.getByLabel(a.integrity.fields.source).fill("示例市民政局");
  await page.getByRole("textbox", { name: a.integrity.fields.occurredOn, exact: true }).fill("2026-03-02");
  await page.getByLabel(a.integrity.fields.endsOn).fill("2026-03-01");
  await page.getByRole("button", { name: a.integrity.add }).click();
  await expect(page.getByText(a.validation.endsBeforeOccurred, { exact: true })).toBeVisible();
  await expect(page.getByText(z.validation.required, { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel(a.integrity.fields.endsOn).fill("");
  await page.getByLabel(a.integrity.fields.description).fill(note);
  await page.getByRole("button", { name: a.integrity.add }).click();
  await expect(page).toHaveURL(/notice=integrityAdded/);
  await expect(page.getByText(a.notices.integrityAdded)).toBeVisible();
  // The agency's only record: the warning just added, in force, flagging nothing.
  await expect(page.getByTestId("integrity-row")).toHaveCount(1);
  const row = page.getByTestId("integrity-row").filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(enums.integrityKind.WARNING, { exact: true })).toBeVisible();
  await expect(row.getByText(a.integrity.inForce, { exact: true })).toBeVisible();
  await expect(page.getByTestId("agency-summary").getByTestId("integrity-flag")).toHaveCount(0);
  await expectNoA11yViolations(page);
  expect(page.url().split("?")[0]).toBe(profileUrl.split("?")[0]);

  // "Flagged only" in the spec's district: exactly the blacklisted agency, with the badge.
  await page.goto(`/agencies?flagged=1&status=ACTIVE&district=${w.district.id}`);
  const flaggedRows = page.getByTestId("agency-row");
  await expect(flaggedRows).toHaveCount(1);
  await expect(flaggedRows).toContainText(w.blacklisted.name);
  await expect(flaggedRows.locator('[data-flag="BLACKLIST"]')).toHaveCount(1);
  await expect(flaggedRows.getByText(a.flags.BLACKLIST)).toBeVisible();
  await expectNoA11yViolations(page);

  // … and the organisation directory flags it too.
  await page.goto(`/organizations?q=${encodeURIComponent(w.blacklisted.name)}`);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
  await expect(page.locator('[data-flag="BLACKLIST"]')).toHaveCount(1);

  // … and so does the public directory (no sign-in).
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const anon = await ctx.newPage();
  await anon.goto(`/public/agencies?q=${encodeURIComponent(w.blacklisted.name)}`);
  await expect(anon.getByTestId("public-agency")).toHaveCount(1);
  await expect(cardOf(anon, w.blacklisted.name).locator('[data-flag="BLACKLIST"]')).toBeVisible();
  await expectNoA11yViolations(anon);
  await ctx.close();
});

test("an agency administrator edits their contact phone, sees no status or integrity controls, and is refused another agency", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.admin);
  await page.goto("/agencies");
  await expect(page).toHaveURL(new RegExp(`/agencies/${w.sunrise.id}$`));
  await page.goto("/agencies/mine");
  await expect(page.getByRole("heading", { level: 1, name: w.sunrise.name })).toBeVisible();
  await expectNoA11yViolations(page);
  for (const name of [a.status.verbs.suspend, a.status.verbs.revoke, a.status.verbs.reinstate, a.integrity.add, a.ratings.add, a.integrity.end]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  }

  await page.getByRole("link", { name: a.profile.editContact }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.profile.editContactTitle })).toBeVisible();
  await expect(page.getByLabel(a.profile.fields.name, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(a.profile.fields.legalRepresentative)).toHaveCount(0);
  await expectNoA11yViolations(page);
  const phone = page.getByLabel(a.profile.fields.contactPhone);
  await expect(phone).toHaveValue("010-66660000");

  // Bad input first: a localized message, nothing saved. What the application requires cannot be
  // left empty either (issue 11): this agency has no contact person, e-mail or service area yet.
  await phone.fill("call me maybe");
  await page.getByRole("button", { name: a.profile.save }).click();
  await expect(page.getByLabel(a.profile.fields.contactPhone)).toHaveAccessibleDescription(z.validation.phone);
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  for (const label of [a.profile.fields.contactName, a.profile.fields.contactEmail, a.profile.fields.serviceAreas]) await expect(summary.getByRole("link", { name: new RegExp(`^${label}`) })).toBeVisible();
  await expectNoA11yViolations(page);

  const fresh = `0571-8${String(Date.now()).slice(-7)}`;
  await page.getByLabel(a.profile.fields.contactPhone).fill(fresh);
  await page.getByLabel(a.profile.fields.contactName).fill("周联系");
  await page.getByLabel(a.profile.fields.contactEmail).fill(`office-${w.tag.toLowerCase()}@example.org`);
  await page.getByLabel(enumsZh.practiceField.CIVIL_AFFAIRS).check();
  await page.getByRole("button", { name: a.profile.save }).click();
  await expect(page).toHaveURL(/notice=profileSaved/);
  await expect(page.getByText(a.notices.profileSaved)).toBeVisible();
  await expect(page.getByText(fresh)).toBeVisible();

  for (const path of [`/agencies/${w.remote.id}`, `/agencies/${w.remote.id}/edit`, `/agencies/${w.remote.id}/integrity/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  expect((await page.goto("/agencies/not-a-real-agency"))?.status()).toBe(404);
});

test("a district officer sees only their district's agencies and is refused another district's", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto("/agencies");
  const rows = page.getByTestId("agency-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: w.sunrise.name })).toContainText(w.district.name);
  await expect(rows.filter({ hasText: w.blacklisted.name })).toContainText(w.district.name);
  // Staff counted / staff: one of 晨曦's two counts.
  await expect(rows.filter({ hasText: w.sunrise.name })).toContainText("1 / 2");
  await expectNoA11yViolations(page);
  for (const path of [`/agencies/${w.remote.id}`, `/agencies/${w.remote.id}/edit`, `/agencies/${w.remote.id}/ratings/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  // Officials of the district may edit the particulars; status changes are the city's.
  await page.goto("/agencies?q=" + encodeURIComponent(w.sunrise.name));
  await page.getByRole("link", { name: w.sunrise.name, exact: true }).click();
  await expect(page.getByRole("link", { name: a.profile.edit })).toBeVisible();
  await expect(page.getByRole("link", { name: a.integrity.add })).toBeVisible();
  await expect(page.getByRole("button", { name: a.status.verbs.suspend, exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the public directory lists active agencies with staff counts, filters them, and shows public facts only", async ({ page, expectNoA11yViolations }) => {
  await page.goto("/public");
  await expectNoA11yViolations(page);
  await expect(page.getByRole("main").getByRole("link", { name: new RegExp(a.landing.applyTitle) })).toHaveAttribute("href", "/public/agencies/apply");
  await page.getByRole("main").getByRole("link", { name: new RegExp(a.landing.directoryTitle) }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.public.title })).toBeVisible();
  await expectNoA11yViolations(page);
  const cards = page.getByTestId("public-agency");
  for (const text of await page.getByTestId("public-staff").allTextContents()) expect(text).toMatch(/^\d+ \/ \d+$/);

  // The spec's district: its two agencies exactly, with their staff counts.
  await page.getByLabel(a.list.district).selectOption({ label: w.district.name });
  await page.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(new RegExp(`district=${w.district.id}`));
  await expect(cards).toHaveCount(2);
  for (const text of await cards.allTextContents()) expect(text).toContain(w.district.name);
  await expect(cardOf(page, w.sunrise.name).getByTestId("public-staff")).toHaveText("1 / 2");
  await expect(cardOf(page, w.blacklisted.name).getByTestId("public-staff")).toHaveText("0 / 0");
  await expect(cardOf(page, w.blacklisted.name).locator('[data-flag="BLACKLIST"]')).toBeVisible();
  await expect(cards.filter({ hasText: w.remote.name })).toHaveCount(0);

  // A search finds the three agencies of both districts, and nothing else.
  await page.goto(`/public/agencies?q=${encodeURIComponent(w.tag)}`);
  await expect(cards).toHaveCount(3);

  await page.goto(`/public/agencies?district=${w.district.id}`);
  await page.getByRole("link", { name: w.sunrise.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.sunrise.name })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("@");
  await expectNoA11yViolations(page);
  expect((await page.goto("/public/agencies/not-a-real-agency"))?.status()).toBe(404);
});
