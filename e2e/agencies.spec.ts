import { test, expect, type Page } from "./fixtures";
import { M, signInOk } from "./support";
import agenciesZh from "../messages/zh-Hans/agencies.json" with { type: "json" };
import enumsZh from "../messages/zh-Hans/enums.json" with { type: "json" };

// Agency profiles, integrity records and the public directory. Shared demo state is only added
// to (one WARNING record, which flags nothing); agency@'s contact phone is put back at the end.

const z = M.zh;
const a = agenciesZh;
const enums = enumsZh;

const TONGXIN = "示例市同心社会工作服务中心"; // 西城区, not agency@'s
const CHANGQING = "示例市长青老年社会工作服务社"; // 西城区

async function agencyIdFromPublicDirectory(page: Page, name: string): Promise<string> {
  await page.goto(`/public/agencies?q=${encodeURIComponent(name)}`);
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

test("the city administrator adds a warning to an agency and sees it on the profile; blacklisted agencies are flagged in every list", async ({ page, browser, baseURL, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.goto("/agencies");
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel(a.list.search).fill(CHANGQING);
  await page.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("link", { name: CHANGQING, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHANGQING })).toBeVisible();
  await expectNoA11yViolations(page);
  const profileUrl = page.url();

  await page.getByRole("link", { name: a.integrity.add }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.integrity.addTitle })).toBeVisible();
  await expectNoA11yViolations(page);

  // Bad input: an end date before the record's date, and no description. Nothing is written.
  const note = `未按期报送年度报告 ${Date.now().toString(36)}`;
  await page.getByLabel(a.integrity.fields.kind).selectOption("WARNING");
  await page.getByLabel(a.integrity.fields.source).fill("示例市民政局");
  await page.getByRole("textbox", { name: a.integrity.fields.occurredOn, exact: true }).fill("2026-03-02");
  await page.getByLabel(a.integrity.fields.endsOn).fill("2026-03-01");
  await page.getByRole("button", { name: a.integrity.add }).click();
  await expect(page.getByText(a.validation.endsBeforeOccurred)).toBeVisible();
  await expect(page.getByText(z.validation.required)).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel(a.integrity.fields.endsOn).fill("");
  await page.getByLabel(a.integrity.fields.description).fill(note);
  await page.getByRole("button", { name: a.integrity.add }).click();
  await expect(page).toHaveURL(/notice=integrityAdded/);
  await expect(page.getByText(a.notices.integrityAdded)).toBeVisible();
  const row = page.getByTestId("integrity-row").filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(enums.integrityKind.WARNING, { exact: true })).toBeVisible();
  await expect(row.getByText(a.integrity.inForce, { exact: true })).toBeVisible();
  // A warning flags nothing.
  await expect(page.getByTestId("agency-summary").getByTestId("integrity-flag")).toHaveCount(0);
  await expectNoA11yViolations(page);
  expect(page.url().split("?")[0]).toBe(profileUrl.split("?")[0]);

  // The demo city has a blacklisted agency: "flagged only" lists it with the badge.
  await page.goto("/agencies?flagged=1&status=ACTIVE");
  const flaggedRows = page.getByTestId("agency-row");
  expect(await flaggedRows.count()).toBeGreaterThan(0);
  const blacklisted = flaggedRows.filter({ has: page.locator('[data-flag="BLACKLIST"]') }).first();
  await expect(blacklisted.getByText(a.flags.BLACKLIST)).toBeVisible();
  const blacklistedName = (await blacklisted.getByRole("link").first().textContent())!.trim();
  await expectNoA11yViolations(page);

  // … and the organisation directory flags it too.
  await page.goto(`/organizations?q=${encodeURIComponent(blacklistedName)}`);
  await expect(page.locator('[data-flag="BLACKLIST"]').first()).toBeVisible();

  // … and so does the public directory (no sign-in).
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const anon = await ctx.newPage();
  await anon.goto(`/public/agencies?q=${encodeURIComponent(blacklistedName)}`);
  const card = anon.getByTestId("public-agency").filter({ hasText: blacklistedName });
  await expect(card.locator('[data-flag="BLACKLIST"]')).toBeVisible();
  await expectNoA11yViolations(anon);
  await ctx.close();
});

test("an agency administrator edits their contact phone, sees no status or integrity controls, and is refused another agency", async ({ page, expectNoA11yViolations }) => {
  const otherId = await agencyIdFromPublicDirectory(page, TONGXIN);
  await signInOk(page, "agency@demo.local");
  await page.goto("/agencies");
  await expect(page).toHaveURL(/\/agencies\/[^/]+$/);
  await page.goto("/agencies/mine");
  await expect(page.getByRole("heading", { level: 1, name: "示例市阳光社会工作服务中心" })).toBeVisible();
  const profileUrl = page.url();
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
  const original = await phone.inputValue();

  // Bad input first: a localized message, nothing saved.
  await phone.fill("call me maybe");
  await page.getByRole("button", { name: a.profile.save }).click();
  await expect(page.getByText(z.validation.phone)).toBeVisible();
  await expectNoA11yViolations(page);

  const fresh = `0571-8${String(Date.now()).slice(-7)}`;
  await page.getByLabel(a.profile.fields.contactPhone).fill(fresh);
  await page.getByRole("button", { name: a.profile.save }).click();
  await expect(page).toHaveURL(/notice=profileSaved/);
  await expect(page.getByText(a.notices.profileSaved)).toBeVisible();
  await expect(page.getByText(fresh)).toBeVisible();

  // Put the demo agency's phone back.
  await page.goto(`${profileUrl}/edit`);
  await page.getByLabel(a.profile.fields.contactPhone).fill(original);
  await page.getByRole("button", { name: a.profile.save }).click();
  await expect(page).toHaveURL(/notice=profileSaved/);

  for (const path of [`/agencies/${otherId}`, `/agencies/${otherId}/edit`, `/agencies/${otherId}/integrity/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  expect((await page.goto("/agencies/not-a-real-agency"))?.status()).toBe(404);
});

test("a district officer sees only their district's agencies and is refused another district's", async ({ page, expectNoA11yViolations }) => {
  const otherId = await agencyIdFromPublicDirectory(page, TONGXIN);
  await signInOk(page, "district@demo.local");
  await page.goto("/agencies");
  const rows = page.getByTestId("agency-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain("东城区");
  await expectNoA11yViolations(page);
  for (const path of [`/agencies/${otherId}`, `/agencies/${otherId}/edit`, `/agencies/${otherId}/ratings/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  // Officials of the district may edit the particulars; status changes are the city's.
  await page.goto("/agencies?q=" + encodeURIComponent("示例市阳光社会工作服务中心"));
  await page.getByRole("link", { name: "示例市阳光社会工作服务中心", exact: true }).click();
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
  expect(await cards.count()).toBeGreaterThanOrEqual(5);
  for (const text of await page.getByTestId("public-staff").allTextContents()) expect(text).toMatch(/^\d+ \/ \d+$/);

  await page.getByLabel(a.list.district).selectOption({ label: "西城区" });
  await page.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(/district=/);
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.allTextContents()) expect(text).toContain("西城区");

  await page.getByRole("link", { name: TONGXIN, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: TONGXIN })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("@");
  await expectNoA11yViolations(page);
  expect((await page.goto("/public/agencies/not-a-real-agency"))?.status()).toBe(404);
});
