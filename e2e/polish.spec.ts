import { test, expect, PHONE, type Locator, type Page } from "./fixtures";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { isoFromToday, makeCredential } from "../src/server/seed/credential-factories";
import { makeMembership } from "../src/server/seed/workforce-factories";
import enBase from "../messages/en.json" with { type: "json" };
import zhBase from "../messages/zh-Hans.json" with { type: "json" };
import zhAgencyApplications from "../messages/zh-Hans/agencyApplications.json" with { type: "json" };
import zhAuditLabels from "../messages/zh-Hans/auditLabels.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import enEnums from "../messages/en/enums.json" with { type: "json" };
import zhGrowth from "../messages/zh-Hans/growth.json" with { type: "json" };
import zhMe from "../messages/zh-Hans/me.json" with { type: "json" };
import zhPractitioners from "../messages/zh-Hans/practitioners.json" with { type: "json" };
import zhAssociation from "../messages/zh-Hans/association.json" with { type: "json" };

// Issue 11, the reviewer's findings on the screenshots of every page (items A–S): each test reads
// what a user sees. Demo accounts are only read; what a test needs to be in a given state (an
// agency member, a registration ending in 10 days, an audit event from the server itself, a
// credential waiting) is this spec's own.

const DESK = { width: 1280, height: 800 };
const DEMO_ROLES = {
  CITY_ADMIN: "city@demo.local",
  DISTRICT_OFFICER: "district@demo.local",
  DEPARTMENT_OFFICER: "dept@demo.local",
  AGENCY_ADMIN: "agency@demo.local",
  PRACTITIONER: "worker@demo.local",
  EVALUATOR: "evaluator@demo.local",
  TRAINING_PROVIDER: "training@demo.local",
} as const;

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `polish-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `润色${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.street.id, `润色${tag}社会工作服务中心`);
    await makeMembership(tx, { organizationId: agency.id, status: "ACTIVE" });
    const person = await newPractitioner(tx, agency.id, `润色${tag}甲`);
    const credential = await makeCredential(tx, { practitionerId: person.id, status: "SUBMITTED", number: `E2E-POLISH-${tag}`, issueDate: "2026-03-05", registrationEnd: isoFromToday(900) });
    // A registration that ends in 10 days: "due" wherever it is shown.
    const due = await newCountedPractitioner(tx, agency.id, `润色${tag}乙`, {}, { registrationEnd: isoFromToday(10) });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `润色区干事${tag}`, { regionId: district.id });
    // An event from the server itself (a script or a browser on the machine): its address is ::1.
    const actor = `e2e-polish-${tag.toLowerCase()}@e2e.local`;
    const entityId = `cmpolish${tag.toLowerCase()}0000abcdefghij`;
    await tx.auditEvent.create({ data: { actorEmail: actor, actorRole: "CITY_ADMIN", action: "auth.signIn", entity: "User", entityId, outcome: "SUCCESS", ip: "::1", userAgent: "e2e" } });
    return { tag, district, agency, person, credential, due, officer, actor, entityId };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `page width on ${page.url()} at ${inner}px`).toBeLessThanOrEqual(inner);
}

/** How many lines the element's own words take (its text nodes, not hidden helper text). */
function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const tops = new Set<number>();
    for (const node of [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    }
    return tops.size;
  });
}

/** The words of buttons (and links styled as buttons) in `scope` that take more than one line. */
async function wrappedButtons(scope: Locator): Promise<string[]> {
  const buttons = scope.locator(":is(a, button).inline-flex.rounded-md");
  const out: string[] = [];
  for (const b of await buttons.all()) if ((await b.isVisible()) && (await linesOf(b)) > 1) out.push((await b.innerText()).replace(/\s+/g, " "));
  return out;
}

