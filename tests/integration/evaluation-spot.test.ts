import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { insertContract } from "@/server/seed/demo-contracts";
import { addCalendarDay, calendarYear, removeCalendarDay, updateCalendarDay } from "@/server/work-calendar/calendar";
import { workingDaysAfter } from "@/server/evaluations/calendar";
import { checkSpotItem, drawSpotCheck, getDraw, listDraws, verifyDraw } from "@/server/spot-checks/draws";
import { evaluationBands } from "@/server/services-dashboard/evaluation-bands";
import { drawSample } from "@/domain/evaluations/rules";
import { ZCalendarDay, ZRemoveCalendarDay } from "@/domain/work-calendar/schemas";
import { ZCheckSpotItem, ZDrawSpotCheck } from "@/domain/spot-checks/schemas";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// Issue 14, part C: the city's working-day calendar (its migration's 2026 schedule and provisional
// 2027 days, the page's changes), spot-check draws (size, seed, population, scope, checks) and the
// purchased-services dashboard's evaluation results by band.

const DAY = 86_400_000;
const today = todayInCity();
const day = (n: number) => new Date(today.getTime() + n * DAY);
/** An instant at `hour` o'clock in the city on the day `n` days from today. */
const cityInstant = (n: number, hour: number) => new Date(day(n).getTime() + (hour - 8) * 3_600_000);

let w: Awaited<ReturnType<typeof build>>;
let seq = 0;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西区" });
  const education = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市教育局" });
  const health = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id, name: "市卫健委" });
  const agencyEast = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东区阳光社工" });
  const agencyWest = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id, name: "西区同心社工" });
  const bodyA = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id, name: "评估中心甲" });
  const bodyB = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id, name: "评估中心乙" });
  const fund = await prisma.fund.create({ data: { year: 2027, name: "专项资金" } });
  const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 1_000_000_000n } });
  await prisma.planTarget.upsert({ where: { id: "city" }, create: { id: "city", startDate: new Date("2024-01-01"), spotCheckPercent: 30 }, update: { spotCheckPercent: 30 } });
  const u = {
    city: await makeUser(prisma, { role: "CITY_ADMIN" }),
    eastOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    dept: await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: health.id }),
    evaluatorA: await makeUser(prisma, { role: "EVALUATOR", organizationId: bodyA.id }),
    evaluatorB: await makeUser(prisma, { role: "EVALUATOR", organizationId: bodyB.id }),
  };
  return { city, east, west, education, health, agencyEast, agencyWest, bodyA, bodyB, line, u };
}

beforeAll(async () => {
  w = await build();
});

/** A contract of the east agency whose milestones are accepted at the given instants (null: still pending). */
async function contractWith(decided: (Date | null)[]) {
  const n = ++seq;
  const { milestones } = await prisma.$transaction((tx) =>
    insertContract(
      tx,
      {
        reference: `HT-2027-${String(n).padStart(4, "0")}`,
        callReference: `FW-2027-${String(n).padStart(4, "0")}`,
        title: `抽查项目${n}`,
        type: "COMMUNITY",
        practiceField: "SCHOOLS",
        regionId: w.east.id,
        regionPath: w.east.path,
        departmentId: w.education.id,
        organizationId: w.agencyEast.id,
        budgetLineId: w.line.id,
        valueFen: BigInt(decided.length) * 1_000_000n,
        termStart: day(-200),
        termEnd: day(165),
        minQualifiedStaff: 0,
        minQualifiedPercent: 0,
        staff: [],
        milestones: decided.map((_, i) => ({ title: `里程碑${i + 1}`, deliverable: "报告", dueDate: day(-150 + i), amountFen: 1_000_000n, status: "PENDING" as const })),
        actorId: null,
      },
      async () => undefined,
    ),
  );
  for (const [i, m] of milestones.entries()) {
    const at = decided[i];
    if (at) await prisma.milestone.update({ where: { id: m.id }, data: { status: "ACCEPTED", decidedAt: at } });
  }
  return milestones.map((m) => m.id);
}

const drawInput = (o: { start: Date; end: Date; percent?: number | string; bodyId?: string; seed?: string }) =>
  ZDrawSpotCheck.parse({ periodStart: isoDay(o.start), periodEnd: isoDay(o.end), percent: o.percent === undefined ? "" : String(o.percent), bodyId: o.bodyId ?? w.bodyA.id, seed: o.seed ?? "" });

