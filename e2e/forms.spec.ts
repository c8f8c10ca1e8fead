import { test, expect, type Locator, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { randomIdNumber } from "../src/server/seed/id-numbers";
import { todayInCityIso } from "../src/domain/common/calendar-day";
import zhApps from "../messages/zh-Hans/agencyApplications.json" with { type: "json" };

// Issue 11, items 3 and 5: forms refuse values no real person or agency has (a 20-digit phone, an
// entry date ten years ahead), and a refused form says everything that is wrong at once, in an
// error summary at its top that takes the focus and links to each field, keeping what was typed.

const z = M.zh;
const p = z.practitioners as unknown as { fields: Record<string, string>; form: Record<string, string> };
const enums = z.enums as unknown as { practiceField: Record<string, string> };
const summaryTitle = () => (z.common as unknown as { errorSummary: { title: string } }).errorSummary.title;

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `forms-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `表单${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `表单${tag}社会工作服务中心`);
    const admin = await newUser(tx, "AGENCY_ADMIN", `表单管理员${tag}`, { organizationId: agency.id });
    return { tag, agency, admin };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** The error summary of the form on the page (there is one form with one here). */
const summaryOf = (page: Page) => page.getByTestId("error-summary");
/** The summary's link to a field, by the field's label. */
const linkTo = (summary: Locator, label: string) => summary.getByRole("link", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });

test("an empty new-practitioner form lists every required field, the ID number included, in a summary that takes the focus", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.admin);
  await page.goto("/practitioners/new");
  // Something typed before the refusal must survive it.
  await page.getByLabel(p.fields.phone!).fill("139 1234 5678");
  await page.getByLabel(enums.practiceField.CIVIL_AFFAIRS!).check();
  await page.getByRole("button", { name: p.form.create }).click();

  const summary = summaryOf(page);
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("heading", { name: summaryTitle() })).toBeVisible();
  await expect(summary).toBeFocused();
  // All at once: the ID number is not held back for a second submit.
  for (const label of [p.fields.name!, p.fields.idNumber!, p.fields.entryPath!, p.fields.entryDate!]) {
    await expect(linkTo(summary, label)).toContainText(z.validation.required);
  }
  await expect(summary.getByRole("link")).toHaveCount(4);
  await expect(page).toHaveURL(/\/practitioners\/new$/);
  await expect(page.getByLabel(p.fields.phone!)).toHaveValue("139 1234 5678");
  await expect(page.getByLabel(enums.practiceField.CIVIL_AFFAIRS!)).toBeChecked();
  await expectNoA11yViolations(page);

  // A link takes the focus to its field.
  await linkTo(summary, p.fields.idNumber!).click();
  await expect(page.getByLabel(p.fields.idNumber!)).toBeFocused();
  await linkTo(summary, p.fields.entryPath!).click();
  await expect(page.getByLabel(p.fields.entryPath!)).toBeFocused();
});

test("a 20-digit phone and an entry date ten years ahead are refused in the new-practitioner form; a real mobile is stored as its 11 digits", async ({ page, login }) => {
  await login(page, w.admin);
  await page.goto("/practitioners/new");
  const name = `边界${w.tag}`;
  const future = `${Number(todayInCityIso().slice(0, 4)) + 10}${todayInCityIso().slice(4)}`;
  await page.getByLabel(p.fields.name!).fill(name);
  await page.getByLabel(p.fields.idNumber!).fill(randomIdNumber());
  await page.getByLabel(p.fields.phone!).fill("12345678901234567890");
  await page.getByLabel(p.fields.entryPath!).selectOption("RECRUITED");
  await page.getByLabel(p.fields.entryDate!).fill(future);
  await page.getByRole("button", { name: p.form.create }).click();

  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(linkTo(summary, p.fields.phone!)).toContainText(z.validation.phone);
  await expect(linkTo(summary, p.fields.entryDate!)).toContainText(z.validation.dateInFuture);
  await expect(page.getByLabel(p.fields.phone!)).toHaveAccessibleDescription(z.validation.phone);
  await expect(page.getByLabel(p.fields.entryDate!)).toHaveAccessibleDescription(z.validation.dateInFuture);
  await expect(page).toHaveURL(/\/practitioners\/new$/);
  await expect(page.getByLabel(p.fields.entryDate!)).toHaveValue(future);

  // Typed as people type it: with the country code, spaces and dashes; stored canonical.
  await page.getByLabel(p.fields.phone!).fill("+86 139-1234-5678");
  await page.getByLabel(p.fields.entryDate!).fill("2025-09-01");
  await page.getByRole("button", { name: p.form.create }).click();
  await expect(page).toHaveURL(/\/practitioners\/[^/?]+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("13912345678", { exact: true })).toBeVisible();
});

test("the public agency application lists every missing field in its summary, and the page passes axe", async ({ page, expectNoA11yViolations }) => {
  await page.goto("/public/agencies/apply");
  const form = page.locator("form").filter({ has: page.locator('input[name="registrationScan"]') });
  await form.getByLabel(zhApps.fields.contactPhone).fill("010 6666 888");
  await form.getByRole("button", { name: zhApps.apply.submit }).click();

  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  for (const label of [zhApps.fields.name, zhApps.fields.creditCode, zhApps.fields.legalRepresentative, zhApps.fields.district, zhApps.fields.foundedOn, zhApps.fields.address, zhApps.fields.contactName, zhApps.fields.contactEmail, zhApps.fields.registrationScan]) {
    await expect(linkTo(summary, label)).toBeVisible();
  }
  await expect(linkTo(summary, zhApps.fields.serviceAreas)).toBeVisible();
  // A Beijing number has eight digits after 010.
  await expect(linkTo(summary, zhApps.fields.contactPhone)).toContainText(z.validation.phone);
  await expect(form.getByLabel(zhApps.fields.contactPhone)).toHaveValue("010 6666 888");
  await expectNoA11yViolations(page);

  // The link to the service areas (a group of checkboxes) focuses its first box.
  await linkTo(summary, zhApps.fields.serviceAreas).click();
  await expect(form.locator('input[name="serviceAreas"]').first()).toBeFocused();
});
