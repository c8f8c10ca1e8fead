import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { trainingStats, trainingStatsScopeOf, type TTrainingStatsScope } from "@/server/trainings/stats";
import { getTrainingDashboard, getTrainingDashboardCached, resolveTrainingView } from "@/server/dashboards/training";
import { exportTrainingTable } from "@/server/dashboards/training-export";
import { supervisionCoverage, supervisionCoverageIn, supervisorLoadsIn } from "@/server/supervision/queries";
import { parseTrainingDashboardFilter } from "@/domain/dashboards/training-filter";
import { todayInCity } from "@/domain/common/calendar-day";
import zhDashboard from "../../messages/zh-Hans/trainingDashboard.json" with { type: "json" };

// The training dashboard's figures (issue 12 §4) against a world small enough to count by hand:
// two districts, a department supervising a school in the other district, four programmes (two of
// this year that completed, one of last year, one still running), attendance, the subsidy's ledger
// entries on this year's line and last year's, and supervision pairs. Every figure is exact, for
// each official role's scope.

const Y = todayInCity().getUTCFullYear();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const yearFilter = { from: day(`${Y}-01-01`), to: day(`${Y}-12-31`) };

type TUser = Awaited<ReturnType<typeof makeUser>>;
let districtA: { id: string; path: string }, districtB: { id: string; path: string }, streetA: { id: string; path: string };
let dept: { id: string }, school: { id: string };
let pA1: { id: string }, pA2: { id: string }, pS: { id: string }, pB: { id: string }, sup: { id: string };
let city: TUser, officerA: TUser, officerB: TUser, deptOfficer: TUser, agencyAdmin: TUser, provider: TUser, practitioner: TUser;

