import { test, expect, PHONE, type Page } from "./fixtures";
import { M } from "./support";
import { buildWorld, newCountedPractitioner, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhTrainings from "../messages/zh-Hans/trainings.json" with { type: "json" };
import zhRegistrations from "../messages/zh-Hans/registrations.json" with { type: "json" };
import zhFunds from "../messages/zh-Hans/funds.json" with { type: "json" };

// Issue 12 §1 end to end. A provider runs a programme: creates it (a subsidy above the cost is
// refused, nothing written), adds its sessions and publishes it; a practitioner enrols; the provider
// takes attendance on a phone-sized page and closes the programme; the practitioner's CPD pre-flight
// and the training-subsidy line's money move by exactly the programme's hours and subsidy. An
// agency enrols its staff past the capacity: the second waits and moves up when the first withdraws;
// someone outside the audience is refused by name. A provider sees only its own programmes and its
// participants' names, never their ID numbers. axe at 1280 and 390 px on every page.

const tr = zhTrainings;
const z = { ...M.zh, registrations: zhRegistrations, funds: zhFunds };
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const isoIn = (days: number) => new Date(cityToday().getTime() + days * DAY).toISOString().slice(0, 10);
const longDay = (iso: string) => new Intl.DateTimeFormat("zh-Hans", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const fill = (template: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), template);
const A11Y = { widths: [390] };

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `trainings-${tag}`, async (tx) => {
    const district = await newDistrict(tx, `培训${tag}区`);
    const agency = await newOrg(tx, "AGENCY", district.id, `培训${tag}社会工作服务中心`);
    // A counted practitioner whose registration period runs another 400 days: the pre-flight counts its hours.
    const learner = await newCountedPractitioner(tx, agency.id, `学员${tag}`, {}, { registrationEnd: isoIn(400), registrationNumber: `DJ-E2E-${tag}` });
    // This run's own fund and training-subsidy line, so the money asserted is ours alone.
    const fund = await tx.fund.create({ data: { year: cityToday().getUTCFullYear(), name: `培训专项${tag}` } });
    const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: `培训补贴${tag}`, amountFen: 1_000_000n } });
    // The waiting list: a provider of our own with a published programme of one place.
    const provider = await newOrg(tx, "TRAINING_PROVIDER", district.id, `培训${tag}学院`);
    await tx.providerApproval.create({ data: { organizationId: provider.id, scopes: ["PRACTICE"], validFrom: new Date(`${isoIn(-30)}T00:00:00Z`), validTo: new Date(`${isoIn(300)}T00:00:00Z`) } });
    const small = await tx.training.create({
      data: {
        reference: `PX-2099-${String(Math.floor(Math.random() * 90_000) + 10_000)}`,
        kind: "PROFESSIONAL",
        scope: "PRACTICE",
        title: `一个名额${tag}`,
        providerId: provider.id,
        startDate: new Date(`${isoIn(20)}T00:00:00Z`),
        endDate: new Date(`${isoIn(20)}T00:00:00Z`),
        venue: "201",
        capacity: 1,
        lengthHalfHours: 6,
        cpdHalfHours: 6,
        completionPercent: 80,
        audienceLevels: ["NONE"],
        status: "PUBLISHED",
        sessions: { create: [{ number: 1, date: new Date(`${isoIn(20)}T00:00:00Z`), startsAt: "09:00", halfHours: 6, topic: "开班" }] },
      },
    });
    const first = await newPractitioner(tx, agency.id, `甲${tag}`);
    const second = await newPractitioner(tx, agency.id, `乙${tag}`);
    const certified = await newCountedPractitioner(tx, agency.id, `丙${tag}`);
    return {
      tag,
      agency,
      learner,
      fund,
      line,
      small,
      first,
      second,
      certified,
      users: {
        learner: await newUser(tx, "PRACTITIONER", learner.name, { practitionerId: learner.id }),
        first: await newUser(tx, "PRACTITIONER", first.name, { practitionerId: first.id }),
        second: await newUser(tx, "PRACTITIONER", second.name, { practitionerId: second.id }),
        agency: await newUser(tx, "AGENCY_ADMIN", `机构管理员${tag}`, { organizationId: agency.id }),
        provider: await newUser(tx, "TRAINING_PROVIDER", `学院${tag}`, { organizationId: provider.id }),
        officer: await newUser(tx, "DISTRICT_OFFICER", `区干事${tag}`, { regionId: district.id }),
      },
    };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