describe("the working-day calendar", () => {
  it("its migration holds the State Council's 2026 schedule and the provisional 2027 statutory days", async () => {
    // The test database is emptied before each file: apply the migration's data again, as an install does.
    const sql = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261208130000_work_calendar/migration.sql"), "utf8");
    const insert = sql.slice(sql.indexOf("INSERT INTO"));
    await prisma.$executeRawUnsafe(insert);
    await as(w.u.city);
    const y2026 = await calendarYear(2026);
    const at = (d: string) => y2026.find((r) => r.day === d);
    expect(at("2026-10-01")).toMatchObject({ kind: "HOLIDAY", name: "国庆节", provisional: false });
    expect(at("2026-10-10")).toMatchObject({ kind: "WORKDAY", provisional: false });
    expect(at("2026-01-04")?.kind).toBe("WORKDAY");
    expect(at("2026-02-14")?.kind).toBe("WORKDAY");
    expect(at("2026-02-28")?.kind).toBe("WORKDAY");
    expect(at("2026-05-09")?.kind).toBe("WORKDAY");
    expect(at("2026-09-20")?.kind).toBe("WORKDAY");
    expect(y2026.filter((r) => r.kind === "WORKDAY").map((r) => r.day)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 days off.
    expect(y2026.filter((r) => r.kind === "HOLIDAY")).toHaveLength(33);
    // Every make-up day the migration writes passes the page's own rule (a weekend day).
    for (const r of y2026.filter((x) => x.kind === "WORKDAY")) expect(ZCalendarDay.safeParse(r).success, r.day).toBe(true);
    const y2027 = await calendarYear(2027);
    expect(y2027.map((r) => r.day)).toEqual(["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"]);
    expect(y2027.every((r) => r.provisional && r.kind === "HOLIDAY")).toBe(true);
    // The rules read it: 10 working days after 2026-09-28 skip 国庆 and count 10-10 (Saturday) as one.
    expect(isoDay(await workingDaysAfter(new Date("2026-09-28T00:00:00Z"), 10))).toBe("2026-10-16");
  });

  it("the city adds, changes and removes days, each audited; a provisional day changed becomes final", async () => {
    await as(w.u.city);
    expect(await codeOf(addCalendarDay(ZCalendarDay.parse({ day: "2030-06-01", kind: "HOLIDAY", name: "测试假日" })))).toBe("ok");
    // A holiday on a weekend (2030-06-01 is a Saturday) is allowed; a make-up working day on a Sunday too.
    expect(await codeOf(addCalendarDay(ZCalendarDay.parse({ day: "2030-06-02", kind: "WORKDAY", name: "测试调休上班" })))).toBe("ok");
    expect(await codeOf(addCalendarDay(ZCalendarDay.parse({ day: "2030-06-01", kind: "HOLIDAY", name: "又一次" })))).toBe("workCalendar.validation.dayExists@day");
    expect((await calendarYear(2030)).map((r) => [r.day, r.kind, r.provisional])).toEqual([["2030-06-01", "HOLIDAY", false], ["2030-06-02", "WORKDAY", false]]);
    await prisma.workCalendarDay.update({ where: { day: new Date("2030-06-01T00:00:00Z") }, data: { provisional: true } });
    expect(await codeOf(updateCalendarDay(ZCalendarDay.parse({ day: "2030-06-01", kind: "HOLIDAY", name: "儿童节" })))).toBe("ok");
    expect((await calendarYear(2030))[0]).toEqual({ day: "2030-06-01", kind: "HOLIDAY", name: "儿童节", provisional: false });
    expect(await codeOf(removeCalendarDay(ZRemoveCalendarDay.parse({ day: "2030-06-02" })))).toBe("ok");
    expect(await codeOf(removeCalendarDay(ZRemoveCalendarDay.parse({ day: "2030-06-02" })))).toBe("workCalendar.errors.dayNotFound");
    expect(await codeOf(updateCalendarDay(ZCalendarDay.parse({ day: "2030-06-03", kind: "HOLIDAY", name: "无此日" })))).toBe("workCalendar.errors.dayNotFound");
    expect((await calendarYear(2030)).map((r) => r.day)).toEqual(["2030-06-01"]);
    const audits = await prisma.auditEvent.findMany({ where: { entity: "WorkCalendarDay", entityId: { in: ["2030-06-01", "2030-06-02"] } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, entityId: true, actorId: true } });
    expect(audits.map((a) => `${a.action} ${a.entityId}`)).toEqual(["calendar.add 2030-06-01", "calendar.add 2030-06-02", "calendar.update 2030-06-01", "calendar.remove 2030-06-02"]);
    expect(audits.every((a) => a.actorId === w.u.city.id)).toBe(true);
  });

  it("refuses a make-up working day on a weekday, a missing name, a day out of range, and anyone but the city", async () => {
    const issues = (v: Record<string, string>) => {
      const r = ZCalendarDay.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({ day: "2030-06-03", kind: "WORKDAY", name: "周一" })).toEqual(["day:workCalendar.validation.workdayOnWeekend"]);
    expect(issues({ day: "2030-06-03", kind: "HOLIDAY", name: " " })).toEqual(["name:workCalendar.validation.nameRequired"]);
    expect(issues({ day: "1999-01-01", kind: "HOLIDAY", name: "太早" })).toEqual(["day:workCalendar.validation.dayOutOfRange"]);
    expect(issues({ day: "2030-02-30", kind: "HOLIDAY", name: "无此日" })).toEqual(["day:date"]);
    await as(w.u.eastOfficer);
    expect(await codeOf(addCalendarDay(ZCalendarDay.parse({ day: "2030-07-01", kind: "HOLIDAY", name: "区里加的" })))).toBe("authz:forbidden");
    expect(await prisma.workCalendarDay.count({ where: { day: new Date("2030-07-01T00:00:00Z") } })).toBe(0);
  });
});

describe("spot checks", () => {
  let inPeriod: string[];
  let outside: string[];
  const start = day(-60);
  const end = day(-31);

  beforeAll(async () => {
    // Eleven accepted in the period (one at 20:00 on its last day in the city), two accepted the day
    // before and the day after it (the last at 00:30 in the city, still the evening before in UTC),
    // two not accepted.
    const a = await contractWith([cityInstant(-60, 9), cityInstant(-55, 10), cityInstant(-50, 11), cityInstant(-45, 12), cityInstant(-40, 13), cityInstant(-35, 14), cityInstant(-31, 20)]);
    const b = await contractWith([cityInstant(-58, 9), cityInstant(-48, 9), cityInstant(-38, 9), cityInstant(-33, 9), cityInstant(-61, 23), cityInstant(-30, 0.5), null, null]);
    inPeriod = [...a, ...b.slice(0, 4)];
    outside = b.slice(4);
  });

  it("draws at least the city's share, rounded up, of the milestones accepted in the period only, with the typed seed", async () => {
    await as(w.u.city);
    const { id } = await drawSpotCheck(drawInput({ start, end, percent: 30, seed: "shiyan-2026" }));
    const draw = await prisma.spotCheckDraw.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(draw).toMatchObject({ percent: 30, seed: "shiyan-2026", populationCount: 11, sampleCount: 4, bodyId: w.bodyA.id, drawnById: w.u.city.id });
    expect(draw.reference).toMatch(/^CC-\d{4}-\d{4}$/);
    const sampled = draw.items.map((i) => i.milestoneId);
    expect(sampled.every((m) => inPeriod.includes(m))).toBe(true);
    expect(sampled.some((m) => outside.includes(m))).toBe(false);
    expect(new Set(sampled)).toEqual(new Set(drawSample(inPeriod, 4, "shiyan-2026")));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "spotChecks.draw", entityId: id } });
    expect(audit.after).toMatchObject({ seed: "shiyan-2026", populationCount: 11, sampleCount: 4 });
  });

  it("the same seed over the same period gives the same sample, and drawing again says so", async () => {
    await as(w.u.city);
    const first = await drawSpotCheck(drawInput({ start, end, seed: "tongyi-zhongzi" }));
    const second = await drawSpotCheck(drawInput({ start, end, seed: "tongyi-zhongzi" }));
    const sample = async (id: string) => new Set((await prisma.spotCheckItem.findMany({ where: { drawId: id }, select: { milestoneId: true } })).map((i) => i.milestoneId));
    expect(await sample(second.id)).toEqual(await sample(first.id));
    const draw = (await getDraw(await as(w.u.city), first.id))!;
    const v = await verifyDraw(draw);
    expect(v.same).toBe(true);
    expect(new Set(v.sample.map((m) => m.id))).toEqual(await sample(first.id));
    expect(v.acceptedSince).toEqual([]);
  });

  it("a higher share is allowed, a lower one refused; a generated seed is 16 hex digits", async () => {
    await as(w.u.city);
    const { id } = await drawSpotCheck(drawInput({ start, end, percent: 50 }));
    const draw = await prisma.spotCheckDraw.findUniqueOrThrow({ where: { id } });
    expect(draw.sampleCount).toBe(6);
    expect(draw.seed).toMatch(/^[0-9a-f]{16}$/);
    // Without a share: the city's setting.
    const byDefault = await drawSpotCheck(drawInput({ start, end }));
    expect((await prisma.spotCheckDraw.findUniqueOrThrow({ where: { id: byDefault.id } })).percent).toBe(30);
    const before = await prisma.spotCheckDraw.count();
    expect(await codeOf(drawSpotCheck(drawInput({ start, end, percent: 20 })))).toBe("spotChecks.validation.percentBelowSetting@percent");
    expect(await codeOf(drawSpotCheck(drawInput({ start: day(-400), end: day(-300) })))).toBe("spotChecks.errors.emptyPopulation");
    expect(await codeOf(drawSpotCheck(drawInput({ start, end, bodyId: w.agencyEast.id })))).toBe("spotChecks.validation.notEvaluationBody@bodyId");
    expect(await prisma.spotCheckDraw.count()).toBe(before);
    expect(ZDrawSpotCheck.safeParse({ periodStart: isoDay(end), periodEnd: isoDay(start), bodyId: w.bodyA.id }).error?.issues[0]?.message).toBe("spotChecks.validation.periodOrder");
    expect(ZDrawSpotCheck.safeParse({ periodStart: isoDay(start), periodEnd: isoDay(end), bodyId: w.bodyA.id, seed: "有空格 的种子" }).error?.issues[0]?.message).toBe("spotChecks.validation.seedFormat");
    await as(w.u.evaluatorA);
    expect(await codeOf(drawSpotCheck(drawInput({ start, end })))).toBe("authz:forbidden");
  });

  it("drawing again names the milestones accepted since the draw when the population changed", async () => {
    const ids = await contractWith([cityInstant(-3, 9), cityInstant(-2, 9), cityInstant(-1, 9), null]);
    await as(w.u.city);
    const { id } = await drawSpotCheck(drawInput({ start: day(-3), end: day(5), seed: "bianhua" }));
    const draw = (await getDraw(await as(w.u.city), id))!;
    expect(draw.sampleCount).toBe(1);
    await prisma.milestone.update({ where: { id: ids[3]! }, data: { status: "ACCEPTED", decidedAt: new Date(draw.drawnAt.getTime() + 1000) } });
    const v = await verifyDraw(draw);
    expect(v.same).toBe(false);
    expect(v.populationThen).toBe(3);
    expect(v.populationNow).toBe(4);
    expect(v.acceptedSince.map((m) => m.id)).toEqual([ids[3]]);
    expect(v.sample).toHaveLength(2);
  });

  it("the body's evaluators see their body's draws and check items; another body's evaluator sees nothing", async () => {
    await as(w.u.city);
    const { id } = await drawSpotCheck(drawInput({ start, end, seed: "jiancha" }));
    await drawSpotCheck(drawInput({ start, end, bodyId: w.bodyB.id, seed: "yi" }));
    const a = await as(w.u.evaluatorA);
    expect((await listDraws(a)).every((d) => d.body.id === w.bodyA.id)).toBe(true);
    const draw = (await getDraw(a, id))!;
    expect(draw.items).toHaveLength(4);
    const [first, second] = draw.items;
    expect(await codeOf(checkSpotItem(ZCheckSpotItem.parse({ itemId: first!.id, version: "1", result: "PASSED" })))).toBe("ok");
    expect(ZCheckSpotItem.safeParse({ itemId: second!.id, version: "1", result: "FAILED", note: "" }).error?.issues[0]?.message).toBe("spotChecks.validation.noteRequired");
    expect(await codeOf(checkSpotItem(ZCheckSpotItem.parse({ itemId: second!.id, version: "1", result: "FAILED", note: "缺少服务记录" })))).toBe("ok");
    expect(await codeOf(checkSpotItem(ZCheckSpotItem.parse({ itemId: first!.id, version: "1", result: "FAILED", note: "过时的表单" })))).toBe("stale");
    const item = (itemId: string) => prisma.spotCheckItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true, note: true, checkedById: true, version: true } });
    expect(await item(first!.id)).toEqual({ status: "PASSED", note: null, checkedById: w.u.evaluatorA.id, version: 2 });
    expect(await item(second!.id)).toEqual({ status: "FAILED", note: "缺少服务记录", checkedById: w.u.evaluatorA.id, version: 2 });
    expect(await prisma.auditEvent.count({ where: { action: "spotChecks.check", entityId: { in: [first!.id, second!.id] } } })).toBe(2);

    const b = await as(w.u.evaluatorB);
    expect(await getDraw(b, id)).toBeNull();
    expect((await listDraws(b)).map((d) => d.body.id)).toEqual([w.bodyB.id]);
    expect(await codeOf(checkSpotItem(ZCheckSpotItem.parse({ itemId: draw.items[2]!.id, version: "1", result: "PASSED" })))).toBe("notFound");
    expect((await prisma.spotCheckItem.findUniqueOrThrow({ where: { id: draw.items[2]!.id } })).status).toBe("PENDING");
    // The city draws but does not check.
    await as(w.u.city);
    expect(await codeOf(checkSpotItem(ZCheckSpotItem.parse({ itemId: draw.items[2]!.id, version: "1", result: "PASSED" })))).toBe("authz:forbidden");
  });
});

