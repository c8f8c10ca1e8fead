import { test, expect, PHONE, type Locator, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { isoFromToday, makeCredential } from "../src/server/seed/credential-factories";
import { makeIntegrity } from "../src/server/seed/workforce-factories";
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };
import zhPractitioners from "../messages/zh-Hans/practitioners.json" with { type: "json" };
import zhAgencies from "../messages/zh-Hans/agencies.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import zhNotifications from "../messages/zh-Hans/notifications.json" with { type: "json" };
import enEnums from "../messages/en/enums.json" with { type: "json" };

// Issue 11, items 2 and 11: what new users trip over in the layout. Decision buttons stay on the
// screen (a table fits its box on a desk, becomes cards on a phone), the main menu becomes a
// drawer on a phone that says where you are, a 403 or 404 draws one header and one main, names
// instead of the plan's codes on public pages and charts, chart names are not clipped, one date
// format per language, an invalid "within N days" says so, a commendation is not red, and a
// practitioner who opens the register lands on My profile. The district, agency, people and
// accounts are the spec's own.

const z = { ...M.zh, credentials: zhCredentials, practitioners: zhPractitioners, agencies: zhAgencies, enums: zhEnums, notifications: zhNotifications };
const DESK = { width: 1280, height: 800 };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `layout-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `版面${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `版面${tag}社会工作服务中心`, { serviceAreas: ["HOSPITALS", "SCHOOLS"] });
    await makeIntegrity(tx, agency.id, "COMMENDATION", isoFromToday(-40));
    await makeIntegrity(tx, agency.id, "WARNING", isoFromToday(-20), isoFromToday(200));
    const person = await newPractitioner(tx, agency.id, `版面${tag}`);
    const credential = await makeCredential(tx, { practitionerId: person.id, status: "SUBMITTED", number: `E2E-LAYOUT-${tag}`, issueDate: "2026-03-05", registrationEnd: isoFromToday(900) });
    const worker = await newUser(tx, "PRACTITIONER", person.name, { practitionerId: person.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `版面区干事${tag}`, { regionId: district.id });
    const city = await newUser(tx, "CITY_ADMIN", `版面市管理员${tag}`);
    // A reminder as the maintenance pass writes it: its day is stored as YYYY-MM-DD.
    await tx.notification.create({ data: { userId: officer.id, kind: "registrationDue", params: { name: person.name, number: `DJ-${tag}`, end: "2027-05-01", days: 30 }, href: `/practitioners/${person.id}` } });
    // The widest audit entry the log shows: a long address, action name and id, each one word.
    await tx.auditEvent.create({
      data: {
        actorEmail: `e2e-a-rather-long-address-of-an-official-${tag.toLowerCase()}@district-civil-affairs-bureau.e2e.local`,
        actorRole: "DISTRICT_OFFICER",
        action: "agencyApplications.districtReviewDecision",
        entity: "AgencyApplicationDecision",
        entityId: "cmxbqbeyd00005k7dm56bo43oLONGERIDENTIFIER",
        before: { status: "DISTRICT_REVIEW", note: "x".repeat(120) },
        after: { status: "CITY_REVIEW" },
        ip: "::ffff:127.0.0.1",
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      },
    });
    return { tag, district, agency, person, credential, worker, officer, city };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

/** The element's box lies inside [left, right] (px, with half a pixel for rounding). */
async function expectInside(locator: Locator, left: number, right: number, what: string) {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(left - 0.5);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(right + 0.5);
}

/** Nothing on the page is wider than the window (no sideways scrolling of the whole page). */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `page width on ${page.url()} at ${inner}px`).toBeLessThanOrEqual(inner);
}

test("the verification queue's decision buttons are on the screen at 1280 px and on a phone", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.setViewportSize(DESK);
  await page.goto("/credentials/verification");
  const row = page.locator(`[data-credential-id="${w.credential.id}"]`);
  const verify = row.getByRole("button", { name: z.credentials.verify, exact: true });
  const reject = row.getByRole("button", { name: z.credentials.reject, exact: true });
  await expect(verify).toBeVisible();
  await expect(reject).toBeVisible();
  // At 1280 px the table fits its box: nothing to scroll, the reject button not cut off by it.
  // The table's box: the focusable wrapper that would scroll it sideways.
  const box = row.locator("xpath=ancestor::div[@tabindex='0'][1]");
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, "the queue's table is no wider than its box").toBeLessThanOrEqual(clientWidth);
  const frame = (await box.boundingBox())!;
  await expectInside(reject, frame.x, frame.x + frame.width, "reject, inside the table's box");
  await expectInside(verify, 0, DESK.width, "verify, inside the window");
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);

  // On a phone the row is a card: both decisions in view, without scrolling sideways.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(reject).toBeVisible();
  await expectInside(verify, 0, PHONE.width, "verify on a phone");
  await expectInside(reject, 0, PHONE.width, "reject on a phone");
  await expectNoSidewaysScroll(page);
  // The card still reads as a table row to a screen reader, with its column names.
  await expect(row).toHaveAttribute("role", "row");
  await expect(row.locator("[data-label]").first()).toHaveAttribute("data-label", /\S/);
  await expectNoA11yViolations(page);
});

