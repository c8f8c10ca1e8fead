import { test, expect, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newOrg, newUser, uniqueTag, type TTx } from "./world";
import { makeScoreSheet, makeScoringCall } from "../src/server/seed/demo-scoring";
import zhScoring from "../messages/zh-Hans/scoring.json" with { type: "json" };

// The scoring panel of a call (issue 13, part B): an expert declares and scores; a scorer with a
// conflict scores nothing; a score out of range is refused with nothing written; an expert cannot
// open another call; the commissioning department seats an expert; the city selects with a reason
// and the contract is created with milestones, its value promised from the call's budget line; the
// city creates an expert's account, which needs no organisation. Each test builds its own calls.

const s = zhScoring;
const z = M.zh;
const DAY = 86_400_000;
const CRITERIA = [
  { name: "服务方案", weight: 50, maxScore: 100 },
  { name: "团队配置", weight: 30, maxScore: 50 },
  { name: "预算合理性", weight: 20, maxScore: 10 },
];

type TPanelSeat = { userId: string; kind: "OFFICIAL" | "EXPERT" };

/** A closed call (deadline yesterday) with two eligible proposals, each naming two counted social workers. */
async function closedCall(tx: TTx, tag: string, panel: TPanelSeat[], over: { departmentId?: string | null; budgetLineId?: string | null } = {}) {
  const dongcheng = await tx.region.findUniqueOrThrow({ where: { code: "990101" }, select: { id: true, path: true } });
  const proposals = [];
  for (const i of [1, 2]) {
    const agency = await newOrg(tx, "AGENCY", dongcheng.id, `评审机构${i}${tag}`);
    const staff = [await newCountedPractitioner(tx, agency.id, `社工${i}甲${tag}`), await newCountedPractitioner(tx, agency.id, `社工${i}乙${tag}`)];
    proposals.push({ organizationId: agency.id, staffIds: staff.map((p) => p.id), totalFen: 20_000_000n + BigInt(i) * 1_000_000n, narrative: `方案${i}${tag}` });
  }
  const now = Date.now();
  return makeScoringCall(tx, {
    reference: `FW-2099-${tag}`,
    title: `评审测试${tag}`,
    departmentId: over.departmentId ?? null,
    regionId: dongcheng.id,
    regionPath: dongcheng.path,
    budgetFen: 30_000_000n,
    budgetLineId: over.budgetLineId ?? null,
    deadline: new Date(now - DAY),
    termStart: new Date(Date.UTC(2027, 0, 1)),
    termEnd: new Date(Date.UTC(2027, 11, 31)),
    criteria: CRITERIA,
    proposals,
    panel,
  });
}

async function scoreCard(page: Page, agencyName: string) {
  const card = page.locator(`[data-agency="${agencyName}"]`);
  await expect(card).toBeVisible();
  return card;
}

