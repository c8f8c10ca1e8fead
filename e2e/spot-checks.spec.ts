import { test, expect, type Page } from "./fixtures";
import { buildWorld, newDistrict, newOrg, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import { commitEntry, insertContract } from "../src/server/seed/demo-contracts";
import zhSpot from "../messages/zh-Hans/spotChecks.json" with { type: "json" };
import zhCalendar from "../messages/zh-Hans/workCalendar.json" with { type: "json" };

// Issue 14, part C, end to end: the city draws a spot check with a typed seed over a period of its
// own (a year long past, so only this spec's milestones were accepted in it), the sample is shown
// with the seed and the counts; drawing again with that seed — the page's check and a second draw —
// gives the same milestones. The body's evaluator marks one item (a failure needs a note); another
// body's evaluator gets 404. The working-day calendar: a make-up working day on a weekday is refused,
// a weekend one added, then removed after confirmation; the provisional 2027 days say so. axe on each page.

const s = zhSpot;
const cal = zhCalendar;

function build(db: TDb) {
  const tag = uniqueTag();
  // A year of its own long past: no other spec (nor the demo) accepted milestones then.
  const year = 1901 + Math.floor(Math.random() * 98);
  const d = (md: string) => new Date(`${year}-${md}T00:00:00Z`);
  return buildWorld(db, `spot-checks-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `抽查${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `抽查${tag}社会工作服务中心`);
    const bodyA = await newOrg(tx, "EVALUATION_BODY", district.id, `评估${tag}甲中心`);
    const bodyB = await newOrg(tx, "EVALUATION_BODY", district.id, `评估${tag}乙中心`);
    const fund = await tx.fund.create({ data: { year, name: `抽查${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `抽查${tag}`, amountFen: 100_000_000n } });
    const n = String(Math.floor(Math.random() * 90_000) + 10_000);
    // Six milestones accepted two days after their due dates, all in March; one still pending.
    const due = ["03-01", "03-05", "03-10", "03-15", "03-20", "03-25"];
    const contract = await insertContract(
      tx,
      {
        reference: `HT-${year}-${n}`,
        callReference: `FW-${year}-${n}`,
        title: `抽查项目${tag}`,
        type: "COMMUNITY",
        practiceField: "SCHOOLS",
        regionId: district.id,
        regionPath: district.path,
        departmentId: null,
        organizationId: agency.id,
        budgetLineId: line.id,
        valueFen: 7_000_000n,
        termStart: d("01-01"),
        termEnd: d("12-31"),
        minQualifiedStaff: 0,
        minQualifiedPercent: 0,
        staff: [],
        milestones: [
          ...due.map((md, i) => ({ title: `阶段${i + 1}`, deliverable: "服务记录", dueDate: d(md), amountFen: 1_000_000n, status: "ACCEPTED" as const })),
          { title: "结项", deliverable: "结项报告", dueDate: d("03-28"), amountFen: 1_000_000n, status: "PENDING" as const },
        ],
        actorId: null,
      },
      (id) => commitEntry(tx, line.id, id, 7_000_000n, "e2e"),
    );
    return {
      tag,
      year,
      contract: { id: contract.id, reference: `HT-${year}-${n}` },
      bodyA,
      users: {
        evaluatorA: await newUser(tx, "EVALUATOR", `评估甲${tag}`, { organizationId: bodyA.id }),
        evaluatorB: await newUser(tx, "EVALUATOR", `评估乙${tag}`, { organizationId: bodyB.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const sampled = async (page: Page) => (await page.getByTestId("draw-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-milestone") ?? ""))).sort();

async function draw(page: Page, seed: string) {
  await page.goto("/spot-checks");
  const form = page.getByTestId("draw-form");
  await form.getByLabel(s.draw.periodStart).fill(`${w.year}-03-01`);
  await form.getByLabel(s.draw.periodEnd).fill(`${w.year}-03-31`);
  await form.getByLabel(s.draw.body).selectOption({ label: w.bodyA.name });
  await form.getByLabel(s.draw.seed).fill(seed);
  await form.getByRole("button", { name: s.draw.submit }).click();
  await expect(page.getByText(s.notices.drawn)).toBeVisible();
}

test("the city draws with a typed seed, drawing again gives the same sample, the body's evaluator checks, another body's gets 404", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  test.slow();
  const seed = `e2e-${w.tag}`;
  await login(page, "city@demo.local");

  // A share below the city's 30 % is refused, nothing drawn.
  await page.goto("/spot-checks");
  await expectNoA11yViolations(page);
  const form = page.getByTestId("draw-form");
  await form.getByLabel(s.draw.periodStart).fill(`${w.year}-03-01`);
  await form.getByLabel(s.draw.periodEnd).fill(`${w.year}-03-31`);
  await form.getByLabel(s.draw.percent).fill("10");
  await form.getByLabel(s.draw.body).selectOption({ label: w.bodyA.name });
  await form.getByRole("button", { name: s.draw.submit }).click();
  await expect(page.getByTestId("draw-form").getByText(s.validation.percentBelowSetting).first()).toBeVisible();
  // A period with nothing accepted: refused with its reason.
  await page.getByTestId("draw-form").getByLabel(s.draw.percent).fill("30");
  await page.getByTestId("draw-form").getByLabel(s.draw.periodStart).fill(`${w.year}-05-01`);
  await page.getByTestId("draw-form").getByLabel(s.draw.periodEnd).fill(`${w.year}-05-31`);
  await page.getByTestId("draw-form").getByRole("button", { name: s.draw.submit }).click();
  await expect(page.getByText(s.errors.emptyPopulation)).toBeVisible();

  await draw(page, seed);
  const firstUrl = page.url();
  await expect(page.getByTestId("draw-seed")).toHaveText(seed);
  await expect(page.getByTestId("draw-population")).toHaveText("6");
  // 30 % of 6, rounded up.
  await expect(page.getByTestId("draw-sample-count")).toHaveText("2");
  await expect(page.getByTestId("draw-item")).toHaveCount(2);
  await expect(page.getByTestId("draw-items")).toContainText(w.contract.reference);
  const first = await sampled(page);
  await expectNoA11yViolations(page);

  // The page's check: the stored seed over the same period's population now.
  await page.getByTestId("verify-link").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-same", "true");
  await expect(page.getByTestId("verify-result")).toContainText(s.verify.same.replace("{count}", "2"));
  const redrawn = (await page.getByTestId("verify-sample").locator("li").evaluateAll((li) => li.map((l) => l.getAttribute("data-milestone") ?? ""))).sort();
  expect(redrawn).toEqual(first);

  // A second draw with the same seed over the same period: the same milestones.
  await draw(page, seed);
  expect(page.url()).not.toBe(firstUrl);
  expect(await sampled(page)).toEqual(first);

  // The body's evaluator sees the draws and checks one item: a failure needs a note.
  const evalCtx = await browser.newContext({ baseURL });
  const evaluator = await evalCtx.newPage();
  await login(evalCtx, w.users.evaluatorA);
  await evaluator.goto("/spot-checks");
  await expect(evaluator.getByTestId("draw-form")).toHaveCount(0);
  await expect(evaluator.getByTestId("draw-row")).toHaveCount(2);
  await evaluator.goto(firstUrl);
  const item = evaluator.getByTestId("draw-item").first();
  await item.getByLabel(s.check.failed).check();
  await item.getByRole("button", { name: s.check.submit }).click();
  await expect(evaluator.getByText(s.validation.noteRequired).first()).toBeVisible();
  const again = evaluator.getByTestId("draw-item").first();
  await again.getByLabel(s.check.failed).check();
  await again.getByLabel(s.check.note).fill("服务记录缺少签名");
  await again.getByRole("button", { name: s.check.submit }).click();
  await expect(evaluator.getByText(s.notices.checked)).toBeVisible();
  await expect(evaluator.locator('[data-testid="draw-item"][data-status="FAILED"]')).toHaveCount(1);
  await expect(evaluator.getByTestId("draw-items")).toContainText("服务记录缺少签名");
  await expectNoA11yViolations(evaluator);
  await evalCtx.close();

  // Another body's evaluator: not found, and no draws in their list.
  const otherCtx = await browser.newContext({ baseURL });
  const other = await otherCtx.newPage();
  await login(otherCtx, w.users.evaluatorB);
  expect((await other.goto(firstUrl))?.status()).toBe(404);
  await other.goto("/spot-checks");
  await expect(other.getByText(s.noneEvaluator)).toBeVisible();
  await otherCtx.close();
});

test("the city keeps the working-day calendar: make-up days only on weekends, removal after confirmation, provisional days flagged", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto("/calendar?year=2026");
  await expect(page.locator('[data-testid="calendar-day"][data-day="2026-10-10"]')).toContainText(cal.kinds.WORKDAY);
  await expect(page.locator('[data-testid="calendar-day"][data-day="2026-10-01"]')).toContainText(cal.kinds.HOLIDAY);
  await expect(page.getByTestId("calendar-provisional")).toHaveCount(0);
  await expectNoA11yViolations(page);

  // 2099-01-05 is a Monday, 2099-01-03 a Saturday.
  const form = page.getByTestId("calendar-add-form");
  await form.getByLabel(cal.fields.day).fill("2099-01-05");
  await form.getByLabel(cal.fields.kind).selectOption("WORKDAY");
  await form.getByLabel(cal.fields.name).fill("测试调休");
  await form.getByRole("button", { name: cal.add }).click();
  await expect(page.getByTestId("calendar-add-form").getByText(cal.validation.workdayOnWeekend).first()).toBeVisible();
  await page.getByTestId("calendar-add-form").getByLabel(cal.fields.day).fill("2099-01-03");
  await page.getByTestId("calendar-add-form").getByRole("button", { name: cal.add }).click();
  await expect(page.getByText(cal.notices.added)).toBeVisible();
  await expect(page).toHaveURL(/year=2099/);
  const row = page.locator('[data-testid="calendar-day"][data-day="2099-01-03"]');
  await expect(row).toContainText("测试调休");
  await row.getByRole("button", { name: cal.remove }).click();
  await page.getByRole("dialog").getByRole("button", { name: cal.remove }).click();
  await expect(page.getByText(cal.notices.removed)).toBeVisible();
  await expect(page.locator('[data-testid="calendar-day"][data-day="2099-01-03"]')).toHaveCount(0);

  await page.goto("/calendar?year=2027");
  await expect(page.getByTestId("calendar-provisional")).toBeVisible();
  await expect(page.locator('[data-testid="calendar-day"][data-day="2027-02-06"]')).toContainText(cal.provisionalBadge);
  await expectNoA11yViolations(page);
});

test("the evaluator's menu has spot checks; the calendar is the city's", async ({ page, login }) => {
  await login(page, "evaluator@demo.local");
  expect((await page.goto("/calendar"))?.status()).toBe(403);
  await page.goto("/spot-checks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
});
