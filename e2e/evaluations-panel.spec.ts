import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, linkFormerEmployee, newContract, newDistrict, newEvaluationBody, newOrg, uniqueTag } from "./world";
import zhEval from "../messages/zh-Hans/evaluations.json" with { type: "json" };
import zhEnums from "../messages/zh-Hans/enums.json" with { type: "json" };

// Third-party evaluation, part A (issue 14): the city writes a new rubric version (weights must add
// up to 100), assigns a project's final evaluation to a body with four scorers, one of whom is
// recused automatically by their employment history; three evaluators score (a score out of range
// is refused, sheets are hidden from one another); the last sheet computes the result, which the
// city then reads with every sheet. An evaluator of another body gets 404. Each test builds its own body.

const e = zhEval;
const en = zhEnums;
const z = M.zh;

async function fillSheet(page: Page, scores: string[]) {
  const form = page.getByTestId("sheet-form");
  const inputs = form.locator('input[name^="score."]');
  await expect(inputs).toHaveCount(scores.length);
  for (const [i, s] of scores.entries()) await inputs.nth(i).fill(s);
  return form;
}

test("the city assigns a project's final evaluation; one scorer is recused automatically, three score, the result appears; another body's evaluator gets 404", async ({ page, login, db, browser, baseURL, expectNoA11yViolations }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const world = await buildWorld(db, `evaluations-panel-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `受评${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `受评机构${tag}`);
    const elsewhere = await newOrg(tx, "AGENCY", district.id, `原单位${tag}`);
    const body = await newEvaluationBody(tx, tag, 4);
    const other = await newEvaluationBody(tx, `${tag}B`, 1);
    // The fourth evaluator left the evaluated agency eight months ago: recused.
    await linkFormerEmployee(tx, body.evaluators[3]!.id, agency.id, elsewhere.id, `前员工${tag}`, 8);
    const contract = await newContract(tx, agency.id, tag);
    return { agency, body, other, contract };
  });
  const [a, b, c, recused] = world.body.evaluators;

  // 1. The city writes a new version of the final evaluations' rubric; weights must add up to 100.
  await login(page, "city@demo.local");
  await page.goto("/rubrics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(e.rubrics.title);
  await page.getByTestId("rubrics-PROJECT_FINAL").getByRole("link", { name: e.rubrics.newVersion }).click();
  const form = page.getByTestId("rubric-form");
  await form.getByRole("textbox", { name: e.rubrics.name, exact: true }).fill(`结项评估指标${tag}`);
  // Start from one row, whatever the current version holds.
  while ((await form.getByTestId("rubric-criterion").count()) > 1) await form.getByTestId("rubric-criterion").last().getByRole("button").click();
  const row = (i: number) => form.getByTestId("rubric-criterion").nth(i);
  await row(0).getByLabel(e.rubrics.criterionName).fill("服务成效");
  await row(0).getByLabel(e.rubrics.weight).fill("60");
  await row(0).getByLabel(e.rubrics.descriptor).fill("目标达成与服务对象满意度");
  await form.getByRole("button", { name: e.rubrics.addCriterion }).click();
  await row(1).getByLabel(e.rubrics.criterionName).fill("项目管理");
  await row(1).getByLabel(e.rubrics.weight).fill("30");
  await row(1).getByLabel(e.rubrics.descriptor).fill("档案、财务与进度管理");
  await form.getByRole("button", { name: e.rubrics.save }).click();
  await expect(form.getByText(e.validation.weightsSum).first()).toBeVisible();
  expect(await db.rubric.count({ where: { name: `结项评估指标${tag}` } })).toBe(0);
  await row(1).getByLabel(e.rubrics.weight).fill("40");
  await form.getByRole("button", { name: e.rubrics.save }).click();
  await expect(page.getByText(e.rubrics.created)).toBeVisible();
  await expect(page.getByTestId("rubric-criterion-row")).toHaveCount(2);

  // 2. The assignment: the body, the contract, four scorers.
  await page.goto("/evaluations/new");
  const assign = page.getByTestId("assign-form");
  await assign.getByLabel(e.assign.kind).selectOption("PROJECT_FINAL");
  await expect(assign.getByTestId("assign-rubric")).toContainText(`结项评估指标${tag}`);
  await assign.getByLabel(e.assign.body).selectOption(world.body.id);
  await assign.getByLabel(e.assign.contract).selectOption(world.contract.id);
  for (const u of world.body.evaluators) await assign.getByLabel(u.name).check();
  await expectNoA11yViolations(page);
  await assign.getByRole("button", { name: e.assign.submit }).click();
  await expect(page.getByText(e.assign.created)).toBeVisible();
  const id = /\/evaluations\/([^/?]+)/.exec(page.url())![1]!;
  await expect(page.getByText(en.evaluationStatus.SCORING).first()).toBeVisible();
  await expect(page.getByTestId(`scorer-${recused!.email}`)).toHaveAttribute("data-state", "recused-EMPLOYMENT");
  await expect(page.getByTestId(`scorer-${a!.email}`)).toHaveAttribute("data-state", "waiting");

  // 3. Three evaluators score, each in their own session.
  const context = async () => browser.newContext({ baseURL });
  const scorerA = await context();
  await login(scorerA, a!);
  const pageA = await scorerA.newPage();
  await pageA.goto("/evaluations");
  // The default list: waiting for my score.
  await expect(pageA.locator(`[data-reference]`).filter({ hasText: world.contract.reference })).toHaveCount(1);
  await pageA.goto(`/evaluations/${id}`);
  let sheet = await fillSheet(pageA, ["101", "80"]);
  await sheet.getByRole("button", { name: e.sheet.submit }).click();
  await expect(sheet.getByText(e.validation.scoreRange).first()).toBeVisible();
  expect(await db.evaluationScore.count({ where: { scorer: { evaluationId: id } } })).toBe(0);
  sheet = await fillSheet(pageA, ["90", "80"]); // 54 + 32 = 86.00
  await sheet.getByRole("button", { name: e.sheet.submit }).click();
  await expect(pageA.getByText(e.sheet.submitted)).toBeVisible();
  await expect(pageA.getByText(e.sheet.yourTotal.replace("{points}", "86.00"))).toBeVisible();
  await expectNoA11yViolations(pageA);

  const scorerB = await context();
  await login(scorerB, b!);
  const pageB = await scorerB.newPage();
  await pageB.goto(`/evaluations/${id}`);
  // Sheets are hidden from one another: B sees who has submitted, not what.
  await expect(pageB.getByTestId(`scorer-${a!.email}`)).toHaveAttribute("data-state", "submitted");
  await expect(pageB.getByTestId("evaluation-sheet")).toHaveCount(0);
  sheet = await fillSheet(pageB, ["70", "75"]); // 42 + 30 = 72.00
  await sheet.getByRole("button", { name: e.sheet.submit }).click();
  await expect(pageB.getByText(e.sheet.submitted)).toBeVisible();

  // The recused scorer has no sheet to fill in.
  const scorerR = await context();
  await login(scorerR, recused!);
  const pageR = await scorerR.newPage();
  await pageR.goto(`/evaluations/${id}`);
  await expect(pageR.getByText(e.sheet.recused)).toBeVisible();
  await expect(pageR.getByTestId("sheet-form")).toHaveCount(0);

  const scorerC = await context();
  await login(scorerC, c!);
  const pageC = await scorerC.newPage();
  await pageC.goto(`/evaluations/${id}`);
  sheet = await fillSheet(pageC, ["85", "91"]); // 51 + 36.4 = 87.40
  await sheet.getByRole("button", { name: e.sheet.submit }).click();
  await expect(pageC.getByText(e.sheet.submitted)).toBeVisible();
  for (const ctx of [scorerA, scorerB, scorerR, scorerC]) await ctx.close();

  // 4. The result: mean (86 + 72 + 87.4) / 3 = 81.80, spread 15.40, 良好; every sheet for the city.
  await page.goto(`/evaluations/${id}`);
  await expect(page.getByText(en.evaluationStatus.SCORED).first()).toBeVisible();
  const result = page.getByTestId("outcome-result");
  await expect(result).toContainText("81.80");
  await expect(result).toContainText("15.40");
  await expect(result).toContainText(en.evaluationGrade.GOOD);
  await expect(page.getByTestId("evaluation-sheet")).toHaveCount(3);
  expect(await db.evaluation.findUniqueOrThrow({ where: { id }, select: { status: true, scoreHundredths: true, grade: true } })).toEqual({ status: "SCORED", scoreHundredths: 8180, grade: "GOOD" });

  // 5. Another body's evaluator: not found.
  const outsider = await context();
  await login(outsider, world.other.evaluators[0]!);
  const pageO = await outsider.newPage();
  expect((await pageO.goto(`/evaluations/${id}`))?.status()).toBe(404);
  await pageO.goto("/evaluations?waiting=0");
  await expect(pageO.getByText(e.list.empty)).toBeVisible();
  await outsider.close();
  void z;
});