test("an expert declares no conflict and scores; a score out of range is refused; another call gives 404", async ({ page, login, db, expectNoA11yViolations }) => {
  const tag = uniqueTag();
  const world = await buildWorld(db, `scoring-expert-${tag}`, async (tx) => {
    const expert = await newUser(tx, "EXPERT", `专家${tag}`);
    const mine = await closedCall(tx, `${tag}A`, [{ userId: expert.id, kind: "EXPERT" }]);
    const other = await closedCall(tx, `${tag}B`, []);
    return { expert, mine, other };
  });
  await login(page, world.expert);

  // Her list holds her call only.
  await page.goto("/scoring");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  await expect(page.getByTestId(`scoring-call-${world.mine.reference}`)).toBeVisible();
  await expect(page.getByTestId(`scoring-call-${world.other.reference}`)).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByTestId(`scoring-call-${world.mine.reference}`).getByRole("link", { name: s.declareAction }).click();
  await expect(page).toHaveURL(new RegExp(`/service-calls/${world.mine.id}/score$`));

  // Declaration first: the agencies are listed; no conflict.
  const declare = page.getByTestId("declare-form");
  await expect(declare.getByText(`评审机构1${tag}A`)).toBeVisible();
  await declare.getByLabel(s.declare.none).check();
  await declare.getByRole("button", { name: s.declare.submit }).click();
  await expect(page.getByText(s.score.declared)).toBeVisible();

  // A score above the criterion's maximum: refused, nothing written.
  const card = await scoreCard(page, `评审机构1${tag}A`);
  await card.getByLabel(`服务方案（0–100）`).fill("85");
  await card.getByLabel(`团队配置（0–50）`).fill("51");
  await card.getByLabel(`预算合理性（0–10）`).fill("8");
  await card.getByRole("button", { name: s.score.save }).click();
  await expect(card.getByText(s.validation.scoreRange).first()).toBeVisible();
  expect(await db.score.count({ where: { proposal: { callId: world.mine.id } } })).toBe(0);
  await expectNoA11yViolations(page);

  // In range: saved, and her weighted score shows: 85/100×50 + 40/50×30 + 8/10×20 = 42.5 + 24 + 16 = 82.50.
  await card.getByLabel(`团队配置（0–50）`).fill("40");
  await card.getByRole("button", { name: s.score.save }).click();
  await expect(card.getByText(s.score.saved)).toBeVisible();
  await expect(card.getByText(s.score.yourTotal.replace("{points}", "82.50"))).toBeVisible();
  const saved = await db.score.findMany({ where: { proposal: { callId: world.mine.id } }, select: { score: true }, orderBy: { score: "desc" } });
  expect(saved.map((x) => x.score)).toEqual([85, 40, 8]);

  // Another call's pages: not found (scoring) or forbidden (panel management).
  expect((await page.goto(`/service-calls/${world.other.id}/score`))?.status()).toBe(404);
  expect((await page.goto(`/service-calls/${world.other.id}/panel`))?.status()).toBe(403);
  expect((await page.goto(`/service-calls/${world.other.id}/select`))?.status()).toBe(403);
});

test("a scorer who declares a conflict of interest cannot score", async ({ page, login, db }) => {
  const tag = uniqueTag();
  const world = await buildWorld(db, `scoring-conflict-${tag}`, async (tx) => {
    const expert = await newUser(tx, "EXPERT", `专家${tag}`);
    const call = await closedCall(tx, tag, [{ userId: expert.id, kind: "EXPERT" }]);
    return { expert, call };
  });
  await login(page, world.expert);
  await page.goto(`/service-calls/${world.call.id}/score`);
  const declare = page.getByTestId("declare-form");
  await declare.getByLabel(s.declare.some).check();
  // A conflict needs its note.
  await declare.getByRole("button", { name: s.declare.submit }).click();
  await expect(declare.getByText(s.validation.conflictNoteRequired).first()).toBeVisible();
  expect((await db.panelMember.findFirstOrThrow({ where: { callId: world.call.id } })).declaredAt).toBeNull();
  await declare.getByLabel(s.declare.note).fill("本人曾担任评审机构1的督导顾问");
  await declare.getByRole("button", { name: s.declare.submit }).click();
  await expect(page.getByText(s.score.conflict)).toBeVisible();
  await expect(page.locator("[data-agency]")).toHaveCount(0);
  expect(await db.panelMember.findFirstOrThrow({ where: { callId: world.call.id } })).toMatchObject({ conflict: true, conflictNote: "本人曾担任评审机构1的督导顾问" });
  expect(await db.score.count({ where: { proposal: { callId: world.call.id } } })).toBe(0);
});

