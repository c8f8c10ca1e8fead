import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { TINY_PNG as TINY_SCAN } from "../src/server/seed/scan-files";
import { canonicalNumber } from "../src/lib/canonical-number";
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };
import zhMe from "../messages/zh-Hans/me.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import zhCounting from "../messages/zh-Hans/counting.json" with { type: "json" };

// A practitioner submits a credential with a scan on My profile; the district officer finds it
// in the verification queue, is told a rejection needs a reason, then verifies it; the
// practitioner now counts. Also: the queue is closed to practitioners. The practitioner (with
// their sign-in), their agency, district and its officer are the spec's own.

const z = { ...M.zh, credentials: zhCredentials, me: zhMe, enums: zhEnums };
const TINY_PNG = Buffer.from(TINY_SCAN);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `credentials-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `证书${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `证书${tag}社会工作服务中心`);
    const person = await newPractitioner(tx, agency.id, `证书${tag}`);
    const worker = await newUser(tx, "PRACTITIONER", person.name, { practitionerId: person.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `证书区干事${tag}`, { regionId: district.id });
    return { tag, district, agency, person, worker, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

async function submitOnMyProfile(page: Page, number: string) {
  await page.goto("/me");
  const form = page.getByTestId("credential-form");
  await form.getByLabel(z.credentials.kind).selectOption("SOCIAL_WORKER");
  await form.getByLabel(z.credentials.number).fill(number);
  await form.getByLabel(z.credentials.issuingAuthority).fill("人力资源和社会保障部");
  await form.getByLabel(z.credentials.issueDate).fill("2026-06-15");
  await form.getByLabel(z.credentials.registrationNumber).fill(`DJ-${number}`);
  await form.getByLabel(z.credentials.registrationStart).fill("2026-07-01");
  await form.locator('input[name="scan"]').setInputFiles({ name: "证书.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByRole("button", { name: z.credentials.submit }).click();
  await expect(form.getByText(z.credentials.submitted)).toBeVisible();
}

test("practitioner submits a credential; the district officer rejects without a reason (refused), then verifies it", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  // Typed with dashes and in lower case; stored and shown canonical (issue 11, item 1).
  const number = `e2e-sw-${w.tag.toLowerCase()}`;
  const shown = canonicalNumber(number);
  await login(page, w.worker);
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: z.me.title })).toBeVisible();
  // No credential yet: they do not count, and the QR card has no code to a public page.
  await expect(page.getByTestId("counting")).toHaveAttribute("data-counts", "false");
  await expect(page.getByTestId("counting")).toContainText(zhCounting.notCounting);
  await expect(page.getByTestId("counting").locator('[data-reason="noQualifyingCredential"]')).toBeVisible();
  await expect(page.getByTestId("public-qr-card")).toBeVisible();
  await expect(page.getByTestId("public-qr-card").locator("svg")).toHaveCount(0);
  await expect(page.getByTestId("credential")).toHaveCount(0);
  await expectNoA11yViolations(page);

  // A scan that is not an image or PDF is refused with the localized field error.
  const form = page.getByTestId("credential-form");
  await form.getByLabel(z.credentials.kind).selectOption("SOCIAL_WORKER");
  await form.getByLabel(z.credentials.number).fill(number);
  await form.getByLabel(z.credentials.issuingAuthority).fill("人力资源和社会保障部");
  await form.getByLabel(z.credentials.issueDate).fill("2026-06-15");
  await form.locator('input[name="scan"]').setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: Buffer.from("<html>not an image</html>") });
  await form.getByRole("button", { name: z.credentials.submit }).click();
  await expect(form.getByText(z.validation.scanType, { exact: true })).toBeVisible();

  await submitOnMyProfile(page, number);
  await page.reload();
  await expect(page.getByTestId("credential")).toHaveCount(1);
  const mine = page.getByTestId("credential").filter({ hasText: shown });
  await expect(mine.getByText(z.enums.credentialStatus.SUBMITTED).first()).toBeVisible();
  await expectNoA11yViolations(page);

  // The practitioner has no verification queue.
  const denied = await page.goto("/credentials/verification");
  expect(denied?.status()).toBe(403);

  const officerCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const officer = await officerCtx.newPage();
  await login(officer, w.officer);
  // The district's queue holds this one submission.
  await officer.goto("/credentials/verification");
  await expect(officer.getByTestId("queue-row")).toHaveCount(1);
  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}`);
  const row = officer.getByTestId("queue-row").filter({ hasText: shown });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(w.person.name);
  await expectNoA11yViolations(officer);

  // Rejecting without a reason shows the localized error and changes nothing.
  await row.getByRole("button", { name: z.credentials.reject, exact: true }).click();
  const rejectDialog = officer.getByRole("dialog", { name: z.credentials.rejectTitle });
  await rejectDialog.getByRole("button", { name: z.credentials.rejectConfirm }).click();
  await expect(rejectDialog.getByText(z.validation.reasonRequired, { exact: true })).toBeVisible();
  await expectNoA11yViolations(officer);
  await rejectDialog.getByRole("button", { name: z.credentials.cancel }).click();
  await expect(row.getByText(z.enums.credentialStatus.SUBMITTED)).toBeVisible();

  // Verify through the confirmation dialog.
  await row.getByRole("button", { name: z.credentials.verify, exact: true }).click();
  const dialog = officer.getByRole("dialog", { name: z.credentials.verifyTitle });
  await dialog.getByRole("button", { name: z.credentials.verifyConfirm }).click();
  // The decided row leaves the queue; the queue says what happened.
  await expect(officer.getByRole("status").filter({ hasText: z.credentials.verified })).toBeVisible();
  await expect(officer.getByTestId("queue-row").filter({ hasText: shown })).toHaveCount(0);
  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}&status=VERIFIED`);
  await expect(officer.getByTestId("queue-row").filter({ hasText: shown })).toHaveCount(1);
  await officerCtx.close();

  // Back on My profile: verified, the practitioner counts, and the profile carries the QR code to their public page.
  await page.goto("/me");
  await expect(page.getByTestId("credential").filter({ hasText: shown }).getByText(z.enums.credentialStatus.VERIFIED).first()).toBeVisible();
  await expect(page.getByTestId("counting")).toHaveAttribute("data-counts", "true");
  await expect(page.getByTestId("counting")).toContainText(z.enums.qualificationLevel.SOCIAL_WORKER);
  await expect(page.getByTestId("public-qr-card").locator("svg")).toBeVisible();
});
