import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag, idNumberColumns } from "./world";
import type { TDb } from "./db";
import { TINY_PNG as TINY_SCAN } from "../src/server/seed/scan-files";
import { makeCredentialedPractitioner } from "../src/server/seed/credential-factories";
import zhRegistrations from "../messages/zh-Hans/registrations.json" with { type: "json" };
import zhPublic from "../messages/zh-Hans/publicRegister.json" with { type: "json" };
import zhMe from "../messages/zh-Hans/me.json" with { type: "json" };
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };
import zhNotifications from "../messages/zh-Hans/notifications.json" with { type: "json" };
import zhBase from "../messages/zh-Hans.json" with { type: "json" };
import { canonicalNumber } from "../src/lib/canonical-number";

// Issue 9 end to end: a practitioner submits external continuing-education hours with proof; the
// district officer verifies them in the queue's hours tab; My profile's pre-flight moves by
// exactly those hours and the practitioner is notified. A renewal is requested and verified and
// the public register shows the new period. A lapsed registration does not stop anyone counting.
// The district, agency, people and sign-ins are the spec's own.

const z = { ...M.zh, registrations: zhRegistrations, publicRegister: zhPublic, me: zhMe, credentials: zhCredentials, notifications: zhNotifications };
const TINY_PNG = Buffer.from(TINY_SCAN);
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const isoIn = (days: number) => new Date(cityToday().getTime() + days * DAY).toISOString().slice(0, 10);
/** A calendar day as the portal writes it in zh-Hans ("long" style): 2027年5月1日. */
const longDay = (iso: string) => new Intl.DateTimeFormat("zh-Hans", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const fill = (template: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), template);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `registrations-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `登记${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `登记${tag}社会工作服务中心`);
    const person = (name: string, end: string, number: string) =>
      // Certificates issued after the demo plan's first day, so the city's "counted at the start" stays the seed's 40.
      makeCredentialedPractitioner(tx, { name, organizationId: agency.id, entryDate: new Date("2020-01-01T00:00:00Z"), entryPath: "RECRUITED", ...idNumberColumns() }, [
        { status: "VERIFIED", kind: "SOCIAL_WORKER", number, issueDate: "2025-06-01", registrationEnd: end, registrationNumber: `DJ-${number}` },
      ]);
    // Ends in 60 days, no hours yet.
    const learner = await person(`学时${tag}`, isoIn(60), `E2E-CPD-${tag}`);
    // Ends in 40 days, 90 hours verified (credited by a training programme).
    const renewer = await person(`延续${tag}`, isoIn(40), `E2E-RNW-${tag}`);
    const reg = await tx.registration.findFirstOrThrow({ where: { practitionerId: renewer.id } });
    await tx.cpdEntry.create({ data: { practitionerId: renewer.id, kind: "TRAINING_PROGRAMME", title: "社会工作专业能力提升培训", provider: "示例大学", startDate: new Date(`${isoIn(-120)}T00:00:00Z`), endDate: new Date(`${isoIn(-109)}T00:00:00Z`), halfHours: 180, status: "VERIFIED", sourceRef: `e2e:${tag}`, decidedAt: new Date() } });
    // Lapsed ten days ago.
    const lapsed = await person(`过期${tag}`, isoIn(-10), `E2E-LAP-${tag}`);
    // A verified certificate with no registration on file.
    const unregistered = await makeCredentialedPractitioner(tx, { name: `未登记${tag}`, organizationId: agency.id, entryDate: new Date("2020-01-01T00:00:00Z"), entryPath: "RECRUITED", ...idNumberColumns() }, [
      { status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", number: `E2E-UNR-${tag}`, issueDate: "2025-07-01", registrationEnd: null },
    ]);
    return {
      tag,
      district,
      agency,
      learner,
      renewer,
      renewerRegistration: reg,
      lapsed,
      unregistered,
      users: {
        learner: await newUser(tx, "PRACTITIONER", learner.name, { practitionerId: learner.id }),
        renewer: await newUser(tx, "PRACTITIONER", renewer.name, { practitionerId: renewer.id }),
        lapsed: await newUser(tx, "PRACTITIONER", lapsed.name, { practitionerId: lapsed.id }),
        officer: await newUser(tx, "DISTRICT_OFFICER", `登记区干事${tag}`, { regionId: district.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const preflight = (page: Page) => page.getByTestId("cpd-preflight");

test("external hours: submitted with proof, verified by the district officer, and the pre-flight moves by exactly those hours", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const end = isoIn(60);
  await login(page, w.users.learner);
  await page.goto("/me");
  await expect(preflight(page)).toHaveText(fill(z.registrations.progress.short, { counted: 0, required: 90, remaining: 90, date: longDay(end) }));
  await expectNoA11yViolations(page);

  const form = page.getByTestId("cpd-form");
  await form.getByLabel(z.registrations.cpdForm.kind).selectOption("EXTERNAL");
  await form.getByLabel(z.registrations.cpdForm.title).fill("家庭社会工作实务研讨会");
  await form.getByLabel(z.registrations.cpdForm.provider).fill("市社会工作者协会");
  await form.getByLabel(z.registrations.cpdForm.startDate).fill(isoIn(-12));
  await form.getByLabel(z.registrations.cpdForm.endDate).fill(isoIn(-11));
  // Finer than half hours: refused with the localized message, nothing written.
  await form.getByRole("textbox", { name: z.registrations.cpdForm.hours, exact: true }).fill("3.25");
  await form.locator('input[name="scan"]').setInputFiles({ name: "结业证明.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByRole("button", { name: z.registrations.cpdForm.submit }).click();
  await expect(form.getByText(z.validation.cpdHalfHours, { exact: true })).toBeVisible();
  // More than two days allow (8 a day).
  await form.getByRole("textbox", { name: z.registrations.cpdForm.hours, exact: true }).fill("17");
  await form.locator('input[name="scan"]').setInputFiles({ name: "结业证明.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByRole("button", { name: z.registrations.cpdForm.submit }).click();
  await expect(form.getByText(z.validation.cpdHoursTooMany, { exact: true })).toBeVisible();
  await expect(page.getByTestId("cpd-entry")).toHaveCount(0);

  await form.getByRole("textbox", { name: z.registrations.cpdForm.hours, exact: true }).fill("12.5");
  await form.locator('input[name="scan"]').setInputFiles({ name: "结业证明.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByRole("button", { name: z.registrations.cpdForm.submit }).click();
  await expect(page.getByText(z.registrations.cpdForm.submitted)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("cpd-entry")).toHaveCount(1);
  await expect(page.getByTestId("cpd-entry")).toHaveAttribute("data-status", "SUBMITTED");
  // Waiting hours do not count yet.
  await expect(preflight(page)).toHaveText(fill(z.registrations.progress.short, { counted: 0, required: 90, remaining: 90, date: longDay(end) }));
  await expect(page.getByText(fill(z.registrations.progress.pending, { hours: 12.5 }))).toBeVisible();

  // The district officer verifies them from the queue's hours tab.
  const ctx = await browser.newContext({ baseURL });
  const officer = await ctx.newPage();
  await login(ctx, w.users.officer);
  await officer.goto("/credentials/verification?tab=hours");
  const row = officer.getByTestId("cpd-queue-row").filter({ hasText: w.learner.name });
  await expect(row).toHaveCount(1);
  await expectNoA11yViolations(officer);
  await row.getByRole("button", { name: z.credentials.verify }).click();
  await officer.getByRole("dialog").getByRole("button", { name: z.credentials.verifyConfirm }).click();
  await expect(officer.getByText(z.credentials.verified)).toBeVisible();
  await expect(officer.getByTestId("cpd-queue-row").filter({ hasText: w.learner.name })).toHaveCount(0);
  await ctx.close();

  // Exactly 12.5 hours more.
  await page.reload();
  await expect(preflight(page)).toHaveText(fill(z.registrations.progress.short, { counted: 12.5, required: 90, remaining: 77.5, date: longDay(end) }));
  await expect(page.getByTestId("cpd-entry")).toHaveAttribute("data-status", "VERIFIED");
  // …and the practitioner was told: the bell counts it; opening it (from the home page) leads to
  // My profile and marks it read.
  await page.goto("/");
  const bell = page.getByTestId("notification-bell");
  await expect(bell.getByTestId("notification-count")).toHaveText(/^[1-9]/);
  await bell.locator("summary").click();
  const item = bell.getByTestId("notification-item").filter({ hasText: "12.5" });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(preflight(page)).toBeVisible();
  await page.goto("/notifications?unread=1");
  await expect(page.getByTestId("notification-row").filter({ hasText: "12.5" })).toHaveCount(0);
});

test("renewal: requested once the hours are met, verified by the district officer, and the new period is on the public register", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const oldEnd = w.renewerRegistration.periodEnd.toISOString().slice(0, 10);
  const start = new Date(w.renewerRegistration.periodEnd.getTime() + DAY);
  const newEnd = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), start.getUTCDate() - 1)).toISOString().slice(0, 10);
  await login(page, w.users.renewer);
  await page.goto("/me");
  await expect(preflight(page)).toHaveText(fill(z.registrations.progress.met, { counted: 90, required: 90 }));
  const renewal = page.getByTestId("renewal");
  await renewal.getByRole("button", { name: z.registrations.renewal.request }).click();
  await expect(page.getByRole("dialog")).toContainText(fill(z.registrations.renewal.requestBody, { number: w.renewerRegistration.number, start: start.toISOString().slice(0, 10), end: newEnd }));
  await page.getByRole("dialog").getByRole("button", { name: z.registrations.renewal.requestConfirm }).click();
  await expect(renewal.getByRole("button", { name: z.registrations.renewal.request })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("renewal")).toContainText(fill(z.registrations.renewal.waiting, { date: longDay(cityToday().toISOString().slice(0, 10)) }));

  const ctx = await browser.newContext({ baseURL });
  const officer = await ctx.newPage();
  await login(ctx, w.users.officer);
  await officer.goto("/credentials/verification?tab=renewals");
  const row = officer.getByTestId("renewal-queue-row").filter({ hasText: w.renewer.name });
  await expect(row).toContainText(fill(z.registrations.queue.hoursOf, { counted: 90, required: 90 }));
  await expectNoA11yViolations(officer);
  await row.getByRole("button", { name: z.credentials.verify }).click();
  await officer.getByRole("dialog").getByRole("button", { name: z.credentials.verifyConfirm }).click();
  await expect(officer.getByText(z.credentials.verified)).toBeVisible();
  await ctx.close();

  // The practitioner's new period, and the pre-flight starting again at 0 of 90.
  await page.reload();
  await expect(page.getByTestId("registration-period")).toContainText(longDay(newEnd).slice(0, 4));
  await expect(preflight(page)).toHaveText(fill(z.registrations.progress.short, { counted: 0, required: 90, remaining: 90, date: longDay(newEnd) }));

  // The public register: the certificate valid, its registration current until the new end (not the old one).
  const pubCtx = await browser.newContext({ baseURL });
  const pub = await pubCtx.newPage();
  await pub.goto(`/public/verify?number=${encodeURIComponent(`E2E-RNW-${w.tag}`)}`);
  const card = pub.locator("article").filter({ hasText: canonicalNumber(`E2E-RNW-${w.tag}`) });
  await expect(card.locator('[data-status="valid"]')).toBeVisible();
  const registration = card.locator('[data-field="registration"]');
  await expect(registration).toHaveAttribute("data-registration", "current");
  await expect(registration).toContainText(longDay(newEnd));
  await expect(registration).not.toContainText(longDay(oldEnd));
  await expectNoA11yViolations(pub);
  await pubCtx.close();
});

test("a lapsed registration does not change whether the person counts; the public register says it lapsed", async ({ page, browser, baseURL, login }) => {
  await login(page, w.users.lapsed);
  await page.goto("/me");
  await expect(page.getByTestId("counting")).toHaveAttribute("data-counts", "true");
  await expect(page.getByTestId("registration")).toContainText(z.registrations.status.lapsed);
  const pubCtx = await browser.newContext({ baseURL });
  const pub = await pubCtx.newPage();
  await pub.goto(`/public/verify?number=${encodeURIComponent(`E2E-LAP-${w.tag}`)}`);
  const card = pub.locator("article").filter({ hasText: canonicalNumber(`E2E-LAP-${w.tag}`) });
  await expect(card.locator('[data-status="valid"]')).toBeVisible();
  await expect(card.locator('[data-field="registration"]')).toHaveAttribute("data-registration", "lapsed");
  await pubCtx.close();

  // The district officer finds them with the register's "lapsed" filter; they are counted.
  await login(page, w.users.officer);
  await page.goto("/practitioners?registration=lapsed");
  await expect(page.getByRole("link", { name: w.lapsed.name })).toBeVisible();
  await expect(page.getByRole("link", { name: w.learner.name })).toHaveCount(0);
});

test("a practitioner cannot open another person's ledger or the review queue", async ({ page, login }) => {
  await login(page, w.users.learner);
  const other = await page.goto(`/practitioners/${w.renewer.id}`);
  expect([403, 404]).toContain(other?.status());
  await expect(page.getByTestId("cpd-ledger")).toHaveCount(0);
  const queue = await page.goto("/credentials/verification?tab=hours");
  expect([403, 404]).toContain(queue?.status());
});

test("a district officer records the registration of a verified certificate that has none on file", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, w.users.officer);
  await page.goto(`/practitioners/${w.unregistered.id}`);
  await expect(page.getByTestId("registration-panel")).toContainText(z.registrations.none);
  // Numbers are stored and shown canonical (issue 11, item 1).
  const cert = page.getByTestId("credential").filter({ hasText: canonicalNumber(`E2E-UNR-${w.tag}`) });
  await expect(cert).toContainText(z.credentials.notRegistered);
  await cert.getByRole("button", { name: z.registrations.record.open }).click();
  const dialog = page.getByRole("dialog");
  // Before the certificate was issued: refused with the localized message.
  await dialog.getByLabel(z.registrations.record.number).fill(`DJ-UNR-${w.tag}`);
  await dialog.getByLabel(z.registrations.record.start).fill("2025-06-15");
  await dialog.getByRole("button", { name: z.registrations.record.confirm }).click();
  await expect(dialog.getByText(zhBase.validation.registrationBeforeIssue, { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByLabel(z.registrations.record.start).fill("2025-08-01");
  await dialog.getByRole("button", { name: z.registrations.record.confirm }).click();
  // The page comes back with the registration in place: its period, and no button to record it again.
  await expect(page.getByTestId("registration-period")).toContainText(longDay("2028-07-31"));
  await expect(cert.getByRole("button", { name: z.registrations.record.open })).toHaveCount(0);
  await expect(cert).toContainText(`DJUNR${w.tag}`);
});