test("the commissioning department seats an expert on its call's panel", async ({ page, login, db, expectNoA11yViolations }) => {
  const tag = uniqueTag();
  const world = await buildWorld(db, `scoring-panel-${tag}`, async (tx) => {
    const education = await tx.organization.findFirstOrThrow({ where: { name: "示例市教育局" }, select: { id: true } });
    const expert = await newUser(tx, "EXPERT", `专家${tag}`);
    const call = await closedCall(tx, tag, [], { departmentId: education.id });
    return { expert, call };
  });
  await login(page, "dept@demo.local");
  await page.goto(`/service-calls/${world.call.id}/panel`);
  await expect(page.getByText(s.panel.empty)).toBeVisible();
  const form = page.getByTestId("add-panel-member");
  await form.getByLabel(s.panel.person).selectOption({ label: `专家${tag} · ${world.expert.email}` });
  await form.getByRole("button", { name: s.panel.add }).click();
  await expect(page.getByTestId(`panel-member-${world.expert.email}`)).toContainText(s.kind.EXPERT);
  await expect(page.getByTestId(`panel-member-${world.expert.email}`)).toContainText(s.declarationState.none);
  expect(await db.panelMember.findFirst({ where: { callId: world.call.id, userId: world.expert.id }, select: { kind: true } })).toEqual({ kind: "EXPERT" });
  await expectNoA11yViolations(page);
});

