import { test, expect, type Page } from "./fixtures";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhCalls from "../messages/zh-Hans/serviceCalls.json" with { type: "json" };

// Issue 13 §1 (part A) end to end. A department officer (dept@demo.local, 示例市教育局) drafts a
// call — weights that do not add up to 100 are refused, nothing written — and publishes it; the
// public page lists it without sign-in. An agency's administrator proposes with two qualified staff,
// watching the eligibility check turn green as they are ticked. The blacklisted agency's
// administrator sees the failing line before submitting and is refused with the lines, nothing
// written. A practitioner gets 403 on the calls; another department's officer neither lists nor
// opens the call. axe on every page.

const sc = zhCalls;
const DAY = 86_400_000;
const cityNow = (days: number) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString();
const isoIn = (days: number) => cityNow(days).slice(0, 10);
const A11Y = { widths: [1280] };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `service-calls-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `征集${tag}区`);
    const good = await newOrg(tx, "AGENCY", district.id, `阳光${tag}社会工作服务中心`);
    const bad = await newOrg(tx, "AGENCY", district.id, `明德${tag}社会工作服务中心`);
    await tx.integrityRecord.create({ data: { organizationId: bad.id, kind: "BLACKLIST", occurredOn: new Date(`${isoIn(-30)}T00:00:00Z`), source: "示例市民政局", description: "列入严重失信名单" } });
    const otherDept = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `卫健${tag}局`, { departmentType: "HEALTH" });
    const a1 = await newCountedPractitioner(tx, good.id, `社工甲${tag}`);
    const a2 = await newCountedPractitioner(tx, good.id, `社工乙${tag}`);
    const a3 = await newPractitioner(tx, good.id, `助理丙${tag}`);
    const b1 = await newCountedPractitioner(tx, bad.id, `社工丁${tag}`);
    const b2 = await newCountedPractitioner(tx, bad.id, `社工戊${tag}`);
    return {
      tag,
      district,
      good,
      bad,
      staff: { a1, a2, a3, b1, b2 },
      users: {
        good: await newUser(tx, "AGENCY_ADMIN", `阳光管理员${tag}`, { organizationId: good.id }),
        bad: await newUser(tx, "AGENCY_ADMIN", `明德管理员${tag}`, { organizationId: bad.id }),
        worker: await newUser(tx, "PRACTITIONER", a1.name, { practitionerId: a1.id }),
        otherDept: await newUser(tx, "DEPARTMENT_OFFICER", `卫健干事${tag}`, { organizationId: otherDept.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const confirm = async (page: Page, button: string, confirmLabel = button) => {
  await page.getByTestId("call-manage").getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: confirmLabel, exact: true }).click();
};

test("a department publishes a call; an agency proposes; the blacklisted agency is refused with the lines; the public page lists the call; who must not see it", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.slow();
  const title = `中小学驻校社工服务${w.tag}`;

  // ── The department officer drafts and publishes.
  await login(page, "dept@demo.local");
  await page.goto("/service-calls");
  await expect(page.getByRole("heading", { level: 1, name: sc.title })).toBeVisible();
  await expectNoA11yViolations(page, A11Y);
  await page.getByRole("link", { name: sc.new }).click();
  await expect(page).toHaveURL(/\/service-calls\/new$/);
  const form = page.getByTestId("call-form");
  await form.getByLabel(sc.fields.title).fill(title);
  await form.getByLabel(sc.fields.description).fill("在辖区中小学派驻社工，开展学生心理社会支持服务。");
  await form.getByLabel(sc.fields.type).selectOption("COMMUNITY");
  await form.getByLabel(sc.fields.practiceField).selectOption("SCHOOLS");
  await form.getByLabel(sc.fields.region).selectOption({ label: `征集${w.tag}区` });
  await form.getByLabel(sc.fields.termStart).fill(isoIn(40));
  await form.getByLabel(sc.fields.termEnd).fill(isoIn(400));
  await form.getByLabel(sc.fields.deadline).fill(cityNow(10).slice(0, 16));
  await form.getByLabel(sc.fields.budget).fill("300000");
  await form.getByLabel(sc.fields.minQualifiedStaff).fill("2");
  await form.getByLabel(sc.fields.minQualifiedPercent).fill("50");
  await form.getByLabel(sc.form.criterionName.replace("{n}", "1"), { exact: true }).fill("服务方案");
  await form.getByLabel(sc.form.criterionWeight).first().fill("60");
  await form.getByRole("button", { name: sc.form.addCriterion }).click();
  await form.getByLabel(sc.form.criterionName.replace("{n}", "2"), { exact: true }).fill("团队能力");
  await form.getByLabel(sc.form.criterionWeight).nth(1).fill("30");
  await expect(form.getByTestId("weights-total")).toHaveText(sc.form.weightsTotal.replace("{total}", "90"));
  await form.getByRole("button", { name: sc.form.create }).click();
  await expect(form.getByText(sc.validation.weightsSum).first()).toBeVisible();
  expect(await db.serviceCall.count({ where: { title } })).toBe(0);
  await form.getByLabel(sc.form.criterionWeight).nth(1).fill("40");
  await expect(form.getByTestId("weights-total")).toHaveText(sc.form.weightsTotal.replace("{total}", "100"));
  await form.getByRole("button", { name: sc.form.create }).click();
  await expect(page).toHaveURL(/\/service-calls\/[^/?]+\?created=1/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const stored = await db.serviceCall.findUniqueOrThrow({ where: { id }, include: { criteria: true, department: true } });
  expect(stored).toMatchObject({ status: "DRAFT", budgetFen: 30_000_000n, minQualifiedStaff: 2, regionId: w.district.id });
  expect(stored.department?.name).toBe("示例市教育局");
  expect(stored.criteria.map((c) => c.weight).sort()).toEqual([40, 60]);
  await expectNoA11yViolations(page, A11Y);
  await confirm(page, sc.manage.publish);
  await expect(page.getByText(sc.notices.published)).toBeVisible();

  // ── The public page (no session) lists the open call.
  const publicCtx = await browser.newContext({ baseURL });
  const pub = await publicCtx.newPage();
  await pub.goto("/public/calls");
  const listed = pub.locator(`[data-testid="public-call"][data-reference="${stored.reference}"]`);
  await expect(listed).toContainText(title);
  await expect(listed).toContainText("示例市教育局");
  await expect(listed).toContainText("¥300,000.00");
  await expectNoA11yViolations(pub, A11Y);
  await publicCtx.close();

  // ── The agency proposes: the check turns green as the qualified staff are ticked.
  const goodCtx = await browser.newContext({ baseURL });
  const good = await goodCtx.newPage();
  await login(goodCtx, w.users.good);
  await good.goto(`/service-calls/${id}`);
  await good.getByTestId("propose-link").click();
  await expect(good).toHaveURL(new RegExp(`/service-calls/${id}/propose$`));
  const live = good.getByTestId("live-eligibility");
  await expect(live.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "0");
  await expect(live.getByTestId("eligibility-notBlacklisted")).toHaveAttribute("data-ok", "1");
  const pf = good.getByTestId("proposal-form");
  await pf.getByLabel(sc.propose.narrative).fill("组建 3 人团队，开展个案、小组和家校活动。");
  await pf.getByLabel(sc.propose.item.replace("{n}", "1"), { exact: true }).fill("人员经费");
  await pf.getByLabel(sc.propose.amount).first().fill("250000");
  await pf.getByLabel(w.staff.a1.name).check();
  await pf.getByLabel(w.staff.a3.name).check();
  // One of two counts: 1 < 2.
  await expect(live.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "0");
  await pf.getByLabel(w.staff.a2.name).check();
  await expect(live.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
  await expectNoA11yViolations(good, A11Y);
  await pf.getByRole("button", { name: sc.propose.submit }).click();
  await expect(good).toHaveURL(new RegExp(`/service-calls/${id}\\?submitted=1`));
  await expect(good.getByText(sc.notices.submitted)).toBeVisible();
  await expect(good.getByTestId("own-proposal")).toContainText("¥250,000.00");
  const proposal = await db.proposal.findFirstOrThrow({ where: { callId: id, organizationId: w.good.id }, include: { staff: true } });
  expect(proposal).toMatchObject({ status: "SUBMITTED", totalFen: 25_000_000n });
  expect(proposal.staff).toHaveLength(3);
  await expectNoA11yViolations(good, A11Y);
  await goodCtx.close();

  // ── The blacklisted agency: the failing line is shown before submitting; the submit is refused with the lines, nothing written.
  const badCtx = await browser.newContext({ baseURL });
  const bad = await badCtx.newPage();
  await login(badCtx, w.users.bad);
  await bad.goto(`/service-calls/${id}/propose`);
  await expect(bad.getByTestId("live-eligibility").getByTestId("eligibility-notBlacklisted")).toHaveAttribute("data-ok", "0");
  const bf = bad.getByTestId("proposal-form");
  await bf.getByLabel(sc.propose.narrative).fill("方案");
  await bf.getByLabel(sc.propose.item.replace("{n}", "1"), { exact: true }).fill("人员经费");
  await bf.getByLabel(sc.propose.amount).first().fill("200000");
  await bf.getByLabel(w.staff.b1.name).check();
  await bf.getByLabel(w.staff.b2.name).check();
  await bf.getByRole("button", { name: sc.propose.submit }).click();
  const refused = bad.getByTestId("proposal-refused");
  await expect(refused).toContainText(sc.propose.refused);
  await expect(refused.getByTestId("eligibility-notBlacklisted")).toHaveAttribute("data-ok", "0");
  await expect(refused.getByTestId("eligibility-notBlacklisted")).toContainText(sc.eligibility.lines.notBlacklisted);
  await expect(refused.getByTestId("eligibility-staffing")).toHaveAttribute("data-ok", "1");
  expect(await db.proposal.count({ where: { organizationId: w.bad.id } })).toBe(0);
  await expectNoA11yViolations(bad, A11Y);
  await badCtx.close();

  // ── The department sees the proposal with its lines.
  await page.goto(`/service-calls/${id}`);
  const row = page.getByTestId("proposal-row").filter({ hasText: w.good.name });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("proposal-row")).toHaveCount(1);
  await expectNoA11yViolations(page, A11Y);

  // ── Who must not: a practitioner (403), another department (not listed, 404).
  const workerCtx = await browser.newContext({ baseURL });
  const worker = await workerCtx.newPage();
  await login(workerCtx, w.users.worker);
  expect((await worker.goto("/service-calls"))?.status()).toBe(403);
  expect((await worker.goto(`/service-calls/${id}`))?.status()).toBe(403);
  await workerCtx.close();
  const otherCtx = await browser.newContext({ baseURL });
  const other = await otherCtx.newPage();
  await login(otherCtx, w.users.otherDept);
  await other.goto(`/service-calls?q=${encodeURIComponent(w.tag)}`);
  await expect(other.getByRole("heading", { level: 1, name: sc.title })).toBeVisible();
  await expect(other.getByTestId("call-row")).toHaveCount(0);
  await expect(other.getByText(sc.list.empty)).toBeVisible();
  expect((await other.goto(`/service-calls/${id}`))?.status()).toBe(404);
  expect((await other.goto(`/service-calls/${id}/edit`))?.status()).toBe(404);
  await otherCtx.close();
});

test("the calls' pages pass axe at 390 px without sideways scrolling: the city's list and the closed call with its ineligible proposal, the agency's list, the public page", async ({ page, browser, baseURL, login, expectNoA11yViolations }) => {
  const check = async (p: Page, path: string) => {
    await p.setViewportSize({ width: 1280, height: 800 });
    expect((await p.goto(path))?.status(), path).toBe(200);
    await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoA11yViolations(p, { widths: [390] });
    await p.setViewportSize({ width: 390, height: 844 });
    const { scroll, inner } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(scroll, `page width of ${path} on a phone`).toBeLessThanOrEqual(inner);
  };
  await login(page, "city@demo.local");
  await check(page, "/service-calls");
  // The demo's closed call: the blacklisted agency's proposal is ineligible, its failing line shown.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/service-calls?status=CLOSED&q=${encodeURIComponent("司法援助")}`);
  await page.getByTestId("call-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/service-calls\/[^/?]+$/);
  const row = page.getByTestId("proposal-row").filter({ hasText: "示例市明德司法社会工作服务中心" });
  await expect(row).toContainText(sc.proposalStatuses.INELIGIBLE);
  await expect(row.getByTestId("eligibility-notBlacklisted")).toHaveAttribute("data-ok", "0");
  await check(page, new URL(page.url()).pathname);
  const agencyCtx = await browser.newContext({ baseURL });
  const agency = await agencyCtx.newPage();
  await login(agencyCtx, "agency@demo.local");
  await check(agency, "/service-calls");
  // The agency sees published calls only, never a draft.
  await expect(agency.getByTestId("call-row").filter({ hasText: sc.statuses.DRAFT })).toHaveCount(0);
  await agencyCtx.close();
  const publicCtx = await browser.newContext({ baseURL });
  await check(await publicCtx.newPage(), "/public/calls");
  await publicCtx.close();
});
