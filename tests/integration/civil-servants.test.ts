import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { exportDeadlines } from "@/server/civil-servants/export";
import zhCivil from "../../messages/zh-Hans/civilServants.json" with { type: "json" };
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { makeCredential } from "@/server/seed/credential-factories";
import { deadlineCount, deadlinePage, deadlineScopeOf, getDeadlineSettings, type TDeadlineScope } from "@/server/civil-servants/deadlines";
import { civilServantDeadlineSummary } from "@/server/civil-servants/summary";
import { listDeadlines } from "@/server/civil-servants/queries";
import { verifyCredential } from "@/server/credentials/mutations";
import { parseDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { deadlineStatus, experienceDays } from "@/domain/civil-servants/rules";
import { priorityCandidates, socialWorkExperience } from "@/server/civil-servants/hiring-priority";

// The two-year deadline's SQL (src/server/civil-servants/deadlines.ts) on a built world, on a fixed
// day after the first deadlines have passed: who is subject (type, P1 department or one it
// supervises, entered on or after the plan's start, active), each status and its exact counts, the
// scope of each official role, the public-institution setting, and that verifying a certificate
// moves the person to DONE at once. Each SQL row is also checked against the domain rule.

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2027-03-01");

let w: Awaited<ReturnType<typeof build>>;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const eastStreet = await makeRegion(prisma, { level: "STREET", parent: east });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西区" });
  const deptCity = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局", departmentType: "EDUCATION" });
  const deptEast = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: eastStreet.id, name: "东区民政局", departmentType: "CIVIL_AFFAIRS" });
  const otherGov = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: east.id, name: "东区发改委" });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: west.id, name: "西区中学", supervisingDepartmentId: deptCity.id });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东区社工" });
  await prisma.planTarget.create({ data: { id: "city", startDate: d("2025-01-01") } });
  const regionOf = new Map([
    [deptCity.id, city],
    [deptEast.id, eastStreet],
    [otherGov.id, east],
    [school.id, west],
    [agency.id, east],
  ]);
  const person = (name: string, orgId: string, hire: string, extra: Record<string, unknown> = {}) =>
    makePractitioner(prisma, { name, organizationId: orgId, regionId: regionOf.get(orgId)!.id, regionPath: regionOf.get(orgId)!.path, employmentType: "CIVIL_SERVANT", hireDate: d(hire), ...extra });
  const cert = (practitionerId: string, status: "VERIFIED" | "SUBMITTED" | "REVOKED", issueDate: string) => makeCredential(prisma, { practitionerId, status, kind: "ASSISTANT_SOCIAL_WORKER", issueDate, registrationEnd: null });

  const overdue = await person("逾期甲", deptCity.id, "2025-01-10"); // deadline 2027-01-10
  const due = await person("将至乙", deptCity.id, "2025-04-15"); // 2027-04-15: 45 days
  const pending = await person("未至丙", deptEast.id, "2026-01-01"); // 2028-01-01
  const done = await person("已取得丁", deptEast.id, "2025-02-01");
  await cert(done.id, "VERIFIED", "2026-05-01");
  const late = await person("迟取得戊", deptEast.id, "2025-01-05"); // deadline 2027-01-05
  await cert(late.id, "VERIFIED", "2027-02-01");
  const submitted = await person("待核己", deptEast.id, "2025-03-01"); // deadline today: 0 days left
  const submittedCert = await cert(submitted.id, "SUBMITTED", "2026-11-01");
  const revoked = await person("撤销庚", deptEast.id, "2025-01-20");
  await cert(revoked.id, "REVOKED", "2025-12-01");
  // Not subject: entered before the plan, a department without a P1 type, an agency, left, moved between departments since before the plan.
  await person("早入辛", deptEast.id, "2024-06-01");
  await person("非P1壬", otherGov.id, "2025-06-01");
  await person("机构癸", agency.id, "2025-06-01");
  await person("离开子", deptEast.id, "2025-06-01", { status: "LEFT" });
  const moved = await person("调动丑", deptEast.id, "2025-06-01");
  await prisma.employmentRecord.create({ data: { practitionerId: moved.id, organizationId: deptCity.id, from: d("2024-03-01"), to: d("2025-06-01"), endReason: "MOVED" } });
  // Public-institution staff of a school the education bureau supervises: only with the setting.
  const institution = await person("事业寅", school.id, "2025-05-01", { employmentType: "PUBLIC_INSTITUTION" }); // 2027-05-01: 61 days

  const users = {
    city: await makeUser(prisma, { role: "CITY_ADMIN" }),
    east: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    west: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    deptCity: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: deptCity.id }),
    deptEast: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: deptEast.id }),
    agency: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
  };
  return { city, east, west, deptCity, deptEast, school, people: { overdue, due, pending, done, late, submitted, revoked, institution }, submittedCert, users };
}