/** Anything inside `rows` that reaches past its row's right edge: element boxes and lines of text. */
function spillingOut(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((all) =>
    all.flatMap((row) => {
      const edge = row.getBoundingClientRect().right + 0.5;
      const boxes = [...row.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge);
      const range = document.createRange();
      range.selectNodeContents(row);
      const text = [...range.getClientRects()].some((r) => r.width > 0 && r.right > edge);
      return [...boxes.map((el) => `${el.tagName} "${(el.textContent ?? "").slice(0, 30)}"`), ...(text ? [`text of "${(row.textContent ?? "").slice(0, 30)}"`] : [])];
    }),
  );
}

test("A: on a phone, every role's home fits the screen in English; the capability list wraps its scope under the action", async ({ browser, baseURL, login, expectNoA11yViolations }) => {
  test.setTimeout(120_000);
  for (const [role, email] of Object.entries(DEMO_ROLES)) {
    const ctx = await browser.newContext({ baseURL, locale: "en-US", viewport: PHONE });
    const page = await ctx.newPage();
    await login(ctx, email);
    await page.goto("/");
    await expect(page.getByTestId("home-role")).toHaveText(enBase.roles[role as keyof typeof DEMO_ROLES]);
    await expectNoSidewaysScroll(page);
    if (role === "DEPARTMENT_OFFICER") {
      // The longest scope label: the action beside or above it keeps more than one word per line.
      const item = page.getByRole("listitem").filter({ hasText: enBase.scopes.department }).first();
      const action = item.locator("span").first();
      expect((await action.boundingBox())!.width, "the action's name is not squeezed").toBeGreaterThan(PHONE.width / 2);
      await expectNoA11yViolations(page);
    }
    await ctx.close();
  }
});

test("C and I: role intros and shortcut hints say only what the portal does for the role today", async ({ browser, baseURL, login }) => {
  const intro = async (email: string) => {
    const ctx = await browser.newContext({ baseURL, locale: "en-US" });
    const page = await ctx.newPage();
    await login(ctx, email);
    await page.goto("/");
    const text = await page.locator("main h1 + p").innerText();
    // The shortcut on the home page (the menu has a link of the same name).
    const shortcut = page.getByRole("main").getByRole("link", { name: new RegExp(`^${enBase.nav.practitioners}`) });
    const practitionersHint = (await shortcut.count()) ? await shortcut.innerText() : null;
    await ctx.close();
    return { text, practitionersHint };
  };
  // Each intro promises only what the role can do (an evaluator scores on its panels; no projects, reports or programmes).
  const evaluator = await intro(DEMO_ROLES.EVALUATOR);
  expect(evaluator.text).toBe(enBase.home.roleIntro.EVALUATOR);
  expect(evaluator.text).not.toMatch(/evaluations assigned|carry out/i);
  const agency = await intro(DEMO_ROLES.AGENCY_ADMIN);
  expect(agency.text).not.toMatch(/projects|reports/i);
  const training = await intro(DEMO_ROLES.TRAINING_PROVIDER);
  expect(training.text).not.toMatch(/programmes|sessions|enrolments|attendance/i);
  // The department officer searches and exports the register but does not register anyone.
  const dept = await intro(DEMO_ROLES.DEPARTMENT_OFFICER);
  expect(dept.practitionersHint).toContain(enBase.navHint.practitionersSearchExport);
  expect(dept.practitionersHint).not.toMatch(/register/i);
  expect(agency.practitionersHint).toContain(enBase.navHint.practitioners);
});

