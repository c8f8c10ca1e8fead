import { describe, expect, it } from "vitest";
import { atCap, coverageShare, DEFAULT_SUPERVISION_SETTINGS, endDateProblem, inPairPeriod, practiceYears, sessionProblems, supervisorEligibility, type TSupervisorFacts } from "@/domain/supervision/rules";
import { ZDisputeSession, ZLogSession, ZStartSupervision } from "@/domain/supervision/schemas";
import { parsePairListFilter, pairListParams } from "@/domain/supervision/list-filter";
import { ZTrainingSettings } from "@/domain/plan/training-settings";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const settings = DEFAULT_SUPERVISION_SETTINGS; // 社会工作师, 3 years, 8 supervisees, 14 days
const facts = (over: Partial<TSupervisorFacts> = {}): TSupervisorFacts => ({ status: "ACTIVE", qualificationLevel: "SOCIAL_WORKER", practiceSince: d("2020-06-01"), approved: false, ...over });

describe("years of practice", () => {
  it("counts whole years, completed on the anniversary", () => {
    expect(practiceYears(d("2020-06-01"), d("2023-05-31"))).toBe(2);
    expect(practiceYears(d("2020-06-01"), d("2023-06-01"))).toBe(3);
    expect(practiceYears(d("2020-02-29"), d("2023-02-28"))).toBe(2);
    expect(practiceYears(d("2020-02-29"), d("2023-03-01"))).toBe(3);
    expect(practiceYears(d("2024-01-01"), d("2023-01-01"))).toBe(0);
  });
});

describe("supervisor eligibility", () => {
  it("level and years: eligible on the day the minimum years are complete, not the day before", () => {
    expect(supervisorEligibility(facts(), settings, d("2023-05-31"))).toMatchObject({ eligible: false, reasons: [{ code: "tooFewYears", years: 2, minYears: 3, eligibleFrom: d("2023-06-01") }] });
    expect(supervisorEligibility(facts(), settings, d("2023-06-01"))).toMatchObject({ eligible: true, basis: "levelAndYears", years: 3 });
  });
  it("a level below the minimum is a reason, together with too few years", () => {
    const e = supervisorEligibility(facts({ qualificationLevel: "ASSISTANT_SOCIAL_WORKER", practiceSince: d("2024-01-01") }), settings, d("2025-01-01"));
    expect(e.eligible).toBe(false);
    expect(!e.eligible && e.reasons.map((r) => r.code)).toEqual(["levelBelow", "tooFewYears"]);
    // A senior social worker reaches a social-worker minimum.
    expect(supervisorEligibility(facts({ qualificationLevel: "SENIOR_SOCIAL_WORKER" }), settings, d("2025-01-01")).eligible).toBe(true);
    // A degree is not a certificate: no years of practice count.
    const degree = supervisorEligibility(facts({ qualificationLevel: "DEGREE", practiceSince: null }), settings, d("2025-01-01"));
    expect(!degree.eligible && degree.reasons.map((r) => r.code)).toEqual(["levelBelow", "noPractice"]);
  });
  it("the city's approval stands in for level and years, but not for being active", () => {
    expect(supervisorEligibility(facts({ qualificationLevel: "NONE", practiceSince: null, approved: true }), settings, d("2025-01-01"))).toMatchObject({ eligible: true, basis: "approved" });
    expect(supervisorEligibility(facts({ approved: true, status: "LEFT" }), settings, d("2025-01-01"))).toMatchObject({ eligible: false, reasons: [{ code: "notActive" }] });
  });
  it("follows the settings", () => {
    const senior = { ...settings, supervisorMinLevel: "SENIOR_SOCIAL_WORKER" as const, supervisorMinYears: 0 };
    expect(supervisorEligibility(facts(), senior, d("2025-01-01"))).toMatchObject({ eligible: false, reasons: [{ code: "levelBelow", minLevel: "SENIOR_SOCIAL_WORKER" }] });
    expect(supervisorEligibility(facts({ practiceSince: d("2024-12-31") }), { ...settings, supervisorMinYears: 0 }, d("2025-01-01")).eligible).toBe(true);
  });
});

