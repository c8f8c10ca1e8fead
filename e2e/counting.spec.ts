import { test, expect } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { deriveQualification, makeCredential } from "../src/server/seed/credential-factories";
import zhCredentials from "../messages/zh-Hans/credentials.json" with { type: "json" };
import zhCounting from "../messages/zh-Hans/counting.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import zhPublic from "../messages/zh-Hans/publicRegister.json" with { type: "json" };

// Issue 11, item 4: after a credential was verified, the person's page said "does not count ·
// qualification level: none" while the public check said the certificate was valid. Here a
// district officer verifies the certificate of someone who has left the city: the page says that
// they do not count BECAUSE their status is "left the city" since a given day, that returning
// would change it, and the level they hold; the public check says the certificate is valid and
// that its holder is not counted, for the same reason in public words.

const z = { ...M.zh, credentials: zhCredentials, counting: zhCounting, enums: zhEnums, publicRegister: zhPublic };
const day = (s: string) => new Date(`${s}T00:00:00Z`);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `counting-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `计入${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `计入${tag}社会工作服务中心`);
    // Every date lies before the plan's first day (2025-01-01), so the growth figures other specs
    // read (counted on that day, new this plan year) are not changed by this person.
    const person = await newPractitioner(tx, agency.id, `离开${tag}`, { status: "LEFT", statusSince: day("2024-06-30") });
    await tx.practitionerStatusChange.createMany({
      data: [
        { practitionerId: person.id, status: "ACTIVE", effectiveFrom: day("2022-03-01"), createdAt: new Date("2022-03-01T02:00:00Z") },
        { practitionerId: person.id, status: "LEFT", effectiveFrom: day("2024-06-30"), note: "调离本市", createdAt: new Date("2024-06-30T02:00:00Z") },
      ],
    });
    // Stored as the forms store numbers: canonical (upper case, letters and digits only).
    const number = `E2ELEFT${tag}`.toUpperCase();
    await makeCredential(tx, { practitionerId: person.id, status: "SUBMITTED", kind: "SOCIAL_WORKER", number, issueDate: "2023-06-01", registrationEnd: "2027-05-31" });
    await deriveQualification(tx, person.id);
    const officer = await newUser(tx, "DISTRICT_OFFICER", `计入区干事${tag}`, { regionId: district.id });
    return { tag, person, number, officer };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

test("a verified certificate of someone who left: the page says why they do not count, and the public register agrees", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto(`/credentials/verification?q=${encodeURIComponent(w.number)}`);
  const row = page.getByTestId("queue-row").filter({ hasText: w.number });
  await row.getByRole("button", { name: z.credentials.verify, exact: true }).click();
  await page.getByRole("dialog", { name: z.credentials.verifyTitle }).getByRole("button", { name: z.credentials.verifyConfirm }).click();
  await expect(page.getByRole("status").filter({ hasText: z.credentials.verified })).toBeVisible();

  // The person's page: not counted, because they left the city on 30 June 2024; the certificate's level is shown, not "none".
  await page.goto(`/practitioners/${w.person.id}`);
  const counting = page.getByTestId("counting");
  await expect(counting).toHaveAttribute("data-counts", "false");
  await expect(counting).toContainText(z.counting.notCounting);
  await expect(counting).toContainText(z.enums.qualificationLevel.SOCIAL_WORKER);
  await expect(counting).not.toContainText(z.enums.qualificationLevel.NONE);
  const why = counting.locator('[data-reason="inactive"]');
  await expect(why).toContainText(z.enums.practitionerStatus.LEFT);
  await expect(why).toContainText("2024");
  await expect(counting.locator('[data-change="countOnReturn"]')).toHaveText(z.counting.changes.countOnReturn);
  await expectNoA11yViolations(page);

  // The register's row says the same in one line.
  await page.goto(`/practitioners?q=${encodeURIComponent(w.person.name)}`);
  const cell = page.getByTestId("counting");
  await expect(cell).toHaveAttribute("data-counts", "false");
  await expect(cell).toContainText(z.enums.practitionerStatus.LEFT);

  // The public check: the certificate is valid, and its holder does not count (not active in the city).
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN" });
  const pub = await ctx.newPage();
  await pub.goto(`/public/verify?number=${encodeURIComponent(w.number)}`);
  const result = pub.getByTestId("public-result");
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(z.publicRegister.status.valid);
  await expect(result.getByTestId("counting")).toHaveAttribute("data-counts", "false");
  await expect(result.getByTestId("counting")).toHaveText(z.counting.public.inactive);
  await expectNoA11yViolations(pub);
  await ctx.close();
});
