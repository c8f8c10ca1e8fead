import { readFileSync } from "node:fs";
import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { canonicalNumber } from "../src/lib/canonical-number";
import type { TDb } from "./db";
import type { TSessionUser } from "./session";

// The public register, as a citizen and an employer use it, without signing in.
// Data it reads (and never changes) from the demo seed: worker@demo.local (李明) counts toward the
// plan with a verified social-work qualification certificate (permanent); no spec changes his
// record. The spec reads that certificate's number from his own printable e-certificate and checks
// it against the register.

const z = M.zh;
const pr = z.publicRegister as unknown as typeof import("../messages/zh-Hans/publicRegister.json");

/**
 * Every test's browser comes from 127.0.0.1, and the portal takes the client address from the
 * socket (a forged X-Forwarded-For no longer makes a fresh client, issue 10, hole 4): the tight
 * bulk-check limit (5 an hour) is emptied for the loopback address before a test that uses it.
 */
async function asFreshClient(db: TDb) {
  await db.rateLimitHit.deleteMany({ where: { bucket: "public.verify.bulk", key: { in: ["127.0.0.1", "::1", "unknown"] } } });
}

/** 李明's certificate number and public page, from his own e-certificate (signed in as him). */
async function workerCertificate(page: Page, db: TDb, login: (page: Page, who: string) => Promise<TSessionUser>): Promise<{ number: string; publicUrl: string }> {
  const worker = await login(page, "worker@demo.local");
  const registered = await db.credential.findMany({ where: { practitionerId: worker.practitionerId!, kind: "SOCIAL_WORKER", status: "VERIFIED" }, select: { number: true } });
  expect(registered).toHaveLength(1);
  await page.goto("/practitioners/me/certificate");
  const cert = page.getByTestId("e-certificate");
  await expect(cert).toBeVisible();
  await expect(cert.locator('[data-field="name"]')).toHaveText("李明");
  const number = (await cert.locator('[data-field="certificateNumber"]').first().innerText()).trim();
  expect(number).toBe(registered[0]!.number);
  const publicUrl = (await cert.locator("span.font-mono").last().innerText()).trim();
  expect(new URL(publicUrl).pathname).toBe(`/public/p/${worker.practitionerId}`);
  return { number, publicUrl };
}

test("a counted practitioner prints an e-certificate with a QR code; its QR page and the public search verify the certificate", async ({ db, page, browser, baseURL, login, expectNoA11yViolations }) => {
  await asFreshClient(db);
  const { number, publicUrl } = await workerCertificate(page, db, login);
  await expect(page.getByRole("img", { name: /李明/ })).toBeVisible();
  await expect(page.getByRole("button", { name: pr.certificate.print })).toBeVisible();
  await expectNoA11yViolations(page);

  // Printing shows the certificate only (no portal chrome) on one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: z.shell.mainNav })).toBeHidden();
  await expect(page.getByRole("button", { name: pr.certificate.print })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // A citizen, not signed in.
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const pub = await ctx.newPage();
  await asFreshClient(db);
  await pub.goto(new URL(publicUrl).pathname);
  const profile = pub.getByTestId("public-profile");
  await expect(profile).toContainText("李明");
  await expect(profile).toContainText(pr.status.valid);
  await expectNoA11yViolations(pub);

  await pub.goto("/public/verify");
  await expectNoA11yViolations(pub);
  await pub.getByLabel(pr.verify.number).fill(` ${number} `);
  await pub.getByRole("button", { name: pr.verify.submit }).click();
  const card = pub.getByTestId("public-result");
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-field="name"]')).toHaveText("李明");
  await expect(card.locator('[data-field="certificateNumber"]')).toHaveText(number);
  await expect(card).toContainText(pr.status.valid);
  await expect(card.locator('[data-field="district"]')).not.toBeEmpty();
  // Never anything private: no ID number pattern, phone number or e-mail on the page.
  // (The certificate number itself is public and may contain long digit runs: leave it out.)
  const text = (await pub.locator("main").innerText()).replaceAll(number, "");
  expect(text).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}|@/);
  await expectNoA11yViolations(pub);

  // Name together with the number: the exact name matches, another name does not.
  await pub.goto(`/public/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent("李明")}`);
  await expect(pub.getByTestId("public-result")).toHaveCount(1);
  await pub.goto(`/public/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent("李")}`);
  await expect(pub.getByTestId("public-no-match")).toContainText(pr.verify.noMatchTitle);

  // An empty search is a localized field error, not a failure.
  await pub.goto("/public/verify?number=");
  await expect(pub.getByText(pr.problems.numberRequired)).toBeVisible();

  // Unknown ids on the QR page look like not-counted ones: "not found in the register", 404.
  const res = await pub.goto("/public/p/no-such-practitioner");
  expect(res?.status()).toBe(404);
  await expect(pub.getByRole("heading", { name: pr.profile.notFoundTitle })).toBeVisible();
  await expectNoA11yViolations(pub);
  await ctx.close();
});