beforeAll(async () => {
  w = await build();
});

const setInstitutions = (on: boolean) => prisma.planTarget.update({ where: { id: "city" }, data: { civilServantDeadlineIncludesPublicInstitutions: on } });

async function statuses(scope: TDeadlineScope) {
  const settings = await getDeadlineSettings();
  const rows = await deadlinePage({ scope, settings, today: TODAY }, {}, 0, 100);
  return Object.fromEntries(rows.map((r) => [r.name, r.status]));
}

describe("the two-year deadline in SQL", () => {
  it("lists exactly the subject people with the right status, and agrees with the domain rule row by row", async () => {
    const settings = await getDeadlineSettings();
    const rows = await deadlinePage({ scope: { kind: "city" }, settings, today: TODAY }, {}, 0, 100);
    expect(Object.fromEntries(rows.map((r) => [r.name, r.status]))).toEqual({ 逾期甲: "OVERDUE", 撤销庚: "OVERDUE", 待核己: "DUE", 将至乙: "DUE", 未至丙: "PENDING", 迟取得戊: "DONE", 已取得丁: "DONE" });
    // The list's order: overdue, due, pending, done; each by deadline.
    expect(rows.map((r) => r.name)).toEqual(["逾期甲", "撤销庚", "待核己", "将至乙", "未至丙", "迟取得戊", "已取得丁"]);
    for (const r of rows) {
      const rule = deadlineStatus(r.entryDate, r.certifiedOn, TODAY, settings);
      expect({ deadline: r.deadline, status: r.status, daysLeft: r.daysLeft, late: r.late }, r.name).toEqual({ deadline: rule.deadline, status: rule.status, daysLeft: rule.daysLeft, late: rule.late });
    }
    const late = rows.find((r) => r.name === "迟取得戊")!;
    expect(late.late).toBe(true);
    expect(late.certifiedOn).toEqual(d("2027-02-01"));
    expect(rows.find((r) => r.name === "待核己")!.daysLeft).toBe(0);
    expect(rows.find((r) => r.name === "将至乙")!.daysLeft).toBe(45);
  });

  it("counts by status overall, per department and per district", async () => {
    const s = await civilServantDeadlineSummary({ kind: "city" }, TODAY);
    expect(s.total).toEqual({ due: 2, overdue: 2, done: 2, doneLate: 1, pending: 1, total: 7 });
    const dept = Object.fromEntries(s.byDepartment.map((g) => [g.department.name, [g.overdue, g.due, g.pending, g.done, g.doneLate]]));
    expect(dept).toEqual({ 市教育局: [1, 1, 0, 0, 0], 东区民政局: [1, 1, 1, 2, 1] });
    const dist = Object.fromEntries(s.byDistrict.map((g) => [g.district?.name ?? "city", g.total]));
    expect(dist).toEqual({ city: 2, 东区: 5 });
    expect(s.years).toBe(2);
    expect(s.dueDays).toBe(90);
  });

  it("keeps each official role to its scope, and gives others no scope", async () => {
    const scopeOf = async (u: { id: string; sessionVersion: number }) => deadlineScopeOf(await as(u));
    const east = (await scopeOf(w.users.east))!;
    expect(Object.keys(await statuses(east)).sort()).toEqual(["已取得丁", "待核己", "撤销庚", "未至丙", "迟取得戊"].sort());
    expect(await statuses((await scopeOf(w.users.west))!)).toEqual({});
    expect(await statuses((await scopeOf(w.users.deptCity))!)).toEqual({ 逾期甲: "OVERDUE", 将至乙: "DUE" });
    expect(Object.keys(await statuses((await scopeOf(w.users.deptEast))!))).toHaveLength(5);
    expect(await scopeOf(w.users.agency)).toBeNull();
    // The page's list goes through the same scope: nothing for an agency administrator.
    const agencyList = await listDeadlines(await as(w.users.agency), parseDeadlineListFilter({}), TODAY);
    expect(agencyList.total).toBe(0);
    const deptList = await listDeadlines(await as(w.users.deptCity), parseDeadlineListFilter({}), TODAY);
    expect(deptList.items.map((r) => [r.name, r.department.name])).toEqual([["逾期甲", "市教育局"], ["将至乙", "市教育局"]]);
  });

  it("filters by status, department and district (city level)", async () => {
    const settings = await getDeadlineSettings();
    const q = { scope: { kind: "city" } as const, settings, today: TODAY };
    expect(await deadlineCount(q, { status: "OVERDUE" })).toBe(2);
    expect(await deadlineCount(q, { department: w.deptEast.id })).toBe(5);
    expect(await deadlineCount(q, { district: "city" })).toBe(2);
    expect(await deadlineCount(q, { district: w.east.id, status: "DONE" })).toBe(2);
  });

  it("includes public-institution staff of supervised organisations only with the setting", async () => {
    try {
      await setInstitutions(true);
      const s = await civilServantDeadlineSummary({ kind: "city" }, TODAY);
      expect(s.total).toEqual({ due: 3, overdue: 2, done: 2, doneLate: 1, pending: 1, total: 8 });
      expect(s.includesPublicInstitutions).toBe(true);
      expect(await statuses((await deadlineScopeOf(await as(w.users.west)))!)).toEqual({ 事业寅: "DUE" });
      expect(await statuses((await deadlineScopeOf(await as(w.users.deptCity)))!)).toEqual({ 逾期甲: "OVERDUE", 将至乙: "DUE", 事业寅: "DUE" });
    } finally {
      await setInstitutions(false);
    }
    expect((await civilServantDeadlineSummary({ kind: "city" }, TODAY)).total.total).toBe(7);
  });

  it("a verified certificate clears the deadline at once", async () => {
    await as(w.users.city);
    expect((await statuses({ kind: "city" }))["待核己"]).toBe("DUE");
    await verifyCredential({ id: w.submittedCert.id, version: 1 });
    const after = await statuses({ kind: "city" });
    expect(after["待核己"]).toBe("DONE");
    expect((await civilServantDeadlineSummary({ kind: "city" }, TODAY)).total).toEqual({ due: 1, overdue: 2, done: 3, doneLate: 1, pending: 1, total: 7 });
  });
});

