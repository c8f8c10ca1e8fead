import { describe, expect, it } from "vitest";
import { countsTowardStaffing, eligibilityLines, isEligible, readSnapshot, type TEligibilityFacts } from "@/domain/service-calls/eligibility";
import { parseCityDateTime, cityDateTimeInput } from "@/domain/service-calls/rules";

// The eligibility check of a proposal, line by line (issue 13 §1), as a pure rule.

const today = new Date(Date.UTC(2027, 5, 15));
const DAY = 86_400_000;
const person = (over: Partial<TEligibilityFacts["staff"][number]> = {}) => ({ id: Math.random().toString(36), name: "社工", organizationId: "A", status: "ACTIVE", qualificationLevel: "SOCIAL_WORKER", registrationEnd: new Date(today.getTime() + DAY), ...over });
const facts = (over: Partial<TEligibilityFacts> = {}): TEligibilityFacts => ({ agencyId: "A", agencyStatus: "ACTIVE", rating: "A3", integrity: [], staff: [person(), person()], unknownStaff: 0, ...over });
const call = { minRating: null, minQualifiedStaff: 2, minQualifiedPercent: 50 };
const failing = (f: TEligibilityFacts, c = call) => eligibilityLines(f, c, today, 365).filter((l) => !l.ok).map((l) => l.key);

describe("eligibility lines", () => {
  it("passes an active agency with two counting staff and no records", () => {
    const lines = eligibilityLines(facts(), call, today, 365);
    expect(lines.map((l) => l.key)).toEqual(["agencyActive", "notBlacklisted", "notAbnormal", "rating", "noFailedEvaluation", "staffEmployed", "staffing"]);
    expect(isEligible(lines)).toBe(true);
  });

  it("fails each line on its own", () => {
    expect(failing(facts({ agencyStatus: "SUSPENDED" }))).toEqual(["agencyActive"]);
    expect(failing(facts({ integrity: [{ kind: "BLACKLIST", occurredOn: new Date(today.getTime() - DAY), endsOn: null }] }))).toEqual(["notBlacklisted"]);
    expect(failing(facts({ integrity: [{ kind: "ABNORMAL_LIST", occurredOn: today, endsOn: new Date(today.getTime() + DAY) }] }))).toEqual(["notAbnormal"]);
    expect(failing(facts({ rating: "A2" }), { ...call, minRating: "A3" } as never)).toEqual(["rating"]);
    expect(failing(facts({ rating: null }), { ...call, minRating: "A1" } as never)).toEqual(["rating"]);
    expect(failing(facts({ integrity: [{ kind: "EVALUATION_FAILED", occurredOn: new Date(today.getTime() - 364 * DAY), endsOn: null }] }))).toEqual(["noFailedEvaluation"]);
    expect(failing(facts({ staff: [person(), person({ organizationId: "B" })] }))).toEqual(["staffEmployed", "staffing"]);
    expect(failing(facts({ staff: [person(), person(), person()], unknownStaff: 1 }))).toEqual(["staffEmployed"]);
  });

  it("an ended blacklist entry, or a failed evaluation older than the bar, no longer bars", () => {
    expect(failing(facts({ integrity: [{ kind: "BLACKLIST", occurredOn: new Date(today.getTime() - 100 * DAY), endsOn: today }] }))).toEqual([]);
    expect(failing(facts({ integrity: [{ kind: "EVALUATION_FAILED", occurredOn: new Date(today.getTime() - 365 * DAY), endsOn: null }] }))).toEqual([]);
  });

  it("counts only active, employed, qualified people with a current registration; the share is of all named", () => {
    expect(countsTowardStaffing(person({ registrationEnd: today }), "A", today)).toBe(true);
    expect(countsTowardStaffing(person({ registrationEnd: new Date(today.getTime() - DAY) }), "A", today)).toBe(false);
    expect(countsTowardStaffing(person({ qualificationLevel: "NONE" }), "A", today)).toBe(false);
    expect(countsTowardStaffing(person({ status: "LEFT" }), "A", today)).toBe(false);
    // 2 counting of 5 named = 40% < 50%.
    const five = [person(), person(), person({ qualificationLevel: "NONE" }), person({ qualificationLevel: "NONE" }), person({ registrationEnd: null })];
    const line = eligibilityLines(facts({ staff: five }), call, today, 365).find((l) => l.key === "staffing")!;
    expect(line).toMatchObject({ ok: false, params: { counting: 2, named: 5, minStaff: 2, minPercent: 50 } });
  });

  it("names only the agency's own people among those not employed; a snapshot reads back", () => {
    const lines = eligibilityLines(facts({ staff: [person({ name: "离职者", status: "LEFT" }), person({ name: "别家", organizationId: "B" })] }), call, today, 365);
    expect(lines.find((l) => l.key === "staffEmployed")!.params).toEqual({ count: 2, names: "离职者" });
    expect(readSnapshot({ checkedAt: "2027-06-15T00:00:00.000Z", eligible: false, lines })?.eligible).toBe(false);
    expect(readSnapshot(null)).toBeNull();
  });
});

describe("deadline in the city's time", () => {
  it("reads YYYY-MM-DDTHH:mm as UTC+8 and writes it back", () => {
    const d = parseCityDateTime("2027-06-30T17:00")!;
    expect(d.toISOString()).toBe("2027-06-30T09:00:00.000Z");
    expect(cityDateTimeInput(d)).toBe("2027-06-30T17:00");
    expect(parseCityDateTime("2027-02-30T10:00")).toBeNull();
    expect(parseCityDateTime("2027-06-30 17:00")).toBeNull();
  });
});