test("bulk check: pasted numbers give the right statuses, and the CSV download holds them", async ({ db, page, browser, baseURL, login, expectNoA11yViolations }) => {
  await asFreshClient(db);
  const { number } = await workerCertificate(page, db, login);

  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", acceptDownloads: true });
  const pub = await ctx.newPage();
  await asFreshClient(db);
  await pub.goto("/public/verify/bulk");
  await expectNoA11yViolations(pub);
  const unknown = ["E2E-NO-SUCH-0001", "E2E-NO-SUCH-0002"];
  await pub.getByLabel(pr.bulk.paste).fill(`${unknown[0]}\n${number}, ${unknown[1]}\n${number}`);
  await pub.getByRole("button", { name: pr.bulk.submit }).click();
  await expect(pub.getByTestId("bulk-summary")).toHaveText(pr.bulk.summary.replace("{total}", "3").replace("{valid}", "1").replace("{revoked}", "0").replace("{notFound}", "2"));
  const rows = pub.getByTestId("bulk-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-status", "notFound");
  await expect(rows.nth(1)).toHaveAttribute("data-status", "valid");
  await expect(rows.nth(1)).toContainText("李明");
  await expect(rows.nth(2)).toHaveAttribute("data-status", "notFound");
  await expectNoA11yViolations(pub);

  const [download] = await Promise.all([pub.waitForEvent("download"), pub.getByRole("button", { name: pr.bulk.download }).click()]);
  expect(download.suggestedFilename()).toMatch(/^certificate-check-\d{8}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe([pr.fields.certificateNumber, pr.fields.status, pr.fields.name, pr.fields.qualificationLevel, pr.fields.registration, pr.fields.registrationEnd, pr.fields.district].join(","));
  // Each number in the register's canonical form (issue 11, item 1).
  expect(lines.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual([
    [canonicalNumber(unknown[0]!), pr.status.notFound, ""],
    [number, pr.status.valid, "李明"],
    [canonicalNumber(unknown[1]!), pr.status.notFound, ""],
  ]);

  // Over 100 numbers: refused with a localized message, nothing checked.
  await pub.getByLabel(pr.bulk.paste).fill(Array.from({ length: 101 }, (_, i) => `E2E-MANY-${i}`).join("\n"));
  await pub.getByRole("button", { name: pr.bulk.submit }).click();
  await expect(pub.getByText(pr.problems.tooMany.replace("{count}", "101"))).toBeVisible();
  await ctx.close();
});

/** The way people type a number off paper: lower case, full-width characters (全角) and dashes. */
function typedCarelessly(number: string): string {
  const fullWidth = (x: string) => [...x].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join("");
  const lower = number.toLowerCase();
  return `${fullWidth(lower.slice(0, 2))}-${lower.slice(2, 6)}－${fullWidth(lower.slice(6, 9))} ${lower.slice(9)}`;
}

test("the public check finds 李明's certificate typed in lower case, full-width and with dashes (issue 11, item 1)", async ({ db, page, browser, baseURL, login, expectNoA11yViolations }) => {
  await asFreshClient(db);
  const { number } = await workerCertificate(page, db, login);
  const typed = typedCarelessly(number);
  expect(typed).not.toBe(number);
  expect(typed).toMatch(/[a-z\uff41-\uff5a]/);
  expect(typed).toMatch(/[\uff10-\uff19]/);
  expect(typed).toMatch(/[-－]/);

  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", acceptDownloads: true });
  const pub = await ctx.newPage();
  await pub.goto("/public/verify");
  // The hint says what does not matter.
  await expect(pub.getByText(pr.verify.numberHint)).toBeVisible();
  await pub.getByLabel(pr.verify.number).fill(typed);
  await pub.getByRole("button", { name: pr.verify.submit }).click();
  const card = pub.getByTestId("public-result");
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-field="name"]')).toHaveText("李明");
  await expect(card.locator('[data-field="certificateNumber"]')).toHaveText(number);
  await expect(card).toContainText(pr.status.valid);
  await expect(pub.getByTestId("public-no-match")).toHaveCount(0);
  await expectNoA11yViolations(pub);

  // The bulk check reads the same typing as the same certificate.
  await asFreshClient(db);
  await pub.goto("/public/verify/bulk");
  await pub.getByLabel(pr.bulk.paste).fill(`${typed}\n${number.toLowerCase()}`);
  await pub.getByRole("button", { name: pr.bulk.submit }).click();
  const rows = pub.getByTestId("bulk-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-status", "valid");
  await expect(rows.first()).toContainText("李明");
  await ctx.close();
});

test("on a phone: the search and the bulk check fit the screen", async ({ db, browser, baseURL, expectNoA11yViolations }) => {
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const pub = await ctx.newPage();
  await asFreshClient(db);
  await pub.goto("/public/verify?number=E2E-NO-SUCH-0003");
  await expect(pub.getByTestId("public-no-match")).toBeVisible();
  const overflow = await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(pub.getByRole("button", { name: pr.verify.submit })).toBeInViewport();
  await expectNoA11yViolations(pub);

  await pub.goto("/public/verify/bulk");
  await pub.getByLabel(pr.bulk.paste).fill("E2E-NO-SUCH-0004\nE2E-NO-SUCH-0005");
  await pub.getByRole("button", { name: pr.bulk.submit }).click();
  await expect(pub.getByTestId("bulk-card")).toHaveCount(2);
  await expect(pub.getByTestId("bulk-row").first()).toBeHidden();
  expect(await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(pub);
  await ctx.close();
});

test("the e-certificate of someone outside one's scope is refused", async ({ db, page, browser, baseURL, login }) => {
  await asFreshClient(db);
  const { publicUrl } = await workerCertificate(page, db, login);
  const id = new URL(publicUrl).pathname.split("/").pop()!;
  // The department officer (education bureau) has no access to an agency's staff member.
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const other = await ctx.newPage();
  await login(other, "dept@demo.local");
  const res = await other.goto(`/practitioners/${id}/certificate`);
  expect(res?.status()).toBe(403);
  await expect(other.getByTestId("e-certificate")).toHaveCount(0);
  await ctx.close();
});