test("at 1280 px every list's table fits its box, in English (the longest words) too", async ({ browser, baseURL, login }) => {
  test.setTimeout(120_000);
  for (const locale of ["zh-CN", "en-US"]) {
    const ctx = await browser.newContext({ baseURL, locale, viewport: DESK });
    const page = await ctx.newPage();
    await login(ctx, w.city);
    const paths = ["/practitioners", "/practitioners/former", "/credentials/verification", "/credentials/verification?tab=hours", "/agencies", "/agencies/applications", "/posts", "/posts?view=field", "/posts?view=organization", "/posts?view=district", "/association", "/organizations", "/admin/users", "/admin/audit", "/dashboard/growth", "/dashboard/workforce", "/dashboard/training"];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("main [tabindex='0']:has(> table)")].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.getAttribute("aria-label")}: ${e.scrollWidth} > ${e.clientWidth}`),
      );
      expect(wide, `${locale} ${path}`).toEqual([]);
    }
    await ctx.close();
  }
});

test("on a phone the main menu is a drawer that says where you are; Escape closes it", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.setViewportSize(DESK);
  await page.goto("/credentials/verification");
  // On a desk: the sidebar, no menu button.
  await expect(page.getByRole("navigation", { name: z.shell.mainNav })).toBeVisible();
  await expect(page.getByTestId("menu-button")).toBeHidden();

  await page.setViewportSize(PHONE);
  await expect(page.getByRole("navigation", { name: z.shell.mainNav })).toBeHidden();
  const button = page.getByRole("button", { name: `${z.shell.menu} · ${z.nav.verification}` });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expectInside(button, 0, PHONE.width, "the menu button");
  await button.click();
  const drawer = page.getByRole("dialog", { name: z.shell.menu });
  await expect(drawer).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const current = drawer.getByRole("navigation", { name: z.shell.mainNav }).getByRole("link", { name: z.nav.verification });
  await expect(current).toHaveAttribute("aria-current", "page");
  await expect(current).toBeFocused();
  // What the header shows on a desk is in the drawer: the language and signing out.
  await expect(drawer.getByRole("button", { name: z.shell.signOut })).toBeVisible();
  await expect(drawer.getByRole("group", { name: z.shell.language })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();

  // A link in the drawer goes there, closes it, and the button names the new page.
  await button.click();
  await drawer.getByRole("link", { name: z.nav.agencies }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("button", { name: `${z.shell.menu} · ${z.nav.agencies}` })).toBeVisible();

  // A page under no menu item (the notifications) is named by its heading, not by "Menu" alone.
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(z.notifications.title);
  await expect(page.getByTestId("menu-button")).toHaveText(`${z.shell.menu} · ${z.notifications.title}`);
});

test("on a phone the register's filters fold behind one button that counts those in use", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.city);
  await page.setViewportSize(PHONE);
  await page.goto("/practitioners");
  const toggle = page.getByTestId("filter-toggle");
  await expect(toggle).toHaveText(z.common.filters);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const search = page.getByRole("search");
  await expect(search).toBeHidden();
  // The list starts on the first screen instead of below fourteen fields.
  const firstRow = page.locator("main [role='row'][data-label], main tbody tr").first();
  const top = (await page.locator("main table, main [role='table']").first().boundingBox())?.y ?? Infinity;
  expect(top, "the list's top on a phone").toBeLessThan(PHONE.height);
  await toggle.click();
  await expect(search).toBeVisible();
  await search.getByLabel(z.practitioners.filters.counts).selectOption("yes");
  await search.getByRole("button", { name: z.common.applyFilters }).click();
  await expect(page).toHaveURL(/counts=yes/);
  await expect(page.getByTestId("filter-toggle")).toHaveText(z.common.filtersActive.replace("{n}", "1"));
  await expect(firstRow).toBeVisible();
  await expectNoA11yViolations(page, { widths: [PHONE.width] });
  // On a desk the filters are always shown, with no button.
  await page.setViewportSize(DESK);
  await expect(page.getByTestId("filter-toggle")).toBeHidden();
  await expect(page.getByRole("search")).toBeVisible();
});

test("a 403 or 404 draws one header, one language switch and one main, signed in or not", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  const shells = async (path: string, status: number, title: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(title);
    await expect(page.getByRole("banner"), path).toHaveCount(1);
    await expect(page.getByRole("main"), path).toHaveCount(1);
    await expect(page.getByRole("group", { name: z.shell.language }), path).toHaveCount(1);
    await expectNoA11yViolations(page, { widths: [PHONE.width] });
  };
  await shells("/admin/audit", 403, z.errorsPage.forbiddenTitle);
  await shells("/practitioners/no-such-person", 404, z.errorsPage.notFoundTitle);
  await shells("/no-such-page", 404, z.errorsPage.notFoundTitle);
  // Inside the portal the message sits under the portal's own header, with its menu.
  await page.goto("/admin/audit");
  await expect(page.getByRole("navigation", { name: z.shell.mainNav })).toBeVisible();

  const anon = await browser.newContext({ baseURL });
  const visitor = await anon.newPage();
  const response = await visitor.goto("/public/agencies/no-such-agency");
  expect(response?.status()).toBe(404);
  await expect(visitor.getByRole("main")).toHaveCount(1);
  await expect(visitor.getByRole("banner")).toHaveCount(1);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(z.errorsPage.notFoundTitle);
  await anon.close();
});

test("landmarks have names of their own on the agency profile, the account page and the import pages", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  // axe's landmark-unique rule is among the best practices the fixture now checks, at both widths.
  await login(page, w.city);
  await page.goto(`/agencies/${w.agency.id}`);
  await expect(page.getByTestId("integrity-row")).toHaveCount(2);
  await expectNoA11yViolations(page, { widths: [PHONE.width] });
  await page.goto("/account");
  await expectNoA11yViolations(page, { widths: [PHONE.width] });

  const ctx = await browser.newContext({ baseURL });
  const admin = await ctx.newPage();
  await login(ctx, "agency@demo.local");
  for (const path of ["/practitioners/import", "/agencies/mine"]) {
    await admin.goto(path);
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoA11yViolations(admin, { widths: [PHONE.width] });
  }
  await ctx.close();
});

test("public pages and charts show names, not the plan's codes; officials' tables keep the code beside the name", async ({ page, browser, baseURL, login }) => {
  const anon = await browser.newContext({ baseURL });
  const visitor = await anon.newPage();
  await visitor.goto(`/public/agencies/${w.agency.id}`);
  await expect(visitor.getByRole("main")).toContainText(z.enums.practiceField.HOSPITALS);
  await expect(visitor.getByRole("main")).not.toContainText(/T3\.\d/);
  await visitor.goto("/public/agencies");
  await expect(visitor.getByRole("main")).not.toContainText(/T3\.\d/);
  await anon.close();

  await login(page, w.city);
  await page.goto("/dashboard/growth");
  for (const id of ["g1", "practiceField"]) {
    const chart = page.getByTestId(`breakdown-${id}`);
    await expect(chart.locator("svg").first()).toBeVisible();
    await expect(chart).not.toContainText(/G1\.[a-e]|T3\.\d/);
  }
  await page.goto("/dashboard/workforce");
  await expect(page.getByTestId("axis-label").first()).toBeVisible();
  for (const label of await page.getByTestId("axis-label").allTextContents()) expect(label).not.toMatch(/T3\.\d/);
  // Officials who plan by the codes still see them, after the name.
  await expect(page.getByTestId("table-fields").locator("tbody tr").first()).toContainText(/T3\.1/);
});

test("the G1 breakdown's names are not clipped, in English either", async ({ browser, baseURL, login }) => {
  const ctx = await browser.newContext({ baseURL, locale: "en-US", viewport: DESK });
  const page = await ctx.newPage();
  await login(ctx, w.city);
  await page.goto("/dashboard/growth");
  const chart = page.getByTestId("breakdown-g1");
  await expect(chart.getByTestId("axis-label").first()).toBeVisible();
  const labels = await chart.getByTestId("axis-label").evaluateAll((texts) => {
    const svg = texts[0]!.closest("svg")!.getBoundingClientRect();
    return texts.map((t) => ({ text: [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" "), left: t.getBoundingClientRect().left - svg.left }));
  });
  expect(labels.map((l) => l.text)).toEqual(Object.values(enEnums.g1Profile));
  for (const l of labels) expect(l.left, `"${l.text}" starts inside the chart`).toBeGreaterThanOrEqual(0);
  await ctx.close();
});

/** Date-like text in the page's main: the language's one day format, nothing else. */
async function expectOneDateFormat(page: Page, scope: Locator, locale: "zh" | "en") {
  const text = await scope.innerText();
  expect(text, `ISO days on ${page.url()}`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text, `numeric days on ${page.url()}`).not.toMatch(/\b\d{4}\/\d{1,2}\/\d{1,2}\b/);
  if (locale === "zh") expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  else {
    expect(text, `long month names on ${page.url()}`).not.toMatch(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/);
    expect(text).toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/);
  }
}

test("dates are written one way per language: notifications, the audit log, an application", async ({ page, browser, baseURL, login }) => {
  test.setTimeout(120_000);
  await login(page, w.officer);
  await page.goto("/notifications");
  await expect(page.getByRole("main")).toContainText(`DJ-${w.tag}`);
  await expectOneDateFormat(page, page.getByRole("main"), "zh");

  const ctx = await browser.newContext({ baseURL });
  const city = await ctx.newPage();
  await login(ctx, w.city);
  await city.goto("/admin/audit");
  await expectOneDateFormat(city, city.locator("main tbody tr td:first-child").first(), "zh");
  await ctx.close();

  const en = await browser.newContext({ baseURL, locale: "en-US" });
  const reader = await en.newPage();
  await login(en, w.city);
  await reader.goto("/agencies/applications");
  await reader.locator("main table a[href^='/agencies/applications/']").first().click();
  await expect(reader).toHaveURL(/\/agencies\/applications\/[^/?]+$/);
  await expectOneDateFormat(reader, reader.getByRole("main"), "en");
  await reader.goto(`/credentials/verification?q=${encodeURIComponent(w.credential.number)}`);
  await expectOneDateFormat(reader, reader.locator(`[data-credential-id="${w.credential.id}"]`), "en");
  await en.close();
});

test("a number of days that is not one is pointed out, not silently ignored", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.city);
  for (const bad of ["abc", "0", "99999"]) {
    await page.goto(`/practitioners?regEnds=${bad}`);
    const field = page.getByLabel(z.practitioners.filters.regEnds);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const message = page.getByTestId("regEnds-error");
    await expect(message).toBeVisible();
    await expect(message).toContainText(bad);
    await expect(field).toHaveAccessibleDescription(await message.innerText());
    // The export is not offered for a filter the page did not apply, and the route refuses it with the reason.
    await expect(page.getByRole("main").getByRole("link", { name: z.practitioners.exportExcel })).toHaveCount(0);
    await expect(page.getByTestId("export-disabled")).toBeDisabled();
    const refused = await page.request.get(`/api/practitioners/export?regEnds=${bad}`);
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain(bad);
  }
  await expectNoA11yViolations(page);
  await page.goto("/practitioners?regEnds=90");
  await expect(page.getByTestId("regEnds-error")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: z.practitioners.exportExcel })).toBeVisible();
  expect((await page.request.get("/api/practitioners/export?regEnds=90")).status()).toBe(200);
});

test("a commendation carries a calm, positive badge; a warning a cautious one", async ({ page, login }) => {
  await login(page, w.city);
  await page.goto(`/agencies/${w.agency.id}`);
  const commendation = page.getByTestId("integrity-row").filter({ hasText: z.enums.integrityKind.COMMENDATION });
  await expect(commendation.getByText(z.agencies.integrity.inForce, { exact: true })).toBeVisible();
  await expect(commendation.locator('[data-tone="red"]')).toHaveCount(0);
  await expect(commendation.locator('[data-tone="green"]')).toHaveCount(2);
  const warning = page.getByTestId("integrity-row").filter({ hasText: z.enums.integrityKind.WARNING });
  await expect(warning.locator('[data-tone="amber"]')).toHaveCount(2);
});

test("a practitioner who opens the officials' register is taken to My profile", async ({ page, login }) => {
  await login(page, w.worker);
  const response = await page.goto("/practitioners");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
