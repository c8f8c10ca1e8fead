import { test, expect } from "./fixtures";
import { M } from "./support";
import { buildWorld, newDistrict, newOrg, newPractitioner, newUser, uniqueTag } from "./world";
import type { TDb } from "./db";
import zhRotation from "../messages/zh-Hans/rotation.json" with { type: "json" };

// Issue 12 §2 (rotation training) end to end: a department officer adds a person of their own
// department to its rotation list and removes another (with confirmation); the city builds a cohort
// of four for a rotation programme, unticks one, sees before confirming that one of the three goes
// onto the waiting list, enrols them, and the programme then shows exactly three more enrolments;
// a practitioner cannot open /rotation. axe on every page.

const r = zhRotation;
const DAY = 86_400_000;
const cityToday = () => new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
const dayIn = (days: number) => new Date(cityToday().getTime() + days * DAY);
const fill = (template: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), template);

function build(db: TDb) {
  const tag = uniqueTag();
  return buildWorld(db, `rotation-${tag}`, async (tx) => {
    // A department whose officer keeps its list: two people on it, a third to add.
    const district = await newDistrict(tx, `轮训${tag}区`);
    const dept = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district.id, `轮训${tag}区教育局`, { departmentType: "EDUCATION" });
    const staff = [];
    for (const n of ["甲", "乙", "丙"]) staff.push(await newPractitioner(tx, dept.id, `${n}${tag}`, { employmentType: "CIVIL_SERVANT" }));
    const officer = await newUser(tx, "DEPARTMENT_OFFICER", `部门干事${tag}`, { organizationId: dept.id });
    await tx.rotationListEntry.createMany({ data: staff.slice(0, 2).map((p) => ({ organizationId: dept.id, practitionerId: p.id })) });

    // Another district's department with five people on its list, none trained, for the cohort; a
    // rotation programme for that district only, three places, one already taken.
    const district2 = await newDistrict(tx, `批次${tag}区`);
    const dept2 = await newOrg(tx, "GOVERNMENT_DEPARTMENT", district2.id, `批次${tag}区民政局`, { departmentType: "CIVIL_AFFAIRS" });
    const pool = [];
    for (const n of ["一", "二", "三", "四", "五"]) pool.push(await newPractitioner(tx, dept2.id, `批次${n}${tag}`, { employmentType: "CIVIL_SERVANT" }));
    await tx.rotationListEntry.createMany({ data: pool.map((p) => ({ organizationId: dept2.id, practitionerId: p.id })) });
    const already = await newPractitioner(tx, dept2.id, `已报名${tag}`, { employmentType: "CIVIL_SERVANT" });
    const provider = await newOrg(tx, "TRAINING_PROVIDER", district2.id, `轮训${tag}学院`);
    const programme = await tx.training.create({
      data: {
        reference: `PX-2098-${String(Math.floor(Math.random() * 90_000) + 10_000)}`,
        kind: "ROTATION",
        scope: "THEORY",
        title: `干部轮训${tag}`,
        providerId: provider.id,
        startDate: dayIn(10),
        endDate: dayIn(10),
        venue: "会议室",
        capacity: 3,
        lengthHalfHours: 6,
        cpdHalfHours: 6,
        completionPercent: 80,
        audienceRegionIds: [district2.id],
        status: "PUBLISHED",
        sessions: { create: [{ number: 1, date: dayIn(10), startsAt: "09:00", halfHours: 6, topic: "社会工作理念" }] },
        enrolments: { create: [{ practitionerId: already.id, number: 1, status: "ENROLLED" }] },
      },
      select: { id: true },
    });
    return { tag, dept, staff, officer, pool, programme };
  });
}

let w: Awaited<ReturnType<typeof build>>;
test.beforeAll(async ({ db }) => {
  w = await build(db);
});