test("D: long activity names in the continuing-education ledger wrap inside their card on a phone", async ({ browser, baseURL, login, db, expectNoA11yViolations }) => {
  const worker = await db.user.findUniqueOrThrow({ where: { email: DEMO_ROLES.PRACTITIONER }, select: { practitionerId: true } });
  for (const locale of ["zh-CN", "en-US"]) {
    const ctx = await browser.newContext({ baseURL, locale, viewport: PHONE });
    const page = await ctx.newPage();
    await login(ctx, DEMO_ROLES.PRACTITIONER);
    await page.goto("/me");
    const rows = page.getByTestId("cpd-entry");
    await expect(rows.first()).toBeVisible();
    // The demo ledger holds "儿童保护与个案管理专题培训", which spilled past the card.
    await expect(page.getByTestId("cpd-ledger")).toContainText("儿童保护与个案管理专题培训");
    expect(await spillingOut(rows), `${locale} /me`).toEqual([]);
    await expectNoSidewaysScroll(page);
    if (locale === "zh-CN") await expectNoA11yViolations(page);
    await ctx.close();
  }
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", viewport: PHONE });
  const city = await ctx.newPage();
  await login(ctx, DEMO_ROLES.CITY_ADMIN);
  await city.goto(`/practitioners/${worker.practitionerId}`);
  await expect(city.getByTestId("cpd-entry").first()).toBeVisible();
  expect(await spillingOut(city.getByTestId("cpd-entry")), "the practitioner's page").toEqual([]);
  await expectNoSidewaysScroll(city);
  await ctx.close();
});

test("E and H: English settings name certificate levels in English; the district's chart caption describes no target line", async ({ browser, baseURL, page, login }) => {
  const ctx = await browser.newContext({ baseURL, locale: "en-US" });
  const en = await ctx.newPage();
  await login(ctx, DEMO_ROLES.CITY_ADMIN);
  await en.goto("/dashboard/growth");
  const form = en.getByTestId("qualification-settings-form");
  await expect(form).toContainText(enEnums.credentialKind.ASSISTANT_SOCIAL_WORKER);
  await expect(form).toContainText(enEnums.credentialKind.SENIOR_SOCIAL_WORKER);
  await expect(form).not.toContainText("社会工作师");
  await ctx.close();

  // The city's chart draws the target line and says so; a district's draws none and does not mention one.
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto("/dashboard/growth");
  await expect(page.getByTestId("growth-chart-method")).toHaveText(zhGrowth.chart.method);
  await login(page, w.officer);
  await page.goto("/dashboard/growth");
  await expect(page.getByTestId("growth-chart-method")).toHaveText(zhGrowth.chart.methodDistrict);
  await expect(page.getByTestId("growth-chart-method")).not.toContainText(zhGrowth.chart.target);
});

test("F and G: no supervising-department link on a department; association tabs count what their lists hold", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto("/organizations?kind=GOVERNMENT_DEPARTMENT");
  await expect(page.locator("main tbody tr").first()).toBeVisible();
  await expect(page.locator("main tbody a[href$='/edit']")).toHaveCount(0);
  await page.goto(`/organizations?q=${encodeURIComponent(w.agency.name)}`);
  await expect(page.locator(`main tbody a[href='/organizations/${w.agency.id}/edit']`)).toHaveCount(1);

  const summary = new RegExp(zhBase.common.rangeSummary.replace("{from}", "\\d+").replace("{to}", "\\d+").replace("{total}", "(\\d+)"));
  for (const tab of ["agencies", "practitioners"] as const) {
    await page.goto(`/association?tab=${tab}`);
    const current = page.getByRole("navigation", { name: zhAssociation.tabs.label }).locator("[aria-current='page']");
    const label = await current.innerText();
    // Full-width brackets in Chinese (item N).
    expect(label).toMatch(new RegExp(`^${zhAssociation.tabs[tab]}（\\d+）$`));
    const counted = Number(/（(\d+)）/.exec(label)![1]);
    const listed = Number(summary.exec(await page.getByRole("main").innerText())![1]);
    expect(counted, `${tab}: the tab's count and the list's total`).toBe(listed);
  }
  await expectNoA11yViolations(page);
});