test("the city selects with a reason; the contract is created with milestones and the line's promised money rises by exactly its value", async ({ page, login, db, expectNoA11yViolations }) => {
  const tag = uniqueTag();
  const world = await buildWorld(db, `scoring-select-${tag}`, async (tx) => {
    const scorer = await newUser(tx, "EXPERT", `专家${tag}`);
    const fund = await tx.fund.create({ data: { year: 2027, name: `专项资金${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `购买服务${tag}`, amountFen: 50_000_000n } });
    const call = await closedCall(tx, tag, [{ userId: scorer.id, kind: "EXPERT" }], { budgetLineId: line.id });
    const seat = call.panel[0]!.id;
    await tx.panelMember.update({ where: { id: seat }, data: { declaredAt: new Date(), conflict: false } });
    for (const [i, p] of call.proposals.entries()) await makeScoreSheet(tx, { proposalId: p.id, panelMemberId: seat, criterionIds: call.criteria.map((c) => c.id), scores: i === 0 ? [70, 30, 6] : [90, 45, 9] });
    return { call, fund, line };
  });
  const committed = async () => (await db.fundEntry.aggregate({ where: { lineId: world.line.id, kind: "COMMITMENT" }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
  const before = await committed();

  await login(page, "city@demo.local");
  await page.goto(`/service-calls/${world.call.id}/select`);
  // The ranking: the second agency first (90.00 against 65.00).
  const ranking = page.getByRole("table", { name: s.section.ranking });
  await expect(ranking.getByRole("row").nth(1)).toContainText(`评审机构2${tag}`);
  await expect(ranking.getByRole("row").nth(1)).toContainText("90.00");
  await expect(ranking.getByRole("row").nth(2)).toContainText("65.00");
  const form = page.getByTestId("select-form");
  await form.getByLabel(new RegExp(`评审机构2${tag}`)).check();
  // No reason: refused, nothing changed.
  await form.getByRole("button", { name: s.select.submit }).click();
  await expect(form.getByText(s.validation.reasonRequired).first()).toBeVisible();
  expect((await db.serviceCall.findUniqueOrThrow({ where: { id: world.call.id } })).status).toBe("CLOSED");
  await expectNoA11yViolations(page);
  await form.getByLabel(s.select.reason).fill("综合得分最高，驻校方案针对性强");
  await form.getByRole("button", { name: s.select.submit }).click();
  await expect(page.getByText(s.select.done)).toBeVisible();
  await expect(page.getByTestId("selected-agency")).toContainText(`评审机构2${tag}`);
  const call = await db.serviceCall.findUniqueOrThrow({ where: { id: world.call.id }, select: { status: true, selectionReason: true, proposals: { select: { organization: { select: { name: true } }, status: true } } } });
  expect(call.status).toBe("SELECTED");
  expect(call.selectionReason).toBe("综合得分最高，驻校方案针对性强");
  expect(Object.fromEntries(call.proposals.map((p) => [p.organization.name, p.status]))).toEqual({ [`评审机构1${tag}`]: "NOT_SELECTED", [`评审机构2${tag}`]: "SELECTED" });
  expect(await db.auditEvent.count({ where: { action: "scoring.select", entityId: world.call.id } })).toBe(1);

  // The contract: milestones that do not add up to the value are refused, nothing promised.
  await page.getByRole("link", { name: s.section.createContract }).click();
  await expect(page).toHaveURL(new RegExp(`/service-calls/${world.call.id}/contract$`));
  const contract = page.getByTestId("contract-form");
  await contract.getByLabel(s.contract.value).fill("220000");
  const row = (i: number) => contract.getByRole("listitem", { name: s.contract.milestone.replace("{number}", String(i)) });
  await row(1).getByLabel(s.contract.mTitle).fill("项目启动");
  await row(1).getByLabel(s.contract.mDeliverable).fill("服务方案与需求评估报告");
  await row(1).getByLabel(s.contract.mDue).fill("2027-03-31");
  await row(1).getByLabel(s.contract.mAmount).fill("100000");
  await contract.getByRole("button", { name: s.contract.addMilestone }).click();
  await row(2).getByLabel(s.contract.mTitle).fill("中期");
  await row(2).getByLabel(s.contract.mDeliverable).fill("中期报告");
  await row(2).getByLabel(s.contract.mDue).fill("2027-09-30");
  await row(2).getByLabel(s.contract.mAmount).fill("100000");
  await contract.getByRole("button", { name: s.contract.submit }).click();
  await expect(page.getByText(s.validation.milestonesSum).first()).toBeVisible();
  expect(await db.contract.count({ where: { callId: world.call.id } })).toBe(0);
  expect(await committed()).toBe(before);
  await expectNoA11yViolations(page);

  await row(2).getByLabel(s.contract.mAmount).fill("120000");
  await contract.getByRole("button", { name: s.contract.submit }).click();
  await expect(page.getByText(s.contract.created)).toBeVisible();
  const created = await db.contract.findUniqueOrThrow({ where: { callId: world.call.id }, select: { reference: true, valueFen: true, organization: { select: { name: true } }, milestones: { orderBy: { number: "asc" }, select: { amountFen: true, dueDate: true } }, staff: { select: { id: true } } } });
  expect(created.reference).toMatch(/^HT-\d{4}-\d{4,}$/);
  expect(created.valueFen).toBe(22_000_000n);
  expect(created.organization.name).toBe(`评审机构2${tag}`);
  expect(created.milestones.map((m) => m.amountFen)).toEqual([10_000_000n, 12_000_000n]);
  expect(created.staff).toHaveLength(2);
  await expect(page.getByTestId("contract-reference")).toContainText(created.reference);
  expect(await committed()).toBe(before + 22_000_000n);

  // The fund's page: the line has exactly ¥220,000.00 less to promise.
  await page.goto(`/funds/${world.fund.id}`);
  await expect(page.getByTestId("budget-line").getByTestId("line-available")).toHaveText("¥280,000.00");
});

test("the city creates an external expert's account: no organisation, and the list shows the calls assigned as her scope", async ({ page, login, db }) => {
  const tag = uniqueTag().toLowerCase();
  await login(page, "city@demo.local");
  await page.goto("/admin/users/new");
  await page.getByLabel(z.auth.email).fill(`expert-${tag}@e2e.local`);
  await page.getByLabel(z.users.name).fill(`专家${tag}`);
  await page.getByLabel(z.home.role).selectOption("EXPERT");
  await expect(page.getByTestId("expert-scope-hint")).toHaveText(z.users.expertHint);
  await expect(page.locator('select[name="organizationId"], select[name="regionId"]')).toHaveCount(0);
  await page.getByRole("button", { name: z.users.createAndInvite }).click();
  await expect.poll(() => db.user.findUnique({ where: { email: `expert-${tag}@e2e.local` }, select: { role: true, organizationId: true, regionId: true, practitionerId: true } })).toEqual({ role: "EXPERT", organizationId: null, regionId: null, practitionerId: null });
  await page.goto(`/admin/users?q=expert-${tag}`);
  await expect(page.getByRole("row", { name: new RegExp(`专家${tag}`) })).toContainText(z.home.assignedCalls);
});