const dialogConfirm = async (page: Page, label: string) => {
  await page.getByRole("dialog").getByRole("button", { name: label, exact: true }).click();
};

test("a provider runs a programme; a practitioner enrols; attendance on a phone; closing credits the hours and pays the subsidy, exactly", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  test.slow();
  const title = `儿童保护实务${w.tag}`;
  const today = isoIn(0);
  await login(page, "training@demo.local");
  await page.goto("/trainings");
  await expect(page.getByRole("heading", { level: 1, name: tr.ownTitle })).toBeVisible();
  await expectNoA11yViolations(page, A11Y);
  await page.getByRole("link", { name: tr.new }).first().click();
  await expect(page).toHaveURL(/\/trainings\/new$/);
  const form = page.getByTestId("training-form");
  await form.getByLabel(tr.fields.title).fill(title);
  await form.getByLabel(tr.fields.kind).selectOption("PROFESSIONAL");
  await form.getByLabel(tr.fields.scope).selectOption("PRACTICE");
  await form.getByLabel(tr.fields.startDate).fill(today);
  await form.getByLabel(tr.fields.endDate).fill(today);
  await form.getByLabel(tr.fields.capacity).fill("20");
  await form.getByLabel(tr.fields.venue).fill("培训中心 301");
  await form.getByLabel(tr.fields.hours).fill("6");
  await form.getByLabel(tr.fields.cpdHours).fill("6");
  await form.getByLabel(tr.fields.cost).fill("500");
  await form.getByLabel(tr.fields.subsidy).fill("600");
  await form.getByLabel(tr.fields.budgetLine).selectOption({ label: `${w.fund.year} · ${w.fund.name} · ${w.line.name}` });
  // A subsidy above the cost: refused under its field, what was typed stays, nothing written.
  await form.getByRole("button", { name: tr.form.create }).click();
  await expect(form.getByText(tr.validation.subsidyAboveCost).first()).toBeVisible();
  await expect(form.getByLabel(tr.fields.title)).toHaveValue(title);
  expect(await db.training.count({ where: { title } })).toBe(0);
  await expectNoA11yViolations(page, A11Y);
  await form.getByLabel(tr.fields.cost).fill("1,000");
  await form.getByRole("button", { name: tr.form.create }).click();
  await expect(page).toHaveURL(/\/trainings\/[^/?]+\?created=1/);
  await expect(page.getByText(tr.notices.created)).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const stored = await db.training.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({ status: "DRAFT", costFen: 100_000, subsidyFen: 60_000, lengthHalfHours: 12, budgetLineId: w.line.id });
  expect(stored.reference).toMatch(/^PX-\d{4}-\d{4,}$/);

  // Two sessions of three hours today; publishing needs their hours to make up the length.
  for (const [time, topic] of [["09:00", "理论与政策"], ["14:00", "个案演练"]] as const) {
    const s = page.getByTestId("session-form");
    await s.getByLabel(tr.sessions.date).fill(today);
    await s.getByLabel(tr.sessions.startsAt).fill(time);
    await s.getByLabel(tr.sessions.hours).fill("3");
    await s.getByLabel(tr.sessions.topic).fill(topic);
    await s.getByRole("button", { name: tr.sessions.add }).click();
    await expect(page.getByText(tr.notices.sessionAdded)).toBeVisible();
  }
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expectNoA11yViolations(page, A11Y);
  await page.getByTestId("manage-actions").getByRole("button", { name: tr.manage.publish }).click();
  await dialogConfirm(page, tr.manage.publish);
  await expect(page.getByText(tr.notices.published)).toBeVisible();

  // The practitioner: the pre-flight before, then enrols.
  const learnerCtx = await browser.newContext({ baseURL });
  const learner = await learnerCtx.newPage();
  await login(learnerCtx, w.users.learner);
  await learner.goto("/me");
  const preflight = learner.getByTestId("cpd-preflight");
  await expect(preflight).toHaveText(fill(z.registrations.progress.short, { counted: 0, required: 90, remaining: 90, date: longDay(isoIn(400)) }));
  await learner.goto(`/trainings/${id}`);
  await expect(learner.getByTestId("places-left")).toHaveText("20");
  await learner.getByRole("button", { name: tr.enrol.self }).click();
  // The card now says where the learner stands.
  await expect(learner.getByTestId("my-enrolment")).toHaveText(fill(tr.enrol.mine.ENROLLED, { number: 1 }));
  await expect(learner.getByTestId("places-left")).toHaveText("19");
  await expectNoA11yViolations(learner, A11Y);

  // The city sees 600 yuan promised from the line.
  const cityCtx = await browser.newContext({ baseURL });
  const city = await cityCtx.newPage();
  await login(cityCtx, "city@demo.local");
  await city.goto(`/funds/${w.fund.id}`);
  const lineRow = city.getByTestId("budget-line");
  await expect(lineRow.getByTestId("line-available")).toHaveText("¥9,400.00");

  // Attendance on a phone: both sessions, the learner present.
  const phoneCtx = await browser.newContext({ baseURL, viewport: PHONE });
  const phone = await phoneCtx.newPage();
  await login(phoneCtx, "training@demo.local");
  for (const n of [1, 2]) {
    await phone.goto(`/trainings/${id}/attendance?session=${n}`);
    const row = phone.getByTestId("attendance-person").filter({ hasText: w.learner.name });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("switch")).not.toBeChecked();
    await row.locator("label").click();
    await expect(row.getByRole("switch")).toBeChecked();
    await phone.getByRole("button", { name: tr.attendance.save }).click();
    await expect(phone.getByText(fill(tr.attendance.saved, { present: 1, absent: 0 }))).toBeVisible();
    if (n === 1) await expectNoA11yViolations(phone, { widths: [1280] });
  }
  await phone.reload();
  await expect(phone.getByTestId("attendance-person").filter({ hasText: w.learner.name })).toContainText(tr.attendance.done);
  // The switches are large enough to hit with a thumb.
  const box = await phone.getByTestId("attendance-person").first().locator("label").boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(56);
  await phoneCtx.close();

  // The provider closes the programme: one completion.
  await page.reload();
  await page.getByTestId("manage-actions").getByRole("button", { name: tr.manage.close }).click();
  await dialogConfirm(page, tr.manage.closeConfirm);
  await expect(page.getByText(fill(tr.notices.closed, { completed: 1, notCompleted: 0 }))).toBeVisible();

  // The learner's pre-flight moved by exactly the programme's 6 hours; the completion prints.
  await learner.goto("/me");
  await expect(preflight).toHaveText(fill(z.registrations.progress.short, { counted: 6, required: 90, remaining: 84, date: longDay(isoIn(400)) }));
  const mine = learner.getByTestId("my-training").filter({ hasText: title });
  await expect(mine).toContainText(tr.enrolmentStatuses.COMPLETED);
  await expectNoA11yViolations(learner, A11Y);
  await mine.getByRole("link", { name: tr.mine.record }).click();
  await expect(learner.getByTestId("completion-record")).toBeVisible();
  await expect(learner.getByTestId("completion-person")).toHaveText(w.learner.name);
  await expect(learner.getByTestId("completion-hours")).toContainText("6");
  await expect(learner.getByTestId("completion-number")).toHaveText(`${stored.reference}-001`);
  await expectNoA11yViolations(learner, A11Y);
  await learnerCtx.close();

  // The line: nothing promised any more, 600 yuan paid, 9,400 available.
  await city.reload();
  await expect(lineRow.getByTestId("line-available")).toHaveText("¥9,400.00");
  await expect(lineRow).toContainText("¥600.00");
  await expect(lineRow).toContainText("¥0.00");
  await cityCtx.close();
});