const scopes = (): Record<string, TTrainingStatsScope> => ({
  city: { kind: "city" },
  A: { kind: "district", regionPath: districtA.path },
  B: { kind: "district", regionPath: districtB.path },
  dept: { kind: "department", departmentId: dept.id },
});

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  districtA = await makeRegion(prisma, { level: "DISTRICT", parent: c, name: "甲区" });
  districtB = await makeRegion(prisma, { level: "DISTRICT", parent: c, name: "乙区" });
  streetA = await makeRegion(prisma, { level: "STREET", parent: districtA, name: "甲区一街道" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: streetA.id });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: districtB.id });
  dept = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: districtA.id, departmentType: "EDUCATION", name: "教育局" });
  school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: districtB.id, supervisingDepartmentId: dept.id });
  const providerOrg = await makeOrganization(prisma, { kind: "TRAINING_PROVIDER", regionId: districtA.id });
  const person = (org: { id: string }, region: { id: string; path: string }, extra: Record<string, unknown> = {}) =>
    makePractitioner(prisma, { organizationId: org.id, regionId: region.id, regionPath: region.path, status: "ACTIVE", talentTrack: "FRONTLINE", ...extra });
  pA1 = await person(agencyA, streetA, { practiceFields: ["SOCIAL_ORGANIZATIONS", "CIVIL_AFFAIRS"] });
  pA2 = await person(agencyA, streetA, { practiceFields: ["SOCIAL_ORGANIZATIONS"] });
  pS = await person(school, districtB, { practiceFields: ["SCHOOLS"] });
  pB = await person(agencyB, districtB);
  sup = await person(agencyB, districtB, { talentTrack: "SUPERVISION" });

  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: districtA.id });
  officerB = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: districtB.id });
  deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: dept.id });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });
  provider = await makeUser(prisma, { role: "TRAINING_PROVIDER", organizationId: providerOrg.id });
  practitioner = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: pA1.id });

  const fund = await prisma.fund.create({ data: { year: Y, name: "本年专项" } });
  const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 1_000_000n } });
  const oldFund = await prisma.fund.create({ data: { year: Y - 1, name: "上年专项" } });
  const oldLine = await prisma.budgetLine.create({ data: { fundId: oldFund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 500_000n } });

  let ref = 0;
  const training = (kind: "PROFESSIONAL" | "ROTATION", endDate: string, cpdHalfHours: number, sessions: { date: string; halfHours: number }[], status: "CLOSED" | "PUBLISHED" = "CLOSED") =>
    prisma.training.create({
      data: {
        reference: `PX-T-${++ref}`,
        kind,
        scope: "PRACTICE",
        title: `项目${ref}`,
        providerId: providerOrg.id,
        startDate: day(sessions[0]!.date),
        endDate: day(endDate),
        venue: "201",
        capacity: 10,
        lengthHalfHours: sessions.reduce((n, s) => n + s.halfHours, 0),
        cpdHalfHours,
        completionPercent: 50,
        status,
        sessions: { create: sessions.map((s, i) => ({ number: i + 1, date: day(s.date), startsAt: "09:00", halfHours: s.halfHours, topic: `第${i + 1}讲` })) },
      },
      select: { id: true, sessions: { orderBy: { number: "asc" }, select: { id: true } } },
    });
  let number = 0;
  const place = async (t: { id: string; sessions: { id: string }[] }, p: { id: string }, status: "COMPLETED" | "NOT_COMPLETED" | "ENROLLED", present: boolean[], money: { lineId: string; fen: bigint } | null) => {
    const e = await prisma.trainingEnrolment.create({ data: { trainingId: t.id, practitionerId: p.id, status, number: ++number }, select: { id: true } });
    for (const [i, here] of present.entries()) await prisma.trainingAttendance.create({ data: { sessionId: t.sessions[i]!.id, enrolmentId: e.id, present: here } });
    if (!money) return;
    const entry = (kind: "COMMITMENT" | "RELEASE" | "SPENDING", sourceRef: string) => prisma.fundEntry.create({ data: { lineId: money.lineId, kind, amountFen: money.fen, sourceRef } });
    await entry("COMMITMENT", `training:${e.id}`);
    if (status !== "ENROLLED") await entry("RELEASE", `training:${e.id}:release`);
    if (status === "COMPLETED") await entry("SPENDING", `training:${e.id}:spend`);
  };
  // This year's professional programme: two sessions of 3 hours (January, February), 6 CPD hours.
  const t1 = await training("PROFESSIONAL", `${Y}-02-10`, 12, [{ date: `${Y}-01-10`, halfHours: 6 }, { date: `${Y}-02-10`, halfHours: 6 }]);
  await place(t1, pA1, "COMPLETED", [true, true], { lineId: line.id, fen: 10_000n });
  await place(t1, pA2, "COMPLETED", [true, true], { lineId: line.id, fen: 10_000n });
  await place(t1, pS, "COMPLETED", [true, true], { lineId: line.id, fen: 10_000n });
  await place(t1, pB, "NOT_COMPLETED", [true, false], { lineId: line.id, fen: 10_000n });
  // This year's rotation training: one session of 2 hours in March, 2 CPD hours.
  const t2 = await training("ROTATION", `${Y}-03-05`, 4, [{ date: `${Y}-03-05`, halfHours: 4 }]);
  await place(t2, pA1, "COMPLETED", [true], { lineId: line.id, fen: 5_000n });
  // Last year's programme, paid from last year's line: in no figure of this year.
  const t3 = await training("PROFESSIONAL", `${Y - 1}-06-01`, 8, [{ date: `${Y - 1}-06-01`, halfHours: 8 }]);
  await place(t3, pB, "COMPLETED", [true], { lineId: oldLine.id, fen: 3_000n });
  // A programme still running at the year's end: a place promised, nothing completed.
  const t4 = await training("PROFESSIONAL", `${Y}-12-31`, 6, [{ date: `${Y}-12-31`, halfHours: 6 }], "PUBLISHED");
  await place(t4, pA2, "ENROLLED", [], { lineId: line.id, fen: 7_000n });

  // Supervision: sup (district B) supervises pA1 and pS; an ended pair with pB.
  await prisma.supervision.create({ data: { supervisorId: sup.id, superviseeId: pA1.id, startDate: day(`${Y - 1}-01-01`) } });
  await prisma.supervision.create({ data: { supervisorId: sup.id, superviseeId: pS.id, startDate: day(`${Y - 1}-01-01`) } });
  await prisma.supervision.create({ data: { supervisorId: sup.id, superviseeId: pB.id, startDate: day(`${Y - 2}-01-01`), endDate: day(`${Y - 1}-01-01`) } });
});