test("a department officer adds a person of their department to its rotation list and removes another", async ({ page, login, db, expectNoA11yViolations }) => {
  await login(page, w.officer);
  await page.goto("/rotation");
  await expect(page.getByRole("heading", { level: 1, name: r.title })).toBeVisible();
  const rows = page.getByTestId("rotation-entry");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(r.list.never);
  await expect(rows.first()).toContainText(r.list.notCovered);
  await expectNoA11yViolations(page);

  // Find the third person by name and add them.
  const [, second, third] = w.staff;
  await page.getByLabel(r.list.search).fill(third!.name);
  await page.getByRole("button", { name: r.list.searchButton, exact: true }).click();
  const add = page.getByTestId("rotation-add");
  await add.getByLabel(third!.name).check();
  await add.getByRole("button", { name: r.list.addChosen }).click();
  await expect(page.getByText(fill(r.list.added, { added: 1 }).replace(/\{already.*$/, ""))).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: third!.name })).toHaveCount(1);

  // Remove the second, after confirming.
  await rows.filter({ hasText: second!.name }).getByRole("button", { name: r.list.remove }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(fill(r.list.removeTitle, { name: second!.name }));
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: r.list.removeConfirm }).click();
  await expect(page.getByText(r.list.removed)).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: second!.name })).toHaveCount(0);
  const stored = await db.rotationListEntry.findMany({ where: { organizationId: w.dept.id }, select: { practitionerId: true } });
  expect(stored.map((s) => s.practitionerId).sort()).toEqual([w.staff[0]!.id, third!.id].sort());
  expect(await db.auditEvent.count({ where: { action: { in: ["rotation.add", "rotation.remove"] }, actorId: w.officer.id } })).toBe(2);
});

test("the city builds a cohort of four, unticks one, sees the waiting list before confirming, and enrols exactly three", async ({ page, login, db, expectNoA11yViolations }) => {
  await login(page, "city@demo.local");
  await page.goto(`/trainings/${w.programme.id}`);
  const participants = page.getByTestId("participant-row");
  await expect(participants).toHaveCount(1);
  await expect(page.getByTestId("places-left")).toHaveText("2");
  await page.getByTestId("cohort-link").click();
  await expect(page).toHaveURL(new RegExp(`/rotation/cohort\\?training=${w.programme.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: r.cohort.title })).toBeVisible();

  await page.getByLabel(r.cohort.size).fill("4");
  await page.getByRole("button", { name: r.cohort.propose }).click();
  const people = page.getByTestId("cohort-person");
  // Four proposed and ticked (never trained, by name), the fifth offered unticked.
  await expect(people.locator("input:checked")).toHaveCount(4);
  await expect(page.getByTestId("cohort-chosen")).toHaveText(fill(r.cohort.chosen, { count: 4 }));
  await expectNoA11yViolations(page);
  const dropped = w.pool[0]!;
  await people.filter({ hasText: dropped.name }).getByRole("checkbox").uncheck();
  await expect(people.locator("input:checked")).toHaveCount(3);
  await expect(page.getByTestId("cohort-chosen")).toHaveText(fill(r.cohort.chosen, { count: 3 }));

  await page.getByTestId("cohort-review").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(fill(r.cohort.confirmTitle, {}).replace(/\{count, plural, =0 \{[^}]*\} other \{([^}]*)\}\}/, "$1").replace("#", "3"));
  // Two places are left: one of the three goes onto the waiting list, and the dialog says so.
  await expect(dialog.getByTestId("cohort-outlook")).toContainText(fill(r.cohort.outlookPlaces, { places: 2, left: 2 }));
  await expect(dialog.getByTestId("cohort-outlook-waiting")).toHaveText(fill(r.cohort.outlookWaiting, { waiting: 1, ahead: 0 }));
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: fill(r.cohort.confirm, { count: 3 }) }).click();

  await expect(page.getByTestId("cohort-result")).toContainText(fill(r.cohort.done, { enrolled: 2, waitlisted: 1 }));
  await expect(page.getByTestId("cohort-outcome")).toHaveCount(3);
  const enrolments = await db.trainingEnrolment.findMany({ where: { trainingId: w.programme.id }, select: { practitionerId: true, status: true } });
  expect(enrolments).toHaveLength(4);
  expect(enrolments.filter((e) => e.status === "ENROLLED")).toHaveLength(3);
  expect(enrolments.filter((e) => e.status === "WAITLISTED")).toHaveLength(1);
  expect(enrolments.some((e) => e.practitionerId === dropped.id)).toBe(false);

  // The programme: exactly three more.
  await page.getByRole("link", { name: r.cohort.toProgramme }).click();
  await expect(participants).toHaveCount(4);
  await expect(page.getByTestId("places-left")).toHaveText("0");
  await expect(page.getByTestId("waitlist-length")).toHaveText("1");
});

test("a practitioner cannot open /rotation, nor the cohort builder", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "worker@demo.local");
  for (const path of ["/rotation", `/rotation/cohort?training=${w.programme.id}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.zh.errorsPage.forbiddenTitle);
  }
  await expectNoA11yViolations(page);
});