test("an agency enrols its staff past the capacity: the second waits and moves up when the first withdraws; someone outside the audience is refused by name", async ({ page, login, db, expectNoA11yViolations }) => {
  await login(page, w.users.agency);
  await page.goto(`/trainings/${w.small.id}?q=${encodeURIComponent(w.tag)}#enrol`);
  const enrol = page.getByTestId("enrol-others");
  // The counted one is marked as outside this programme's audience (for people without a certificate).
  await expect(enrol.locator("li").filter({ hasText: w.certified.name })).toContainText(tr.enrol.outsideAudience);
  await expect(enrol.locator("li").filter({ hasText: w.first.name })).not.toContainText(tr.enrol.outsideAudience);
  await enrol.getByLabel(new RegExp(w.certified.name)).check();
  await enrol.getByRole("button", { name: tr.enrol.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: w.certified.name })).toContainText(tr.errors.notInAudience);
  expect(await db.trainingEnrolment.count({ where: { trainingId: w.small.id } })).toBe(0);
  await expectNoA11yViolations(page, A11Y);

  await page.reload();
  await page.getByTestId("enrol-others").getByLabel(new RegExp(w.first.name)).check();
  await page.getByTestId("enrol-others").getByLabel(new RegExp(w.second.name)).check();
  await page.getByTestId("enrol-others").getByRole("button", { name: tr.enrol.submit }).click();
  await expect(page.getByText(fill(tr.enrol.done, { enrolled: 1, waitlisted: 1 }))).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("waitlist-length")).toHaveText("1");
  // Enrolled in the list's order: the first ticked holds the place, the other is first in line.
  const holder = page.locator('[data-testid="participant-row"][data-status="ENROLLED"]');
  const waiting = page.locator('[data-testid="participant-row"][data-status="WAITLISTED"]');
  await expect(holder).toHaveCount(1);
  await expect(waiting).toContainText(fill(tr.participants.waitingPlace, { place: 1 }));
  const holderName = (await holder.textContent())!.includes(w.first.name) ? w.first.name : w.second.name;
  const waitingName = holderName === w.first.name ? w.second.name : w.first.name;
  const waitingUser = holderName === w.first.name ? w.users.second : w.users.first;
  await expect(waiting).toContainText(waitingName);
  await expectNoA11yViolations(page, A11Y);

  // The one holding the place withdraws: the other moves up, and is told.
  await holder.getByRole("button", { name: tr.participants.withdraw }).click();
  await dialogConfirm(page, tr.participants.withdrawConfirm);
  await expect(page).toHaveURL(/withdrawn=1/);
  await expect(page.getByTestId("waitlist-length")).toHaveText("0");
  await expect(page.getByTestId("participant-row").filter({ hasText: waitingName })).toContainText(tr.enrolmentStatuses.ENROLLED);
  await expect(page.getByTestId("participant-row").filter({ hasText: holderName })).toContainText(tr.enrolmentStatuses.WITHDRAWN);
  expect(await db.notification.count({ where: { userId: waitingUser.id, kind: "trainingPromoted" } })).toBe(1);
});

