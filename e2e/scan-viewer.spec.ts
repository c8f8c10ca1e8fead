import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { TINY_PNG as TINY_SCAN } from "../src/server/seed/scan-files";
import { canonicalNumber } from "../src/lib/canonical-number";
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };

// Issue 11, item 10: a credential's scan is viewed in the page, not only downloaded. The
// practitioner submits a credential with an image scan; the district officer opens it from the
// verification queue in a dialog (keyboard: Enter opens, Esc closes, focus goes back), the image
// really renders, and the inline response is frame-able by the portal only and served only to
// those who may download the file. The practitioner views their own scan on My profile. The
// district, agency, people and credential are the spec's own. (A PDF in the viewer is tested with
// the registration certificate in e2e/agency-applications.spec.ts.)

const z = { ...M.zh, credentials: zhCredentials };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `scan-viewer-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `扫描${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `扫描${tag}社会工作服务中心`);
    const person = await newPractitioner(tx, agency.id, `扫描${tag}`);
    const worker = await newUser(tx, "PRACTITIONER", person.name, { practitionerId: person.id });
    const officer = await newUser(tx, "DISTRICT_OFFICER", `扫描区干事${tag}`, { regionId: district.id });
    const otherDistrict = await newDistrict(tx, `扫描他${tag}区`);
    const otherOfficer = await newUser(tx, "DISTRICT_OFFICER", `扫描他区干事${tag}`, { regionId: otherDistrict.id });
    return { tag, person, worker, officer, otherOfficer };
  });
}

/** The image in an open viewer has really been decoded (a blocked or broken response has no width). */
async function expectRenderedImage(page: Page, src: string) {
  const image = page.getByRole("dialog").getByRole("img");
  await expect(image).toHaveAttribute("src", src);
  await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test("a credential's image scan opens in an in-page viewer from the verification queue and My profile; the inline route is the portal's only (issue 11, item 10)", async ({ db, page, browser, baseURL, login, playwright, expectNoA11yViolations }) => {
  const w = await build(db);
  const number = `e2e-view-${w.tag.toLowerCase()}`;
  const shown = canonicalNumber(number);

  // The practitioner submits the credential with a PNG scan.
  await login(page, w.worker);
  await page.goto("/me");
  const form = page.getByTestId("credential-form");
  await form.getByLabel(z.credentials.kind).selectOption("SOCIAL_WORKER");
  await form.getByLabel(z.credentials.number).fill(number);
  await form.getByLabel(z.credentials.issuingAuthority).fill("人力资源和社会保障部");
  await form.getByLabel(z.credentials.issueDate).fill("2026-06-15");
  await form.locator('input[name="scan"]').setInputFiles({ name: "证书.png", mimeType: "image/png", buffer: Buffer.from(TINY_SCAN) });
  await form.getByRole("button", { name: z.credentials.submit }).click();
  await expect(form.getByText(z.credentials.submitted)).toBeVisible();
  const credential = await db.credential.findFirstOrThrow({ where: { number: shown }, select: { scanFileId: true } });
  const inlinePath = `/api/files/${credential.scanFileId}/inline`;

  // The district officer opens it from the queue, with the keyboard.
  const officerCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const officer = await officerCtx.newPage();
  await login(officer, w.officer);
  await officer.goto(`/credentials/verification?q=${encodeURIComponent(number)}`);
  const row = officer.getByTestId("queue-row").filter({ hasText: shown });
  await expect(row).toHaveCount(1);
  const view = row.getByTestId("credential-scan-viewer-open");
  await expect(view).toHaveAccessibleName(new RegExp(`^${z.scanViewer.view}.*${shown}`));
  await view.focus();
  await officer.keyboard.press("Enter");
  const viewer = officer.getByRole("dialog");
  await expect(viewer).toBeVisible();
  await expect(viewer).toHaveAccessibleName(new RegExp(`${z.credentials.scan} · ${w.person.name} · .*${shown}`));
  await expectRenderedImage(officer, inlinePath);
  await expect(viewer.getByRole("link", { name: z.scanViewer.download })).toHaveAttribute("href", `/api/files/${credential.scanFileId}`);
  await expect(viewer.getByRole("button", { name: z.scanViewer.close })).toBeFocused();
  await expectNoA11yViolations(officer, { widths: [390] });
  await officer.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(view).toBeFocused();
  // The close button closes it too, and focus goes back again.
  await view.click();
  await expect(viewer).toBeVisible();
  await viewer.getByRole("button", { name: z.scanViewer.close }).click();
  await expect(viewer).toBeHidden();
  await expect(view).toBeFocused();
  await expectNoA11yViolations(officer, { widths: [390] });
  // Viewed and audited (opening it again in the same page may reuse the image the browser already holds).
  expect(await db.auditEvent.count({ where: { action: "files.view", actorId: w.officer.id, entityId: credential.scanFileId! } })).toBeGreaterThanOrEqual(1);

  // The inline response: its type, inline, never sniffed, frame-able by the portal only (every other response: DENY).
  const inline = await officer.request.get(inlinePath);
  expect(inline.status()).toBe(200);
  expect(inline.headers()["content-type"]).toBe("image/png");
  expect(inline.headers()["content-disposition"]).toMatch(/^inline; filename="credential-/);
  expect(inline.headers()["x-content-type-options"]).toBe("nosniff");
  expect(inline.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(inline.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const download = await officer.request.get(`/api/files/${credential.scanFileId}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["x-frame-options"]).toBe("DENY");
  expect((await officer.request.get("/credentials/verification")).headers()["x-frame-options"]).toBe("DENY");
  await officerCtx.close();

  // Another district's officer gets what the download gives them: 404; nobody signed in: 401.
  const otherCtx = await browser.newContext({ baseURL, locale: "zh-CN" });
  await login(otherCtx, w.otherOfficer);
  expect((await otherCtx.request.get(inlinePath)).status()).toBe(404);
  expect((await otherCtx.request.get(`/api/files/${credential.scanFileId}`)).status()).toBe(404);
  await otherCtx.close();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(inlinePath)).status()).toBe(401);
  await anonymous.dispose();

  // The practitioner views their own scan on My profile.
  await page.goto("/me");
  const mine = page.getByTestId("credential").filter({ hasText: shown });
  await mine.getByTestId("credential-scan-viewer-open").click();
  await expectRenderedImage(page, inlinePath);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expectNoA11yViolations(page, { widths: [390] });
});