describe("the cap", () => {
  it("is reached at the maximum", () => {
    expect(atCap(7, settings)).toBe(false);
    expect(atCap(8, settings)).toBe(true);
    expect(atCap(1, { supervisorMaxSupervisees: 1 })).toBe(true);
  });
});

describe("a session", () => {
  const pair = { startDate: d("2025-03-01"), endDate: null };
  const ctx = { pair, today: d("2025-06-10"), maxHoursPerDay: 8, halfHoursSameDay: 0 };
  it("lies inside the pair's period and not in the future", () => {
    expect(sessionProblems({ date: d("2025-03-01"), halfHours: 4 }, ctx)).toEqual({});
    expect(sessionProblems({ date: d("2025-06-10"), halfHours: 4 }, ctx)).toEqual({});
    expect(sessionProblems({ date: d("2025-02-28"), halfHours: 4 }, ctx)).toEqual({ date: "supervision.validation.sessionOutsidePair" });
    expect(sessionProblems({ date: d("2025-06-11"), halfHours: 4 }, ctx)).toEqual({ date: "dateInFuture" });
    const ended = { ...ctx, pair: { startDate: d("2025-03-01"), endDate: d("2025-04-30") } };
    expect(sessionProblems({ date: d("2025-04-30"), halfHours: 4 }, ended)).toEqual({});
    expect(sessionProblems({ date: d("2025-05-01"), halfHours: 4 }, ended)).toEqual({ date: "supervision.validation.sessionOutsidePair" });
    expect(inPairPeriod(d("2025-04-30"), ended.pair)).toBe(true);
  });
  it("with the supervisor's other sessions that day, at most the daily maximum of hours", () => {
    expect(sessionProblems({ date: d("2025-06-01"), halfHours: 16 }, ctx)).toEqual({});
    expect(sessionProblems({ date: d("2025-06-01"), halfHours: 17 }, ctx)).toEqual({ hours: "supervision.validation.sessionTooLong" });
    expect(sessionProblems({ date: d("2025-06-01"), halfHours: 5 }, { ...ctx, halfHoursSameDay: 12 })).toEqual({ hours: "supervision.validation.sessionTooLong" });
    expect(sessionProblems({ date: d("2025-06-01"), halfHours: 4 }, { ...ctx, halfHoursSameDay: 12 })).toEqual({});
  });
  it("the form: whole or half hours, a topic of at most 200 characters", () => {
    const ok = ZLogSession.safeParse({ supervisionId: "p1", date: "2025-06-01", hours: "1.5", topic: " 个案复盘 " });
    expect(ok.success && ok.data).toEqual({ supervisionId: "p1", date: "2025-06-01", halfHours: 3, topic: "个案复盘" });
    const issues = (v: Record<string, string>) => {
      const r = ZLogSession.safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(issues({ supervisionId: "p1", date: "2025-06-01", hours: "1.25", topic: "x" })).toEqual({ hours: "cpdHalfHours" });
    expect(issues({ supervisionId: "p1", date: "2025-06-01", hours: "0", topic: "x" })).toEqual({ hours: "cpdHours" });
    expect(issues({ supervisionId: "", date: "", hours: "2", topic: "" })).toEqual({ supervisionId: "supervision.validation.pairNotFound", date: "required", topic: "required" });
    expect(issues({ supervisionId: "p1", date: "2025-06-01", hours: "2", topic: "字".repeat(201) })).toEqual({ topic: "tooLong" });
    expect(issues({ supervisionId: "p1", date: "2025-06-01", hours: "2", topic: "字".repeat(200) })).toEqual({});
  });
  it("a dispute needs a reason", () => {
    expect(ZDisputeSession.safeParse({ id: "s1", version: "1", reason: "  " }).success).toBe(false);
    expect(ZDisputeSession.safeParse({ id: "s1", version: "1", reason: "没有进行" }).success).toBe(true);
  });
});

describe("a pair", () => {
  it("cannot supervise oneself (said under the supervisee, also when the date is wrong)", () => {
    const r = ZStartSupervision.safeParse({ supervisorId: "a", superviseeId: "a", startDate: "not a day" });
    expect(r.success).toBe(false);
    expect(!r.success && r.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["startDate", "date"],
      ["superviseeId", "supervision.validation.selfSupervision"],
    ]);
  });
  it("ends on or after its first day (a pair started by mistake ends the same day), not in the future", () => {
    const pair = { startDate: d("2025-03-01") };
    expect(endDateProblem(d("2025-02-28"), pair, d("2025-06-01"))).toBe("supervision.validation.endBeforeStart");
    expect(endDateProblem(d("2025-03-01"), pair, d("2025-06-01"))).toBeNull();
    expect(endDateProblem(d("2025-03-02"), pair, d("2025-06-01"))).toBeNull();
    expect(endDateProblem(d("2025-06-02"), pair, d("2025-06-01"))).toBe("dateInFuture");
  });
});