describe("the list's Excel export", () => {
  it("holds the caller's rows in the list's order, is audited, and is refused to an agency administrator", async () => {
    await as(w.users.deptCity);
    const file = await exportDeadlines(parseDeadlineListFilter({}));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(file.stream as never));
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]).toContain(zhCivil.columns.deadline);
    // Today's statuses (not the fixed day above), but the same two people, the earlier deadline first.
    expect(rows.slice(1).map((r) => r[0])).toEqual(["逾期甲", "将至乙"]);
    expect(rows[1]![rows[0]!.indexOf(zhCivil.columns.deadline)]).toBe("2027-01-10");
    expect(await prisma.auditEvent.count({ where: { action: "civilServants.export", actorId: w.users.deptCity.id } })).toBe(1);
    await as(w.users.agency);
    expect(await codeOf(exportDeadlines(parseDeadlineListFilter({})))).toBe("authz:forbidden");
  });
});

describe("hiring priority on a department post", () => {
  it("lists candidates with a verified certificate and two years' social-work experience first, experience counted as the domain rule counts it", async () => {
    const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: w.east.id, name: "候选社工" });
    const region = await prisma.region.findUniqueOrThrow({ where: { id: w.east.id }, select: { id: true, path: true } });
    const post = await prisma.post.create({ data: { kind: "DEPARTMENT", title: "社会工作岗", organizationId: w.deptEast.id, regionId: region.id, regionPath: region.path, practiceField: "CIVIL_AFFAIRS", headcount: 2, requiredHeadcount: 2 }, select: { id: true } });
    const other = await prisma.post.create({ data: { kind: "DEPARTMENT", title: "旧岗", organizationId: w.deptEast.id, regionId: region.id, regionPath: region.path, practiceField: "CIVIL_AFFAIRS", headcount: 1, requiredHeadcount: 1 }, select: { id: true } });
    const candidate = async (name: string, hire: string, certified: boolean) => {
      const p = await makePractitioner(prisma, { name, organizationId: agency.id, regionId: region.id, regionPath: region.path, hireDate: d(hire), employmentType: "AGENCY_STAFF" });
      if (certified) {
        await makeCredential(prisma, { practitionerId: p.id, status: "VERIFIED", kind: "SOCIAL_WORKER", issueDate: "2023-06-01", registrationEnd: null });
        await prisma.practitioner.update({ where: { id: p.id }, data: { qualificationLevel: "SOCIAL_WORKER", isQualified: true } });
      }
      return p;
    };
    const a = await candidate("候选甲", "2024-01-01", false); // three years, no certificate
    const b = await candidate("候选乙", "2024-01-01", true); // certificate, three years
    const c = await candidate("候选丙", "2026-03-01", true); // certificate, one year
    // Certificate; a year at another agency long ago and a post held since 2025-06-01, overlapping the current job: 366 + 638 days.
    const dd = await candidate("候选丁", "2026-01-01", true);
    await prisma.employmentRecord.create({ data: { practitionerId: dd.id, organizationId: agency.id, from: d("2024-01-01"), to: d("2025-01-01"), endReason: "MOVED" } });
    await prisma.postAssignment.create({ data: { postId: other.id, practitionerId: dd.id, from: d("2025-06-01") } });

    const exp = await socialWorkExperience([a.id, b.id, c.id, dd.id], TODAY);
    for (const p of [a, b, c, dd]) {
      const records = await prisma.employmentRecord.findMany({ where: { practitionerId: p.id, organization: { kind: "AGENCY" } }, select: { from: true, to: true } });
      const posts = await prisma.postAssignment.findMany({ where: { practitionerId: p.id }, select: { from: true, to: true } });
      expect(exp.get(p.id) ?? 0, p.name).toBe(experienceDays([...records, ...posts], TODAY));
    }
    expect(exp.get(dd.id)).toBe(366 + 638);

    // Name order within each group is the database's (code points: 丁 before 乙, 丙 before 甲).
    const list = await priorityCandidates(await as(w.users.city), post.id, "候选", TODAY);
    expect(list.map((x) => [x.name, x.priority])).toEqual([["候选丁", true], ["候选乙", true], ["候选丙", false], ["候选甲", false]]);
    // Someone holding this post is not a candidate for it.
    await prisma.postAssignment.create({ data: { postId: post.id, practitionerId: b.id, from: d("2027-01-01") } });
    expect((await priorityCandidates(await as(w.users.city), post.id, "候选", TODAY)).map((x) => x.name)).toEqual(["候选丁", "候选丙", "候选甲"]);
    // A district officer elsewhere finds none of them.
    expect(await priorityCandidates(await as(w.users.west), post.id, "候选", TODAY)).toEqual([]);
  });
});
