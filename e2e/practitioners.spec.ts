import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber } from "../src/server/seed/id-numbers";
import { TINY_PNG } from "../src/server/seed/scan-files";
import { canonicalNumber } from "../src/lib/canonical-number";

const z = M.zh;
const p = z.practitioners as unknown as {
  title: string;
  new: string;
  edit: string;
  emptyState: Record<string, string>;
  exportExcel: string;
  search: string;
  fields: Record<string, string>;
  filters: Record<string, string>;
  counts: Record<string, string>;
  form: Record<string, string>;
  notices: Record<string, string>;
  reveal: Record<string, string>;
};
const enums = z.enums as unknown as { entryPath: Record<string, string>; practiceField: Record<string, string> };

// A district of the spec's own with an agency (and its administrator) and the district's officer,
// and a second district with another agency: the people registered and the counts asserted are
// the spec's alone.
function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `practitioners-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `登记${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `登记${tag}社会工作服务中心`);
    const other = await newDistrict(tx, `邻近${tag}区`);
    const otherAgency = await newOrg(tx, "AGENCY", other.id, `邻近${tag}社会工作服务社`);
    const admin = await newUser(tx, "AGENCY_ADMIN", `登记管理员${tag}`, { organizationId: agency.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `登记区干事${tag}`, { regionId: district.id });
    return { tag, district, agency, other, otherAgency, admin, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

async function register(page: Page, name: string, employer?: string): Promise<string> {
  await page.goto("/practitioners/new");
  await page.getByLabel(p.fields.name!).fill(name);
  if (employer) await page.getByLabel(p.fields.organization!).selectOption({ label: employer });
  await page.getByLabel(p.fields.idNumber!).fill(randomIdNumber());
  await page.getByLabel(p.fields.entryPath!).selectOption("RECRUITED");
  await page.getByLabel(p.fields.entryDate!).fill("2025-09-01");
  await page.getByLabel(enums.practiceField.CIVIL_AFFAIRS!).check();
  await page.getByRole("button", { name: p.form.create }).click();
  await expect(page).toHaveURL(/\/practitioners\/[^/?]+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an agency administrator registers a staff member; the district officer finds them in the register", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  await login(page, w.admin);
  await page.goto("/practitioners");
  await expectNoA11yViolations(page);
  await page.goto("/practitioners/new");
  await expectNoA11yViolations(page);

  // Inline validation in the user's language: a wrong check digit, nothing saved.
  const good = randomIdNumber();
  const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
  await page.getByLabel(p.fields.name!).fill("错号码");
  await page.getByLabel(p.fields.idNumber!).fill(bad);
  await page.getByRole("button", { name: p.form.create }).click();
  await expect(page.getByText(z.validation.idNumber_checkDigit, { exact: true })).toBeVisible();
  await expect(page.getByText(z.validation.required, { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(page);

  const name = `新社工${w.tag}`;
  await register(page, name);
  await expect(page.getByText(p.notices.created!)).toBeVisible();
  await expect(page.getByText(w.agency.name).first()).toBeVisible();
  // Agency administrators see the last four characters of the number and the year of birth only
  // (issue 10, hole 1): together they cannot rebuild the number.
  await expect(page.getByTestId("id-number")).toHaveText(/^\*{14}[\dX]{4}$/);
  await expect(page.getByRole("button", { name: p.reveal.show })).toHaveCount(0);
  await expect(page.getByText(p.fields.birthYear!, { exact: true })).toBeVisible();
  await expect(page.getByText(p.fields.birthDate!, { exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: p.edit }).click();
  await expect(page.getByLabel(p.fields.name!)).toHaveValue(name);
  await expect(page.getByLabel(p.fields.birthDate!)).toHaveValue("");
  await expectNoA11yViolations(page);

  // Two open edit forms: the second save is refused as stale, not silently applied.
  const editUrl = page.url();
  const second = await page.context().newPage();
  await second.goto(editUrl);
  await page.getByLabel(p.fields.phone!).fill("13912345678");
  await page.getByRole("button", { name: p.form.save, exact: true }).click();
  await expect(page.getByText(p.notices.saved!)).toBeVisible();
  await expect(page.getByText("13912345678")).toBeVisible();
  await second.getByLabel(p.fields.phone!).fill("13000000000");
  await second.getByRole("button", { name: p.form.save, exact: true }).click();
  await expect(second.getByText(z.errors.stale)).toBeVisible();
  await expect(second.getByLabel(p.fields.phone!)).toHaveValue("13000000000");
  await second.close();

  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const officer = await ctx.newPage();
  await login(officer, w.officer);
  await officer.goto("/practitioners");
  // The district's register holds exactly the one person just registered.
  await expect(officer.getByRole("link", { name })).toHaveCount(1);
  await expect(officer.getByText(z.common.rangeSummary.replace("{from}", "1").replace("{to}", "1").replace("{total}", "1"))).toBeVisible();
  await officer.getByLabel(p.search!).fill(name);
  await officer.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(officer).toHaveURL(new RegExp(`q=${encodeURIComponent(name)}`));
  await officer.getByRole("link", { name }).click();
  await expect(officer.getByRole("heading", { level: 1, name })).toBeVisible();
  // District officers may reveal the full number; the reveal is audited server-side.
  await officer.getByRole("button", { name: p.reveal.show }).click();
  await expect(officer.getByTestId("id-number")).toHaveText(/^\d{17}[\dX]$/);
  await expectNoA11yViolations(officer);
  await ctx.close();
});

test("an agency administrator is refused another agency's practitioner", async ({ page, browser, baseURL, login }) => {
  await login(page, "city@demo.local");
  const id = await register(page, `邻近社工${w.tag}`, w.otherAgency.name);

  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const agency = await ctx.newPage();
  await login(agency, w.admin);
  for (const path of [`/practitioners/${id}`, `/practitioners/${id}/edit`, "/practitioners/not-a-real-id"]) {
    const response = await agency.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await agency.goto(`/practitioners?q=${encodeURIComponent(`邻近社工${w.tag}`)}`);
  await expect(agency.getByText(p.emptyState.filteredTitle!)).toBeVisible();
  await ctx.close();
});

test("register filters live in the URL and survive a reload", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "district@demo.local");
  await page.goto("/practitioners");
  await page.getByLabel(p.filters.counts!).selectOption("no");
  await page.getByLabel(p.filters.entryPath!).selectOption("RECRUITED");
  await page.getByLabel(p.filters.regEnds!).fill("");
  await page.getByLabel(p.filters.registration!).selectOption("current");
  await page.getByLabel(p.filters.sort!).selectOption("updatedAt");
  await page.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(/counts=no/);
  await expect(page).toHaveURL(/entryPath=RECRUITED/);
  await expect(page).toHaveURL(/sort=updatedAt/);
  await expect(page).toHaveURL(/registration=current/);
  await page.reload();
  await expect(page.getByLabel(p.filters.counts!)).toHaveValue("no");
  await expect(page.getByLabel(p.filters.registration!)).toHaveValue("current");
  await expect(page.getByLabel(p.filters.entryPath!)).toHaveValue("RECRUITED");
  await expect(page.getByLabel(p.filters.sort!)).toHaveValue("updatedAt");
  // The export link carries the same filter.
  const href = await page.getByRole("link", { name: p.exportExcel }).getAttribute("href");
  expect(href).toContain("counts=no");
  expect(href).toContain("entryPath=RECRUITED");
  expect(href).toContain("registration=current");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
  await expectNoA11yViolations(page);
});

test("a practitioner may not open the register's forms", async ({ page, login }) => {
  await login(page, "worker@demo.local");
  expect((await page.goto("/practitioners/new"))?.status()).toBe(403);
  expect((await page.request.get("/api/practitioners/export")).status()).toBe(403);
});

test("an agency administrator registers staff with a credential; the district officer verifies it; the dashboard count goes up by one", async ({ db, page, browser, baseURL, login, expectNoA11yViolations }) => {
  const c = z.credentials as unknown as Record<string, string>;
  const figure = async (pg: Page) => Number((await pg.getByTestId("kpi-qualified-now").innerText()).replace(/[^\d]/g, ""));
  // A district of this test's own: nobody counts there until the credential below is verified.
  const tag = uniqueTag();
  const own = await buildWorld(db, `practitioners-count-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `计数${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `计数${tag}社会工作服务中心`);
    return { admin: await newUser(tx, "AGENCY_ADMIN", `计数管理员${tag}`, { organizationId: agency.id }), officer: await newUser(tx, "DISTRICT_OFFICER", `计数区干事${tag}`, { regionId: district.id }) };
  });

  const officerCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const officer = await officerCtx.newPage();
  await login(officer, own.officer);
  await officer.goto("/dashboard/growth");
  expect(await figure(officer)).toBe(0);

  await login(page, own.admin);
  const name = `持证社工${tag}`;
  await register(page, name);
  const number = `E2E-FLOW-${tag}`;
  const form = page.getByTestId("credential-form");
  await form.getByLabel(c.kind!).selectOption("SOCIAL_WORKER");
  await form.getByLabel(c.number!).fill(number);
  await form.getByLabel(c.issuingAuthority!).fill("人力资源和社会保障部");
  await form.getByLabel(c.issueDate!).fill("2026-10-01");
  await form.locator('input[name="scan"]').setInputFiles({ name: "证书.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG) });
  await form.getByRole("button", { name: c.submit! }).click();
  await expect(form.getByText(c.submitted!)).toBeVisible();

  // Submitted but not verified: it does not count yet.
  await officer.reload();
  expect(await figure(officer)).toBe(0);

  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}`);
  const row = officer.getByTestId("queue-row").filter({ hasText: canonicalNumber(number) });
  await expect(row).toContainText(name);
  await row.getByRole("button", { name: c.verify!, exact: true }).click();
  await officer.getByRole("dialog", { name: c.verifyTitle! }).getByRole("button", { name: c.verifyConfirm! }).click();
  await expect(officer.getByRole("status").filter({ hasText: c.verified! })).toBeVisible();

  await officer.goto("/dashboard/growth");
  expect(await figure(officer)).toBe(1);
  await expectNoA11yViolations(officer);
  await officerCtx.close();
});
