import { test, expect } from "./fixtures";
import { M } from "./support";
import zhMe from "../messages/zh-Hans/me.json" with { type: "json" };
import zhCounting from "../messages/zh-Hans/counting.json" with { type: "json" };
import zhPractitioners from "../messages/zh-Hans/practitioners.json" with { type: "json" };
import zhPublic from "../messages/zh-Hans/publicRegister.json" with { type: "json" };

// Issue 11, item 7: the practitioner could not find where to edit their own details. Contact
// editing lived only on the officials' practitioner page (not in the practitioner's menu), and the
// e-certificate's back button led there too. As worker@demo.local (李明): My profile has the
// contact form, says since when he counts, what would stop it and when his registration is due,
// and the e-certificate leads back to My profile. The phone number changed here is put back.

const z = { ...M.zh, me: zhMe, counting: zhCounting, practitioners: zhPractitioners, publicRegister: zhPublic };

test("My profile: counting since when and what would stop it, the registration's due date, contact editing, and the way back from the e-certificate", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "worker@demo.local");
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: z.me.title })).toBeVisible();

  // Counted since a day, with what would stop it; the registration's end and when its renewal is due.
  const counting = page.getByTestId("counting");
  await expect(counting).toHaveAttribute("data-counts", "true");
  await expect(counting).toContainText(z.counting.countsSince.split("{date}")[0]!);
  await expect(counting.locator('[data-change="stopOnLeaving"]')).toHaveText(z.counting.changes.stopOnLeaving);
  await expect(counting.locator('[data-change="stopOnRevocation"]')).toBeVisible();
  await expect(counting).toContainText(z.counting.changes.registrationNote);
  const due = page.getByTestId("my-registration-due");
  await expect(due).toContainText(z.me.registrationTitle);
  await expect(due).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expectNoA11yViolations(page);

  // The contact details are edited here, and the page comes back with them saved.
  const contact = page.locator("#contact");
  const phone = contact.getByLabel(z.practitioners.fields.phone);
  const before = await phone.inputValue();
  await phone.fill("13800138011");
  await contact.getByRole("button", { name: z.practitioners.form.save }).click();
  await expect(page).toHaveURL(/\/me\?saved=1(#contact)?$/);
  await expect(page.getByText(z.me.contactSaved)).toBeVisible();
  await expect(page.locator("#contact").getByLabel(z.practitioners.fields.phone)).toHaveValue("13800138011");
  // A number that is not one is refused under the field.
  await page.locator("#contact").getByLabel(z.practitioners.fields.phone).fill("12");
  await page.locator("#contact").getByRole("button", { name: z.practitioners.form.save }).click();
  await expect(page.locator("#contact").getByText(z.validation.phone, { exact: true })).toBeVisible();
  // Put the demo's number back.
  await page.goto("/me");
  await page.locator("#contact").getByLabel(z.practitioners.fields.phone).fill(before);
  await page.locator("#contact").getByRole("button", { name: z.practitioners.form.save }).click();
  await expect(page.getByText(z.me.contactSaved)).toBeVisible();

  // The e-certificate, and back to My profile (not the officials' register page).
  await page.getByRole("link", { name: z.me.certificate }).click();
  await expect(page.getByTestId("e-certificate")).toBeVisible();
  await page.getByRole("link", { name: z.publicRegister.certificate.back }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: z.me.title })).toBeVisible();
});