describe("trainingStats", () => {
  it("the city's year: completions, people, programmes, CPD hours credited, hours delivered by month, by kind, district, department and field", async () => {
    const s = await trainingStats({ ...yearFilter, scope: scopes().city! });
    expect(s).toMatchObject({ programmes: 2, peopleTrained: 3, completions: 4, creditedHalfHours: 40, deliveredHalfHours: 46, attendees: 4, subsidyOutstandingFen: 7_000n, subsidySpentFen: 35_000n });
    expect(s.deliveredByMonth).toEqual([
      { month: `${Y}-01`, halfHours: 24, people: 4 },
      { month: `${Y}-02`, halfHours: 18, people: 3 },
      { month: `${Y}-03`, halfHours: 4, people: 1 },
    ]);
    expect(s.byKind).toEqual([
      { key: "PROFESSIONAL", people: 3, completions: 3, halfHours: 36 },
      { key: "ROTATION", people: 1, completions: 1, halfHours: 4 },
    ]);
    expect(s.byArea).toEqual([
      { key: districtA.id, people: 2, completions: 3, halfHours: 28 },
      { key: districtB.id, people: 1, completions: 1, halfHours: 12 },
    ]);
    expect(s.byDepartment).toEqual([
      { key: null, people: 2, completions: 3, halfHours: 28 },
      { key: dept.id, people: 1, completions: 1, halfHours: 12 },
    ]);
    expect(s.byField).toEqual([
      { key: "SOCIAL_ORGANIZATIONS", people: 2, completions: 3, halfHours: 28 },
      { key: "CIVIL_AFFAIRS", people: 1, completions: 2, halfHours: 16 },
      { key: "SCHOOLS", people: 1, completions: 1, halfHours: 12 },
    ]);
  });

  it("a district counts its own people (by street), the other district and the department theirs", async () => {
    const a = await trainingStats({ ...yearFilter, scope: scopes().A! });
    expect(a).toMatchObject({ programmes: 2, peopleTrained: 2, completions: 3, creditedHalfHours: 28, deliveredHalfHours: 28, attendees: 2, subsidyOutstandingFen: 7_000n, subsidySpentFen: 25_000n });
    expect(a.byArea).toEqual([{ key: streetA.id, people: 2, completions: 3, halfHours: 28 }]);
    const b = await trainingStats({ ...yearFilter, scope: scopes().B! });
    // pB attended one session of the professional programme (3 hours) but did not complete it.
    expect(b).toMatchObject({ programmes: 1, peopleTrained: 1, completions: 1, creditedHalfHours: 12, deliveredHalfHours: 18, attendees: 2, subsidyOutstandingFen: 0n, subsidySpentFen: 10_000n });
    expect(b.byArea).toEqual([{ key: null, people: 1, completions: 1, halfHours: 12 }]);
    const d = await trainingStats({ ...yearFilter, scope: scopes().dept! });
    expect(d).toMatchObject({ programmes: 1, peopleTrained: 1, completions: 1, deliveredHalfHours: 12, attendees: 1, subsidySpentFen: 10_000n, subsidyOutstandingFen: 0n });
    expect(d.byArea).toEqual([{ key: districtB.id, people: 1, completions: 1, halfHours: 12 }]);
    expect(d.byDepartment).toEqual([{ key: dept.id, people: 1, completions: 1, halfHours: 12 }]);
  });

  it("a period of days: last year's programme and its line, and nothing of this year's", async () => {
    const s = await trainingStats({ from: day(`${Y - 1}-01-01`), to: day(`${Y - 1}-12-31`), scope: scopes().city! });
    expect(s).toMatchObject({ programmes: 1, peopleTrained: 1, completions: 1, creditedHalfHours: 8, deliveredHalfHours: 8, subsidySpentFen: 3_000n, subsidyOutstandingFen: 0n });
    const feb = await trainingStats({ from: day(`${Y}-02-01`), to: day(`${Y}-02-28`), scope: scopes().city! });
    expect(feb).toMatchObject({ completions: 3, deliveredHalfHours: 18, attendees: 3 });
  });
});

