import { test, expect, type Page } from "./fixtures";
import { M, signInOk } from "./support";
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };
import zhMe from "../messages/zh-Hans/me.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };

// A practitioner submits a credential with a scan on My profile; the district officer finds it
// in the verification queue, is told a rejection needs a reason, then verifies it; the
// practitioner now counts. Also: the queue is closed to practitioners.

const z = { ...M.zh, credentials: zhCredentials, me: zhMe, enums: zhEnums };
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function submitOnMyProfile(page: Page, number: string) {
  await page.goto("/me");
  const form = page.locator("form").filter({ has: page.locator('input[name="scan"]') });
  await form.getByLabel(z.credentials.kind).selectOption("SOCIAL_WORKER");
  await form.getByLabel(z.credentials.number).fill(number);
  await form.getByLabel(z.credentials.issuingAuthority).fill("人力资源和社会保障部");
  await form.getByLabel(z.credentials.issueDate).fill("2026-06-15"); // after 李明 began to count: the demo history stays as seeded
  await form.getByLabel(z.credentials.validUntil).fill("2030-06-14");
  await form.locator('input[name="scan"]').setInputFiles({ name: "证书.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByRole("button", { name: z.credentials.submit }).click();
  await expect(form.getByText(z.credentials.submitted)).toBeVisible();
}

test("practitioner submits a credential; the district officer rejects without a reason (refused), then verifies it", async ({ page, browser, baseURL, expectNoA11yViolations }) => {
  const number = `E2E-SW-${Date.now()}`;
  await signInOk(page, "worker@demo.local");
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: z.me.title })).toBeVisible();
  // He counts, so his profile carries the QR code to his public verification page.
  await expect(page.getByTestId("public-qr-card").locator("svg")).toBeVisible();
  await expectNoA11yViolations(page);

  // A scan that is not an image or PDF is refused with the localized field error.
  const form = page.locator("form").filter({ has: page.locator('input[name="scan"]') });
  await form.getByLabel(z.credentials.kind).selectOption("SOCIAL_WORKER");
  await form.getByLabel(z.credentials.number).fill(number);
  await form.getByLabel(z.credentials.issuingAuthority).fill("人力资源和社会保障部");
  await form.getByLabel(z.credentials.issueDate).fill("2026-06-15"); // after 李明 began to count: the demo history stays as seeded
  await form.getByLabel(z.credentials.validUntil).fill("2030-06-14");
  await form.locator('input[name="scan"]').setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: Buffer.from("<html>not an image</html>") });
  await form.getByRole("button", { name: z.credentials.submit }).click();
  await expect(form.getByText(z.validation.scanType)).toBeVisible();

  await submitOnMyProfile(page, number);
  await page.reload();
  const mine = page.getByTestId("credential").filter({ hasText: number });
  await expect(mine.getByText(z.enums.credentialStatus.SUBMITTED).first()).toBeVisible();
  await expectNoA11yViolations(page);

  // The practitioner has no verification queue.
  const denied = await page.goto("/credentials/verification");
  expect(denied?.status()).toBe(403);

  const officerCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const officer = await officerCtx.newPage();
  await signInOk(officer, "district@demo.local");
  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}`);
  const row = officer.getByTestId("queue-row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expectNoA11yViolations(officer);

  // Rejecting without a reason shows the localized error and changes nothing.
  await row.getByRole("button", { name: z.credentials.reject, exact: true }).click();
  const rejectDialog = officer.getByRole("dialog", { name: z.credentials.rejectTitle });
  await rejectDialog.getByRole("button", { name: z.credentials.rejectConfirm }).click();
  await expect(rejectDialog.getByText(z.validation.reasonRequired)).toBeVisible();
  await expectNoA11yViolations(officer);
  await rejectDialog.getByRole("button", { name: z.credentials.cancel }).click();
  await expect(row.getByText(z.enums.credentialStatus.SUBMITTED)).toBeVisible();

  // Verify through the confirmation dialog.
  await row.getByRole("button", { name: z.credentials.verify, exact: true }).click();
  const dialog = officer.getByRole("dialog", { name: z.credentials.verifyTitle });
  await dialog.getByRole("button", { name: z.credentials.verifyConfirm }).click();
  // The decided row leaves the queue; the queue says what happened.
  await expect(officer.getByRole("status").filter({ hasText: z.credentials.verified })).toBeVisible();
  await expect(officer.getByTestId("queue-row").filter({ hasText: number })).toHaveCount(0);
  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}&status=VERIFIED`);
  await expect(officer.getByTestId("queue-row").filter({ hasText: number })).toHaveCount(1);
  await officerCtx.close();

  // Back on My profile: verified, and the practitioner counts.
  await page.goto("/me");
  await expect(page.getByTestId("credential").filter({ hasText: number }).getByText(z.enums.credentialStatus.VERIFIED).first()).toBeVisible();
  await expect(page.getByTestId("counts").getByText(z.me.countsYes)).toBeVisible();
});