describe("the dashboard's evaluation results by band", () => {
  it("counts published, under-appeal and final results by kind and grade, in the reader's scope", async () => {
    const rubric = await prisma.rubric.create({ data: { kind: "AGENCY_GRADING", version: 1, name: "等级评估指标" } });
    const project = await prisma.rubric.create({ data: { kind: "PROJECT_FINAL", version: 1, name: "结项评估指标" } });
    const make = (n: number, o: { kind?: "AGENCY_GRADING" | "PROJECT_FINAL"; status: "PUBLISHED" | "UNDER_APPEAL" | "FINAL" | "SCORED" | "CANCELLED"; grade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL" | null; agency: string }) =>
      prisma.evaluation.create({
        data: { reference: `PG-2026-${String(n).padStart(4, "0")}`, kind: o.kind ?? "AGENCY_GRADING", rubricId: o.kind === "PROJECT_FINAL" ? project.id : rubric.id, bodyId: w.bodyA.id, organizationId: o.agency, year: 2026, dueDate: day(10), status: o.status, grade: o.grade, scoreHundredths: o.grade ? 8000 : null },
      });
    await as(w.u.city);
    const empty = await evaluationBands(await as(w.u.city));
    expect(empty.every((b) => b.total === 0)).toBe(true);
    await make(1, { status: "FINAL", grade: "EXCELLENT", agency: w.agencyEast.id });
    await make(2, { status: "PUBLISHED", grade: "GOOD", agency: w.agencyEast.id });
    await make(3, { status: "UNDER_APPEAL", grade: "FAIL", agency: w.agencyWest.id });
    await make(4, { status: "FINAL", grade: "PASS", agency: w.agencyWest.id, kind: "PROJECT_FINAL" });
    await make(5, { status: "SCORED", grade: "PASS", agency: w.agencyEast.id }); // not published: not counted
    await make(6, { status: "CANCELLED", grade: null, agency: w.agencyEast.id });
    const row = (bands: Awaited<ReturnType<typeof evaluationBands>>, kind: string) => bands.find((b) => b.kind === kind)!;
    const city = await evaluationBands(await as(w.u.city));
    expect(row(city, "AGENCY_GRADING")).toEqual({ kind: "AGENCY_GRADING", counts: { EXCELLENT: 1, GOOD: 1, PASS: 0, FAIL: 1 }, total: 3 });
    expect(row(city, "PROJECT_FINAL").counts).toEqual({ EXCELLENT: 0, GOOD: 0, PASS: 1, FAIL: 0 });
    expect(row(city, "PERSONAL_APPRAISAL").total).toBe(0);
    const east = await evaluationBands(await as(w.u.eastOfficer));
    expect(row(east, "AGENCY_GRADING")).toEqual({ kind: "AGENCY_GRADING", counts: { EXCELLENT: 1, GOOD: 1, PASS: 0, FAIL: 0 }, total: 2 });
    expect(row(east, "PROJECT_FINAL").total).toBe(0);
    // A department with no evaluations of its agencies or projects: the empty card.
    expect((await evaluationBands(await as(w.u.dept))).every((b) => b.total === 0)).toBe(true);
  });
});
