import { test, expect, PHONE, type Page } from "./fixtures";
import { buildWorld, newDistrict, newOrg, newScoredGrading, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zh from "../messages/zh-Hans/evaluationOutcome.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };
import zhAgencies from "../messages/zh-Hans/agencies.json" with { type: "json" };

// Issue 14, part B, end to end: an agency grading in SCORED (built below). The evaluation body
// publishes its report (refused without one); the agency reads the result with each scorer's total
// anonymised and appeals (refused without reasons); another agency sees nothing; the city upholds
// the appeal with a revised score (refused without one) — the grade falls to 不合格, and the
// agency's page shows the 1A rating with its validity and the integrity record. axe on each page;
// screenshots of the section at 1280 and 390 px.

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `evaluation-outcome-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `评估${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `评估${tag}社会工作服务中心`);
    const other = await newOrg(tx, "AGENCY", district.id, `别家${tag}社会工作服务中心`);
    const grading = await newScoredGrading(tx, agency.id, tag);
    return {
      tag,
      agency,
      ...grading,
      users: {
        agency: await newUser(tx, "AGENCY_ADMIN", `机构${tag}`, { organizationId: agency.id }),
        other: await newUser(tx, "AGENCY_ADMIN", `别家${tag}`, { organizationId: other.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const section = (page: Page) => page.getByTestId("evaluation-outcome");

async function shoot(page: Page, name: string) {
  for (const [label, size] of [["1280", { width: 1280, height: 900 }], ["390", PHONE]] as const) {
    await page.setViewportSize(size);
    await page.locator("#outcome").screenshot({ path: test.info().outputPath(`${name}-${label}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the body publishes, the agency appeals, the city upholds with a revised score: rating and integrity record on the agency's page", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.slow();
  const url = `/evaluations/${w.evaluation.id}`;

  // The evaluation body: the result with the scorers' names; publishing without a report is refused.
  await login(page, w.evaluators[0]!);
  await page.goto(url);
  await expect(section(page)).toHaveAttribute("data-status", "SCORED");
  // Every sheet with its scorer's name and total; the outcome does not list the totals a second time.
  await expect(page.getByTestId("evaluation-sheet").filter({ hasText: w.evaluators[1]!.name })).toHaveCount(1);
  await expect(page.getByTestId("outcome-totals")).toHaveCount(0);
  await expect(page.getByTestId("outcome-grade")).toHaveText(zhEnums.evaluationGrade.PASS);
  const form = page.getByTestId("publish-report-form");
  await form.getByRole("button", { name: zh.publish }).click();
  await expect(form.getByText(zh.validation.reportRequired).first()).toBeVisible();
  expect((await db.evaluation.findUniqueOrThrow({ where: { id: w.evaluation.id } })).status).toBe("SCORED");
  await expectNoA11yViolations(page);
  await shoot(page, "body-scored");
  await form.getByLabel(zh.reportLabel).fill("机构治理基本规范，服务记录存在缺漏。");
  await form.getByRole("button", { name: zh.publish }).click();
  await expect(page.getByText(zh.notices.published)).toBeVisible();
  await expect(section(page)).toHaveAttribute("data-status", "PUBLISHED");
  const published = await db.evaluation.findUniqueOrThrow({ where: { id: w.evaluation.id } });
  expect(published.appealDeadline).not.toBeNull();
  expect(await db.notification.count({ where: { userId: w.users.agency.id, kind: "evaluationPublished" } })).toBe(1);

  // The agency: the report and the result, the totals anonymised; an appeal without reasons is refused.
  const agencyCtx = await browser.newContext({ baseURL });
  const agency = await agencyCtx.newPage();
  await login(agencyCtx, w.users.agency);
  await agency.goto(url);
  await expect(section(agency).getByText("机构治理基本规范，服务记录存在缺漏。")).toBeVisible();
  const totals = agency.getByTestId("outcome-totals");
  for (const n of [1, 2, 3]) await expect(totals).toContainText(zh.scorerN.replace("{number}", String(n)));
  for (const e of w.evaluators) await expect(totals).not.toContainText(e.name);
  await expect(agency.getByTestId("outcome-mean")).toHaveText((w.evaluation.scoreHundredths! / 100).toFixed(2));
  await expectNoA11yViolations(agency);
  await shoot(agency, "agency-window");
  const appealForm = agency.getByTestId("appeal-form");
  await appealForm.getByRole("button", { name: zh.fileAppeal }).click();
  await expect(appealForm.getByText(zh.validation.reasonRequired).first()).toBeVisible();
  expect(await db.appeal.count({ where: { evaluationId: w.evaluation.id } })).toBe(0);
  await appealForm.getByLabel(zh.appealReason).fill("评分未采纳我机构补交的服务台账。");
  await appealForm.getByRole("button", { name: zh.fileAppeal }).click();
  await expect(agency.getByText(zh.notices.appealed)).toBeVisible();
  await expect(section(agency)).toHaveAttribute("data-status", "UNDER_APPEAL");
  await expect(agency.getByTestId("appeal-form")).toHaveCount(0);

  // Another agency: not found.
  const otherCtx = await browser.newContext({ baseURL });
  const other = await otherCtx.newPage();
  await login(otherCtx, w.users.other);
  expect((await other.goto(url))?.status()).toBe(404);

  // The city: an upheld decision needs a revised score; with 58.5 the grade falls to 不合格.
  const cityCtx = await browser.newContext({ baseURL });
  const city = await cityCtx.newPage();
  await login(cityCtx, "city@demo.local");
  await city.goto(url);
  await expect(section(city).getByText("评分未采纳我机构补交的服务台账。")).toBeVisible();
  const decide = city.getByTestId("decide-appeal-form");
  await decide.getByLabel(zh.decisions.UPHELD).check();
  await decide.getByLabel(zh.decisionReason).fill("复核发现服务台账与实际不符，得分下调。");
  await expectNoA11yViolations(city);
  await shoot(city, "city-decision");
  await decide.getByRole("button", { name: zh.decide }).click();
  await expect(decide.getByText(zh.validation.revisedScoreRequired).first()).toBeVisible();
  expect((await db.appeal.findUniqueOrThrow({ where: { evaluationId: w.evaluation.id } })).decision).toBeNull();
  await city.getByTestId("decide-appeal-form").getByLabel(zh.revisedScore).fill("58.5");
  await city.getByTestId("decide-appeal-form").getByRole("button", { name: zh.decide }).click();
  await expect(city.getByText(zh.notices.decided)).toBeVisible();
  await expect(section(city)).toHaveAttribute("data-status", "FINAL");
  await expect(city.getByTestId("outcome-grade")).toHaveText(zhEnums.evaluationGrade.FAIL);
  await expect(city.getByTestId("outcome-revised")).toHaveText("58.50");
  await expect(city.getByTestId("outcome-mean")).toHaveText((w.evaluation.scoreHundredths! / 100).toFixed(2));
  await expect(city.getByTestId("outcome-decision")).toHaveAttribute("data-decision", "UPHELD");
  await expect(city.getByTestId("outcome-rating")).toContainText(zhEnums.agencyRatingLevel.A1);
  await expect(city.getByTestId("outcome-integrity")).toBeVisible();
  await expectNoA11yViolations(city);
  await shoot(city, "city-final");

  // The agency's page: the 1A rating with its validity (five years less a day) and the integrity record.
  const rating = await db.agencyRating.findUniqueOrThrow({ where: { evaluationId: w.evaluation.id } });
  expect(rating.rating).toBe("A1");
  expect(rating.validUntil!.getTime() - rating.ratedOn.getTime()).toBeGreaterThan(4 * 365 * 86_400_000);
  await city.goto(`/agencies/${w.agency.id}`);
  const ratings = city.locator("#ratings");
  await expect(ratings.getByText(zhAgencies.ratings.fields.validUntil)).toBeVisible();
  await expect(ratings.getByTestId("agency-rating").first()).toContainText(zhEnums.agencyRatingLevel.A1);
  await expect(ratings.getByTestId("agency-rating").first()).toContainText(w.body.name);
  await expect(city.locator("#integrity")).toContainText(zhEnums.integrityKind.EVALUATION_FAILED);
  await expectNoA11yViolations(city);
  // The agency was told of the decision.
  expect(await db.notification.count({ where: { userId: w.users.agency.id, kind: "appealDecided" } })).toBe(1);
  for (const ctx of [agencyCtx, otherCtx, cityCtx]) await ctx.close();
});
