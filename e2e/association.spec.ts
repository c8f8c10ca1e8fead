import { test, expect, type Page } from "./fixtures";
import { M, signInOk, signOut } from "./support";

// The city social-work association (issue 4 item 4) on the demo city (src/server/seed/demo-workforce.ts).
// The count asserted is the difference this spec makes; the membership it adds is ended again.

type TAssoc = {
  title: string;
  addPractitioner: string;
  notices: { added: string; changed: string };
  tabs: { practitioners: string };
  fields: { actions: string; endedOn: string };
  add: { title: string; searchPractitioner: string; submit: string };
  actions: { end: string; endConfirm: string; suspend: string };
  validation: { memberNotFound: string; endBeforeJoin: string };
};
const a = M.zh.association as unknown as TAssoc;
const z = M.zh;
const memberStatus = (M.zh as unknown as { enums: { membershipStatus: Record<"ACTIVE" | "SUSPENDED" | "ENDED", string> } }).enums.membershipStatus;

// The add-then-end test changes the count the other tests read: one after another.
test.describe.configure({ mode: "serial" });

const count = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d]/g, ""));

test("the city administrator adds a practitioner as a member, sees the count go up by one, and ends the membership", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "city@demo.local");
  await page.getByRole("link", { name: z.nav.association }).first().click();
  await expect(page).toHaveURL(/\/association$/);
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expectNoA11yViolations(page);
  const before = await count(page, "kpi-member-practitioners");
  expect(before).toBeGreaterThan(0);

  await page.getByRole("link", { name: new RegExp(a.tabs.practitioners) }).click();
  await expect(page).toHaveURL(/tab=practitioners/);
  await page.getByRole("link", { name: a.addPractitioner }).click();
  await expect(page).toHaveURL(/\/association\/new\?type=PRACTITIONER$/);
  await expect(page.getByRole("heading", { level: 1, name: a.add.title })).toBeVisible();

  // Nobody chosen: refused with a message, nothing written.
  await page.getByRole("button", { name: a.add.submit }).click();
  await expect(page.getByText(a.validation.memberNotFound)).toBeVisible();
  await expectNoA11yViolations(page);

  // Search, pick the first person offered (only non-members are offered), add.
  await page.getByLabel(a.add.searchPractitioner).fill("王");
  await page.getByRole("button", { name: z.common.search }).click();
  await expect(page).toHaveURL(/q=%E7%8E%8B/);
  const first = page.getByTestId("add-member-form").getByRole("radio").first();
  const name = ((await first.locator("xpath=following-sibling::span/span[1]").innerText()) || "").trim();
  expect(name).toMatch(/^王/);
  await first.check();
  await page.getByRole("button", { name: a.add.submit }).click();
  await expect(page).toHaveURL(/\/association\?tab=practitioners&added=SWA-P-\d{4}$/, { timeout: 30_000 });
  const number = new URL(page.url()).searchParams.get("added")!;
  await expect(page.getByRole("status").filter({ hasText: number })).toBeVisible();
  expect(await count(page, "kpi-member-practitioners")).toBe(before + 1);
  await expectNoA11yViolations(page);

  // The new member is in the list under the new number.
  await page.goto(`/association?tab=practitioners&q=${number}`);
  const row = page.getByTestId(`member-${number}`);
  await expect(row).toContainText(name);

  // End it: the date may not be before the join date; the dialog says so and nothing changes.
  await row.getByRole("button", { name: `${a.actions.end} ${number}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByLabel(a.fields.endedOn).fill("2000-01-01");
  await dialog.getByRole("button", { name: a.actions.endConfirm }).click();
  await expect(dialog.getByText(a.validation.endBeforeJoin)).toBeVisible();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await dialog.getByLabel(a.fields.endedOn).fill(today);
  await dialog.getByRole("button", { name: a.actions.endConfirm }).click();
  await expect(page).toHaveURL(/changed=SWA-P-\d{4}&to=ENDED/, { timeout: 30_000 });
  await expect(page.getByTestId(`member-${number}`)).toContainText(memberStatus.ENDED);
  expect(await count(page, "kpi-member-practitioners")).toBe(before);
  await expectNoA11yViolations(page);
});

test("a district officer sees their district's members without any way to change them", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "district@demo.local");
  await page.goto("/association");
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByText("东城区").first()).toBeVisible();
  const table = page.getByRole("table");
  await expect(table).toContainText("示例市阳光社会工作服务中心");
  // 同心 (西城区) is a member too, but not in this district.
  await expect(table).not.toContainText("示例市同心社会工作服务中心");
  await expect(page.getByRole("columnheader", { name: a.fields.actions })).toHaveCount(0);
  await expect(page.getByRole("button", { name: new RegExp(`^${a.actions.suspend}`) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /新增/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.goto("/association?tab=practitioners");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^${a.actions.end}`) })).toHaveCount(0);
  await expectNoA11yViolations(page);
  const res = await page.goto("/association/new?type=PRACTITIONER");
  expect(res?.status()).toBe(403);
  await expectNoA11yViolations(page);
  await signOut(page);
});

test("an agency administrator is refused the association (403)", async ({ page, expectNoA11yViolations }) => {
  await signInOk(page, "agency@demo.local");
  const res = await page.goto("/association");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.forbiddenTitle);
  await expectNoA11yViolations(page);
  await signOut(page);
});