test("J: My profile's figures name what they count: credentials waiting, and CPD hours waiting", async ({ page, login, db }) => {
  const worker = await db.user.findUniqueOrThrow({ where: { email: DEMO_ROLES.PRACTITIONER }, select: { practitionerId: true } });
  const hours = await db.cpdEntry.aggregate({ where: { practitionerId: worker.practitionerId!, status: "SUBMITTED" }, _sum: { halfHours: true } });
  const credentials = await db.credential.count({ where: { practitionerId: worker.practitionerId!, status: "SUBMITTED" } });
  await login(page, DEMO_ROLES.PRACTITIONER);
  await page.goto("/me");
  const glance = page.getByTestId("my-glance");
  await expect(glance).toContainText(zhMe.pendingCount);
  await expect(glance).toContainText(zhMe.pendingHours);
  await expect(page.getByTestId("glance-pending-credentials")).toHaveText(String(credentials));
  await expect(page.getByTestId("glance-pending-hours")).toHaveText(String((hours._sum.halfHours ?? 0) / 2));
  // The demo worker has hours waiting: the figure beside "6 more hours are waiting" is not 0.
  expect(hours._sum.halfHours ?? 0).toBeGreaterThan(0);
});

test("K: signed out, the language switch keeps each language's name on one line on a phone", async ({ browser, baseURL, expectNoA11yViolations }) => {
  for (const locale of ["en-US", "zh-CN"]) {
    const ctx = await browser.newContext({ baseURL, locale, viewport: PHONE });
    const page = await ctx.newPage();
    for (const path of ["/login", "/no-such-page", "/public/verify"]) {
      await page.goto(path);
      const buttons = page.locator("header button[lang]");
      await expect(buttons).toHaveCount(3);
      for (const b of await buttons.all()) expect(await linesOf(b), `${locale} ${path}: ${await b.innerText()}`).toBe(1);
      await expectNoSidewaysScroll(page);
    }
    if (locale === "en-US") {
      await page.goto("/login");
      await expectNoA11yViolations(page);
    }
    await ctx.close();
  }
});

test("L: the audit log names actions and records in the reader's language, the id secondary, the server itself as this machine", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto(`/admin/audit?actor=${encodeURIComponent(w.actor)}`);
  await expect(page.getByTestId("audit-action")).toHaveText(zhAuditLabels.actions.auth_signIn);
  await expect(page.getByTestId("audit-action")).toHaveAttribute("title", "auth.signIn");
  await expect(page.getByTestId("audit-entity")).toHaveText(zhAuditLabels.entities.User);
  const id = page.getByTestId("audit-entity-id");
  await expect(id).toHaveAttribute("title", w.entityId);
  expect((await id.boundingBox())!.width, "the id is shortened").toBeLessThan(120);
  await expect(page.getByTestId("audit-source")).toHaveText(zhBase.audit.thisMachine);
  // The filters offer the labels too.
  await expect(page.getByLabel(zhBase.audit.action, { exact: true }).locator("option", { hasText: new RegExp(`^${zhAuditLabels.actions.auth_signIn}$`) })).toHaveCount(1);
  await expectNoA11yViolations(page);
});

test("M: a button's words stay on one line at 1280 px; header buttons wrap as whole buttons", async ({ browser, baseURL, login }) => {
  for (const [email, paths] of [
    [DEMO_ROLES.AGENCY_ADMIN, ["/practitioners/import", "/practitioners"]],
    [DEMO_ROLES.CITY_ADMIN, ["/posts", "/practitioners", "/agencies"]],
  ] as const) {
    const ctx = await browser.newContext({ baseURL, locale: "en-US", viewport: DESK });
    const page = await ctx.newPage();
    await login(ctx, email);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await wrappedButtons(page.getByRole("main")), `${email} ${path}`).toEqual([]);
    }
    await ctx.close();
  }
});

test("N: Chinese labels are joined with full-width colons and brackets", async ({ page, login }) => {
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto(`/practitioners/${w.person.id}`);
  const main = page.getByRole("main");
  await expect(main).toContainText(`${zhPractitioners.fields.entryDate}：`);
  await expect(main).not.toContainText(`${zhPractitioners.fields.entryDate}:`);
});