test("a provider sees only its own programmes and its participants' names, never ID numbers; others may not take attendance; the city's approvals refuse bad input", async ({ page, browser, baseURL, login, db, expectNoA11yViolations }) => {
  // The demo's other provider's programme reads as missing to this provider.
  const foreign = await db.training.findFirstOrThrow({ where: { provider: { name: "示例大学社会工作继续教育中心" }, status: "PUBLISHED" } });
  await login(page, w.users.provider);
  expect((await page.goto(`/trainings/${foreign.id}`))?.status()).toBe(404);
  expect((await page.goto(`/trainings/${foreign.id}/attendance`))?.status()).toBe(404);
  await page.goto("/trainings");
  await expect(page.getByTestId("training-row")).toHaveCount(1);
  await page.goto(`/trainings/${w.small.id}`);
  const participants = page.getByTestId("participants");
  await expect(participants).toContainText(w.first.name);
  await expect(participants).toContainText(w.second.name);
  await expect(participants).toContainText(w.agency.name);
  // Names and employers only: the masked ID numbers the register shows are nowhere on the page.
  for (const p of [w.first, w.second]) {
    const masked = (await db.practitioner.findUniqueOrThrow({ where: { id: p.id }, select: { idNumberMasked: true } })).idNumberMasked!;
    expect(await page.content()).not.toContain(masked);
    expect(await page.content()).not.toContain(masked.slice(-6));
  }
  await expectNoA11yViolations(page, A11Y);

  // An agency and a district officer read the programme but may not take its attendance.
  for (const who of [w.users.agency, w.users.officer]) {
    const ctx = await browser.newContext({ baseURL });
    const p = await ctx.newPage();
    await login(ctx, who);
    expect((await p.goto(`/trainings/${w.small.id}/attendance`))?.status()).toBe(403);
    await ctx.close();
  }

  // The city: the providers and their approvals; an approval ending before it starts is refused.
  const cityCtx = await browser.newContext({ baseURL });
  const city = await cityCtx.newPage();
  await login(cityCtx, "city@demo.local");
  await city.goto("/training-providers");
  await expect(city.getByTestId("provider-row").filter({ hasText: "示例市社会工作教育培训中心" }).getByTestId("current-approval")).toBeVisible();
  const form = city.getByTestId("approval-form");
  await form.getByLabel(tr.providers.organization).selectOption({ label: `培训${w.tag}学院` });
  await form.getByLabel(tr.providers.validFrom).fill(isoIn(10));
  await form.getByLabel(tr.providers.validTo).fill(isoIn(5));
  await form.getByRole("button", { name: tr.providers.approve }).click();
  await expect(form.getByText(tr.validation.validToBeforeFrom).first()).toBeVisible();
  expect(await db.providerApproval.count({ where: { organization: { name: `培训${w.tag}学院` } } })).toBe(1);
  await expectNoA11yViolations(city, A11Y);
  await city.goto("/trainings?kind=ROTATION");
  await expect(city.getByTestId("training-row").first()).toBeVisible();
  await expectNoA11yViolations(city, A11Y);
  await cityCtx.close();
});

test("a full programme's page, its attendance and a completion record fit a phone and pass axe", async ({ page, login, db, expectNoA11yViolations }) => {
  const full = await db.training.findFirstOrThrow({ where: { status: "PUBLISHED", enrolments: { some: { status: "WAITLISTED" } }, provider: { name: "示例市社会工作教育培训中心" } } });
  const completion = await db.trainingEnrolment.findFirstOrThrow({ where: { status: "COMPLETED", training: { provider: { name: "示例市社会工作教育培训中心" } } } });
  await login(page, "training@demo.local");
  for (const path of [`/trainings/${full.id}`, `/trainings/${full.id}/attendance?session=1`, `/trainings/completions/${completion.id}`, `/trainings/${full.id}/edit`]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectNoA11yViolations(page, A11Y);
    await page.setViewportSize(PHONE);
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(scroll, `page width of ${path} on a phone`).toBeLessThanOrEqual(inner);
  }
  // The full programme says so: no place left, three waiting.
  await page.goto(`/trainings/${full.id}`);
  await expect(page.getByTestId("places-left")).toHaveText("0");
  await expect(page.getByTestId("waitlist-length")).toHaveText("3");
});