describe("supervision for a dashboard scope", () => {
  it("coverage of frontline workers and supervisors' loads, per scope; the supervision page's own reading is unchanged", async () => {
    const s = scopes();
    expect(await supervisionCoverageIn(s.city!)).toMatchObject({ frontline: 4, covered: 2, share: 0.5 });
    expect((await supervisionCoverageIn(s.city!)).byDistrict.map((d) => [d.id, d.frontline, d.covered])).toEqual([
      [districtA.id, 2, 1],
      [districtB.id, 2, 1],
    ]);
    expect(await supervisionCoverageIn(s.A!)).toMatchObject({ frontline: 2, covered: 1, byDistrict: [] });
    expect(await supervisionCoverageIn(s.dept!)).toMatchObject({ frontline: 1, covered: 1, share: 1 });
    expect(await supervisionCoverage(await as(officerB))).toMatchObject({ frontline: 2, covered: 1 });
    expect(await supervisionCoverage(await as(deptOfficer))).toBeNull();
    const load = async (scope: TTrainingStatsScope) => (await supervisorLoadsIn(scope)).rows.map((r) => [r.id, r.standing.active, r.inScope]);
    expect(await load(s.city!)).toEqual([[sup.id, 2, 2]]);
    expect(await load(s.A!)).toEqual([[sup.id, 2, 1]]);
    expect(await load(s.B!)).toEqual([[sup.id, 2, 2]]);
    expect(await load(s.dept!)).toEqual([[sup.id, 2, 1]]);
  });
});

