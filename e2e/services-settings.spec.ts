import { test, expect } from "./fixtures";
import { M } from "./support";
import zhSettings from "../messages/zh-Hans/servicesSettings.json" with { type: "json" };
import zhAuditLabels from "../messages/zh-Hans/auditLabels.json" with { type: "json" };

// Issue 14: the city keeps its evaluation and purchased-services settings (PlanTarget) on the
// purchased-services dashboard. Other specs run in parallel and read these settings (the bands
// 90/80/60, ten working days, three scorers, 30 %), so this spec changes nothing: it submits a
// band out of order and an appeal window out of range (refused, each with its message, nothing
// written), then puts the same two fields back to the values on record and saves (saved, audited,
// the row's values unchanged). A district officer, who reads the dashboard, gets no form.

const s = zhSettings;
const z = M.zh;

test("the city's evaluation settings: a bad order and range are refused with messages; a save is audited", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  const select = { gradeExcellentMin: true, gradeGoodMin: true, gradePassMin: true, appealWorkingDays: true, evaluationMinScorers: true, spotCheckPercent: true, disbursementApprovalFen: true, version: true } as const;
  const before = await db.planTarget.findUniqueOrThrow({ where: { id: "city" }, select });
  await login(page, "city@demo.local");
  await page.goto("/dashboard/services");
  const form = page.getByTestId("services-settings-form");
  await expect(page.getByRole("heading", { name: s.title })).toBeVisible();
  const good = form.getByLabel(s.fields.gradeGoodMin);
  const appeal = form.getByLabel(s.fields.appealWorkingDays);
  // The form shows what is on record, and each field says what it does and its range.
  await expect(good).toHaveValue(String(before.gradeGoodMin));
  await expect(appeal).toHaveValue(String(before.appealWorkingDays));
  await expect(form.getByLabel(s.fields.disbursementApprovalYuan)).toHaveValue(`${before.disbursementApprovalFen / 100n}.${String(before.disbursementApprovalFen % 100n).padStart(2, "0")}`);
  await expect(form).toContainText(s.range.replace("{hint}", s.hints.appealWorkingDays).replace("{min}", "1").replace("{max}", "60"));
  await expectNoA11yViolations(page);

  // "Good" at or above "excellent", and an appeal window of 0 days: both refused, nothing written.
  await good.fill(String(before.gradeExcellentMin));
  await appeal.fill("0");
  await form.getByRole("button", { name: z.common.save }).click();
  const summary = form.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: new RegExp(`^${s.fields.gradeGoodMin}`) })).toContainText(s.validation.belowExcellent);
  await expect(summary.getByRole("link", { name: new RegExp(`^${s.fields.appealWorkingDays.replace(/[()（）]/g, ".")}`) })).toContainText(z.validation.settingRange);
  await expect(form.getByText(s.validation.belowExcellent, { exact: true })).toBeVisible();
  expect(await db.planTarget.findUniqueOrThrow({ where: { id: "city" }, select })).toEqual(before);
  await expectNoA11yViolations(page);

  // The two fields back to the values on record: saved (a new version, the same values), and audited.
  await good.fill(String(before.gradeGoodMin));
  await appeal.fill(String(before.appealWorkingDays));
  await form.getByRole("button", { name: z.common.save }).click();
  await expect(form.getByRole("status")).toContainText(z.notices.saved);
  const after = await db.planTarget.findUniqueOrThrow({ where: { id: "city" }, select });
  expect(after).toEqual({ ...before, version: after.version });
  expect(after.version).toBeGreaterThan(before.version);
  await page.goto("/admin/audit?action=plan.updateServicesSettings");
  await expect(page.getByRole("table").getByText(zhAuditLabels.actions.plan_updateServicesSettings).first()).toBeVisible();

  // A district officer reads the dashboard but not the settings.
  const ctx = await browser.newContext({ baseURL });
  await login(ctx, "district@demo.local");
  const officer = await ctx.newPage();
  await officer.goto("/dashboard/services");
  await expect(officer.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(officer.getByTestId("services-settings-form")).toHaveCount(0);
  await ctx.close();
});