test("O: one status, one colour: an active membership and a registration ending in 10 days look the same everywhere", async ({ page, login }) => {
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto(`/association?tab=agencies&q=${encodeURIComponent(w.agency.name)}`);
  const inList = await page.getByRole("main").locator("[data-tone]", { hasText: new RegExp(`^${zhEnums.membershipStatus.ACTIVE}$`) }).first().getAttribute("data-tone");
  await page.goto(`/agencies/${w.agency.id}`);
  const onAgency = await page.getByRole("main").locator("[data-tone]", { hasText: new RegExp(`^${zhEnums.membershipStatus.ACTIVE}$`) }).first().getAttribute("data-tone");
  expect(onAgency).toBe(inList);
  expect(inList).toBe("green");

  await login(page, w.officer);
  await page.goto("/dashboard/growth");
  const onDashboard = await page.getByRole("row").filter({ hasText: w.due.name }).locator("[data-tone]").first().getAttribute("data-tone");
  await page.goto(`/practitioners/${w.due.id}`);
  const onProfile = await page.getByTestId("registration").locator("[data-tone]").first().getAttribute("data-tone");
  expect(onDashboard).toBe(onProfile);
  expect(onProfile).toBe("amber");
});

test("P and Q: the access-denied page does not send the city administrator to themselves; the outbox speaks without settings' names", async ({ page, browser, baseURL, login }) => {
  await login(page, DEMO_ROLES.CITY_ADMIN);
  await page.goto("/practitioners/import");
  await expect(page.getByTestId("status-page")).toContainText(zhBase.errorsPage.forbiddenBody);
  await expect(page.getByTestId("status-page")).not.toContainText(zhBase.errorsPage.forbiddenBodyAsk);
  await page.goto("/admin/outbox");
  await expect(page.getByRole("main")).not.toContainText("SMTP");

  const ctx = await browser.newContext({ baseURL });
  const district = await ctx.newPage();
  await login(ctx, w.officer);
  await district.goto("/admin/audit");
  await expect(district.getByTestId("status-page")).toContainText(zhBase.errorsPage.forbiddenBodyAsk);
  await ctx.close();
});

test("R: on a phone, the verification queue's labels are in the normal font; only the number is monospace", async ({ browser, baseURL, login }) => {
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", viewport: PHONE });
  const page = await ctx.newPage();
  await login(ctx, DEMO_ROLES.CITY_ADMIN);
  await page.goto(`/credentials/verification?q=${encodeURIComponent(w.credential.number)}`);
  const row = page.locator(`[data-credential-id="${w.credential.id}"]`);
  await expect(row).toBeVisible();
  const fonts = await row.locator("td[data-label]").evaluateAll((cells) => cells.map((td) => ({ label: td.getAttribute("data-label"), before: getComputedStyle(td, "::before").fontFamily })));
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f.before, `the label "${f.label}"`).not.toMatch(/mono/i);
  const issued = row.getByText(/发证日期/).first();
  expect(await issued.evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/mono/i);
  expect(await row.getByText(w.credential.number, { exact: true }).first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  await ctx.close();
});

test("S: the application form's code button says why it waits", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await ctx.newPage();
  await page.goto("/public/agencies/apply");
  const send = page.getByRole("button", { name: zhAgencyApplications.emailCode.send });
  await expect(send).toBeDisabled();
  await expect(page.getByTestId("send-code-why")).toHaveText(zhAgencyApplications.emailCode.needEmail);
  await page.locator('input[name="contactEmail"]').fill(`apply-${w.tag.toLowerCase()}@e2e.local`);
  await expect(send).toBeEnabled();
  await expect(page.getByTestId("send-code-why")).toHaveCount(0);
  await ctx.close();
});