describe("the dashboard", () => {
  it("each official sees their own scope; only the city may choose a district or a department", async () => {
    const filterOf = (q: string) => parseTrainingDashboardFilter(new URLSearchParams(q), todayInCity());
    expect((await resolveTrainingView(await as(city), filterOf("")))!.scope).toEqual({ kind: "city" });
    expect((await resolveTrainingView(await as(city), filterOf(`view=district:${districtB.id}`)))!).toMatchObject({ scope: { kind: "district", regionPath: districtB.path }, own: "city", subject: { id: districtB.id } });
    expect((await resolveTrainingView(await as(city), filterOf(`view=department:${dept.id}`)))!.scope).toEqual({ kind: "department", departmentId: dept.id });
    // Not a district, not a department: the whole city.
    expect((await resolveTrainingView(await as(city), filterOf(`view=district:${streetA.id}`)))!.scope).toEqual({ kind: "city" });
    expect((await resolveTrainingView(await as(city), filterOf(`view=department:${school.id}`)))!.scope).toEqual({ kind: "city" });
    // A district officer's and a department officer's URL cannot widen or move their scope.
    expect((await resolveTrainingView(await as(officerA), filterOf(`view=district:${districtB.id}`)))!.scope).toEqual({ kind: "district", regionPath: districtA.path });
    expect((await resolveTrainingView(await as(deptOfficer), filterOf(`view=district:${districtB.id}`)))!.scope).toEqual({ kind: "department", departmentId: dept.id });
    for (const u of [agencyAdmin, provider, practitioner]) {
      expect(trainingStatsScopeOf(await as(u))).toBeNull();
      expect(await resolveTrainingView(await as(u), filterOf(""))).toBeNull();
    }
  });

  it("the subsidy reads this year's lines whole, and the scope's share of them", async () => {
    const d = await getTrainingDashboard(scopes().A!, { year: Y, from: null, to: null });
    expect(d.subsidy.lines.map((l) => [l.name, l.amountFen, l.outstandingFen, l.spentFen, l.availableFen])).toEqual([["培训补贴", 1_000_000n, 7_000n, 35_000n, 958_000n]]);
    expect(d.subsidy).toMatchObject({ amountFen: 1_000_000n, lineSpentFen: 35_000n, spentFen: 25_000n, outstandingFen: 7_000n });
    expect(d.stats.byArea[0]!.named).toMatchObject({ id: streetA.id, name: "甲区一街道" });
    const dd = await getTrainingDashboard(scopes().city!, { year: Y, from: null, to: null });
    // Every month of the year up to this one, a month without attendance as 0 (and later months with attendance).
    const thisMonth = todayInCity().getUTCMonth() + 1;
    const expected = Array.from({ length: Math.max(thisMonth, 3) }, (_, i) => `${Y}-${String(i + 1).padStart(2, "0")}`);
    expect(dd.stats.deliveredByMonth.map((m) => m.month)).toEqual(expected);
    expect(dd.stats.deliveredByMonth.filter((m) => m.halfHours > 0).map((m) => [m.month, m.halfHours])).toEqual([[`${Y}-01`, 24], [`${Y}-02`, 18], [`${Y}-03`, 4]]);
    expect(dd.stats.byDepartment.find((r) => r.key === dept.id)!.named).toMatchObject({ name: "教育局" });
  });

  it("the page's read is reused until something is audited", async () => {
    const f = { year: Y, from: null, to: null };
    const first = await getTrainingDashboardCached(scopes().B!, f);
    expect(await getTrainingDashboardCached(scopes().B!, f)).toBe(first);
    await prisma.auditEvent.create({ data: { action: "test.change", entity: "Test" } });
    const second = await getTrainingDashboardCached(scopes().B!, f);
    expect(second).not.toBe(first);
    expect(second.stats.completions).toBe(first.stats.completions);
  });

  it("a table exports to Excel in the caller's scope, audited; other roles get nothing", async () => {
    await as(officerA);
    // The officer's URL names the other district: the file is still their own district's.
    const file = await exportTrainingTable(new URLSearchParams(`table=kinds&year=${Y}&view=district:${districtB.id}`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.fromWeb(file.stream as never));
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([zhDashboard.trained.byKind, zhDashboard.trained.people, zhDashboard.trained.completions, zhDashboard.trained.hours]);
    expect(rows.slice(1)).toEqual([
      ["专业培训", 2, 2, 12],
      ["轮训", 1, 1, 2],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "dashboard.training.export", actorId: officerA.id } })).toBe(1);
    await as(city);
    const money = await exportTrainingTable(new URLSearchParams(`table=subsidy&year=${Y}`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.fromWeb(money.stream as never));
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual([`${Y} 本年专项`, "培训补贴", 10_000, 70, 350, 9_580]);
    // The funnel, deadlines and rotation tables hold what the page's cards show.
    const page = await getTrainingDashboard({ kind: "city" }, { year: Y, from: null, to: null });
    const sheet = async (table: string) => {
      const x = await exportTrainingTable(new URLSearchParams(`table=${table}&year=${Y}`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.read(Readable.fromWeb(x.stream as never));
      const out: unknown[][] = [];
      book.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out.slice(1);
    };
    expect((await sheet("funnel")).map((r) => r[1])).toEqual(page.funnel.stages.map((x) => x.people));
    expect((await sheet("deadlines")).map((r) => r[5])).toEqual(page.deadlines.byDepartment.map((x) => x.total));
    expect((await sheet("rotation")).map((r) => r.slice(1, 4))).toEqual(page.rotation.byDepartment.map((x) => [x.listed, x.covered, x.never]));
    expect(await codeOf(exportTrainingTable(new URLSearchParams("table=nonsense")))).toMatch(/^unexpected:/);
    for (const u of [agencyAdmin, provider, practitioner]) {
      await as(u);
      expect(await codeOf(exportTrainingTable(new URLSearchParams(`table=kinds&year=${Y}`)))).toBe("authz:forbidden");
    }
  });
});