describe("coverage and the list filter", () => {
  it("a share of none to count is no share", () => {
    expect(coverageShare(0, 0)).toBeNull();
    expect(coverageShare(3, 4)).toBe(0.75);
  });
  it("reads the URL leniently and writes only what narrows", () => {
    expect(parsePairListFilter({ state: "ended", district: "abc", supervisor: "x'; drop", page: "3" })).toEqual({ state: "ended", district: "abc", supervisor: "", page: 3 });
    expect(parsePairListFilter(new URLSearchParams("state=bogus"))).toEqual({ state: "active", district: "", supervisor: "", page: 1 });
    expect(pairListParams({ state: "active", district: "", supervisor: "s1", page: 2 })).toEqual({ state: undefined, district: undefined, supervisor: "s1" });
  });
});

describe("training settings", () => {
  const valid = { civilServantDeadlineYears: "2", civilServantDueDays: "90", rotationCoverageYears: "3", trainingCompletionPercent: "80", supervisorMinLevel: "SOCIAL_WORKER", supervisorMinYears: "3", supervisorMaxSupervisees: "8", supervisionConfirmDays: "14", version: "1" };
  it("accepts the defaults and reads the checkbox", () => {
    const r = ZTrainingSettings.safeParse({ ...valid, civilServantDeadlineIncludesPublicInstitutions: "on" });
    expect(r.success && r.data).toMatchObject({ civilServantDeadlineYears: 2, civilServantDeadlineIncludesPublicInstitutions: true, supervisorMinLevel: "SOCIAL_WORKER", supervisorMaxSupervisees: 8 });
    expect(ZTrainingSettings.parse(valid).civilServantDeadlineIncludesPublicInstitutions).toBe(false);
  });
  it("refuses each number outside its bounds, and a level that is not a certificate's", () => {
    for (const [k, bad] of [["trainingCompletionPercent", "0"], ["trainingCompletionPercent", "101"], ["supervisorMaxSupervisees", "0"], ["supervisionConfirmDays", "91"], ["civilServantDueDays", "6"], ["supervisorMinYears", "-1"], ["rotationCoverageYears", "1.5"]] as const) {
      const r = ZTrainingSettings.safeParse({ ...valid, [k]: bad });
      expect(!r.success && r.error.issues.map((i) => [i.path[0], i.message]), `${k}=${bad}`).toEqual([[k, "settingRange"]]);
    }
    const level = ZTrainingSettings.safeParse({ ...valid, supervisorMinLevel: "DEGREE" });
    expect(!level.success && level.error.issues[0]!.path[0]).toBe("supervisorMinLevel");
  });
});
