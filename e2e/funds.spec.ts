import { test, expect } from "./fixtures";
import { M } from "./support";
import { uniqueTag } from "./world";
import zhFunds from "../messages/zh-Hans/funds.json" with { type: "json" };

// Special funds (issue 12, S2): the city creates a fund for a year, gives it a training-subsidy
// line, changes its amount; a bad amount is refused with the reason and changes nothing; no other
// role sees the funds.

const f = zhFunds;
const z = M.zh;

test("the city creates a fund with a training-subsidy line; a bad amount is refused and changes nothing", async ({ page, login, db, expectNoA11yViolations }) => {
  const tag = uniqueTag();
  await login(page, "city@demo.local");
  await page.goto("/funds");
  await page.getByRole("link", { name: f.new }).click();
  await expect(page).toHaveURL(/\/funds\/new$/);
  // An empty name and a year out of range are both reported at once.
  await page.getByLabel(f.year).fill("1999");
  await page.getByRole("button", { name: f.create }).click();
  await expect(page.getByText(f.validation.yearRange).first()).toBeVisible();
  await expect(page.getByText(z.validation.required).first()).toBeVisible();
  await expect(await db.fund.count({ where: { name: { contains: tag } } })).toBe(0);
  await page.getByLabel(f.year).fill("2027");
  await page.getByLabel(f.name).fill(`人才专项${tag}`);
  await page.getByRole("button", { name: f.create }).click();
  await expect(page).toHaveURL(/\/funds\/[^/?]+\?created=1$/);
  await expect(page.getByText(f.created)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`2027 · 人才专项${tag}`);

  // A line with an amount of three decimals is refused; nothing is written.
  const lineForm = page.getByTestId("line-form");
  await lineForm.getByLabel(f.name).fill("培训补贴");
  await lineForm.getByLabel(f.amount).fill("1000.555");
  await lineForm.getByRole("button", { name: f.addLine }).click();
  await expect(lineForm.getByText(f.validation.amount).first()).toBeVisible();
  await expect(lineForm.getByLabel(f.amount)).toHaveValue("1000.555");
  expect(await db.budgetLine.count({ where: { fund: { name: `人才专项${tag}` } } })).toBe(0);
  await lineForm.getByLabel(f.amount).fill("１２０,０００");
  await lineForm.getByRole("button", { name: f.addLine }).click();
  await expect(lineForm.getByText(f.lineAdded)).toBeVisible();
  const line = page.getByTestId("budget-line");
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId("line-available")).toHaveText("¥120,000.00");
  const stored = await db.budgetLine.findFirstOrThrow({ where: { fund: { name: `人才专项${tag}` } } });
  expect(stored.amountFen).toBe(12_000_000n);

  // Nothing promised yet: the amount can go down; the new figure shows.
  const amount = line.getByRole("textbox");
  await amount.fill("80000");
  await line.getByRole("button", { name: f.setAmount }).click();
  await expect(line.getByRole("status")).toHaveText(f.amountSaved);
  await expect(line.getByTestId("line-available")).toHaveText("¥80,000.00");
  await expect(page.getByText(f.noMovements)).toBeVisible();
  await expectNoA11yViolations(page);

  // The list shows the fund with its line.
  await page.goto("/funds");
  await expect(page.getByRole("link", { name: `2027 · 人才专项${tag}` })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("no role but the city's sees special funds", async ({ browser, baseURL, login }) => {
  for (const who of ["district@demo.local", "dept@demo.local", "agency@demo.local", "worker@demo.local", "evaluator@demo.local", "training@demo.local"]) {
    const ctx = await browser.newContext({ baseURL });
    const page = await ctx.newPage();
    await login(ctx, who);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Exact: the home page's purchased-services card mentions the fund in its hint.
    await expect(page.getByRole("link", { name: z.nav.funds, exact: true })).toHaveCount(0);
    const response = await page.goto("/funds");
    expect(response?.status(), who).toBe(403);
    await ctx.close();
  }
});
