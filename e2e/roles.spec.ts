import { test, expect } from "./fixtures";
import { M, mainNav, signIn, signInOk } from "./support";

const nav = M.zh.nav;
const ROLES = [
  { email: "city@demo.local", role: "CITY_ADMIN", scope: M.zh.home.wholeCity, links: [nav.home, nav.growth, nav.workforce, nav.trainingDashboard, nav.servicesDashboard, nav.practitioners, nav.verification, nav.agencies, nav.applications, nav.posts, nav.association, nav.supervision, nav.rotation, nav.organizations, nav.trainings, nav.trainingProviders, nav.exams, nav.serviceCalls, nav.contracts, nav.evaluations, nav.rubrics, nav.spotChecks, nav.funds, nav.civilServants, nav.calendar, nav.users, nav.audit, nav.outbox, nav.account] },
  { email: "district@demo.local", role: "DISTRICT_OFFICER", scope: "东城区", links: [nav.home, nav.growth, nav.workforce, nav.trainingDashboard, nav.servicesDashboard, nav.practitioners, nav.verification, nav.agencies, nav.applications, nav.posts, nav.association, nav.supervision, nav.rotation, nav.organizations, nav.trainings, nav.trainingProviders, nav.exams, nav.serviceCalls, nav.contracts, nav.evaluations, nav.civilServants, nav.account] },
  { email: "dept@demo.local", role: "DEPARTMENT_OFFICER", scope: "示例市教育局", links: [nav.home, nav.trainingDashboard, nav.servicesDashboard, nav.practitioners, nav.posts, nav.supervision, nav.rotation, nav.organizations, nav.trainings, nav.exams, nav.serviceCalls, nav.contracts, nav.evaluations, nav.civilServants, nav.account] },
  { email: "agency@demo.local", role: "AGENCY_ADMIN", scope: "示例市阳光社会工作服务中心", links: [nav.home, nav.practitioners, nav.myAgency, nav.supervision, nav.organizations, nav.trainings, nav.exams, nav.serviceCalls, nav.contracts, nav.evaluations, nav.account] },
  { email: "worker@demo.local", role: "PRACTITIONER", scope: M.zh.home.yourself, links: [nav.home, nav.myProfile, nav.mySupervision, nav.trainings, nav.myExams, nav.evaluations, nav.account] },
  { email: "evaluator@demo.local", role: "EVALUATOR", scope: "示例市社会组织评估中心", links: [nav.home, nav.organizations, nav.evaluations, nav.spotChecks, nav.account] },
  { email: "training@demo.local", role: "TRAINING_PROVIDER", scope: "示例市社会工作教育培训中心", links: [nav.home, nav.trainings, nav.account] },
  { email: "expert@demo.local", role: "EXPERT", scope: M.zh.home.assignedCalls, links: [nav.home, nav.scoring, nav.account] },
] as const;

for (const r of ROLES) {
  test(`${r.role} signs in and sees its own home and navigation`, async ({ page, expectNoA11yViolations }) => {
    await signInOk(page, r.email);
    await expect(page.getByTestId("user-role")).toHaveText(M.zh.roles[r.role]);
    await expect(page.getByTestId("home-role")).toHaveText(M.zh.roles[r.role]);
    await expect(page.getByTestId("home-scope")).toHaveText(r.scope);
    await expect(mainNav(page).getByRole("link")).toHaveText([...r.links]);
    await expectNoA11yViolations(page);
  });
}

test("the organisation directory is scoped: a district officer sees only their district", async ({ page, login, expectNoA11yViolations }) => {
  await login(page, "district@demo.local");
  await page.goto("/organizations");
  const table = page.getByRole("table");
  await expect(table).toContainText("示例市阳光社会工作服务中心");
  await expect(table).not.toContainText("示例市同心社会工作服务中心"); // Xicheng
  // City level: not a row (the supervising-department column may name it, as the bureau of a Dongcheng institution).
  await expect(table.locator("tbody tr td:first-child").filter({ hasText: "示例市民政局" })).toHaveCount(0);
  await expect(table.locator("tbody tr").filter({ hasText: "示例市救助管理站" })).toContainText("示例市民政局");
  await expectNoA11yViolations(page);
  // Filtering still returns nothing outside scope: exactly the demo seed's three Dongcheng agencies
  // (no spec adds organisations to the demo districts: each builds its own, e2e/world.ts).
  await page.goto("/organizations?kind=AGENCY");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const name of ["示例市阳光社会工作服务中心", "示例市和平社会工作服务社", "示例市启航青少年社会工作服务中心"]) {
    await expect(rows.filter({ hasText: name })).toHaveCount(1);
  }
  for (const other of ["示例市同心社会工作服务中心", "示例市湖畔家庭社会工作服务中心", "示例市北山社区社会工作服务社", "示例市滨江乡村社会工作服务站"]) {
    await expect(page.getByRole("table")).not.toContainText(other);
  }
});

const DENIED = [
  { email: "district@demo.local", path: "/admin/users" },
  { email: "agency@demo.local", path: "/admin/audit" },
  { email: "worker@demo.local", path: "/organizations" },
  { email: "evaluator@demo.local", path: "/admin/outbox" },
  { email: "dept@demo.local", path: "/admin/users/new" },
];

for (const d of DENIED) {
  test(`${d.email} is refused ${d.path}`, async ({ page, login, expectNoA11yViolations }) => {
    await login(page, d.email);
    const response = await page.goto(d.path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.zh.errorsPage.forbiddenTitle);
    await expectNoA11yViolations(page);
  });
}

test("a signed-out visitor is sent to sign-in, and comes back after", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit/);
  const form = page.locator("#login-form");
  await form.locator('input[name="email"]').fill("city@demo.local");
  await form.locator('input[name="password"]').fill("demo-password-2026");
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.zh.nav.audit);
});

test("a wrong password gets the one generic message", async ({ page, expectNoA11yViolations }) => {
  await signIn(page, "agency@demo.local", "not-the-password-at-all");
  await expect(page.locator("#login-form [role=alert]")).toHaveText(M.zh.errors.signInFailed);
  await expect(page).toHaveURL(/\/login/);
  // An unknown account reads exactly the same.
  await signIn(page, "nobody@demo.local", "not-the-password-at-all");
  await expect(page.locator("#login-form [role=alert]")).toHaveText(M.zh.errors.signInFailed);
  await expectNoA11yViolations(page);
});
