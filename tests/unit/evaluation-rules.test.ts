import { describe, expect, it } from "vitest";
import { addWorkingDays, drawSample, gradeOf, isWorkingDay, panelResult, ratingOf, sheetHundredths, spotCheckSize, type TCalendar } from "@/domain/evaluations/rules";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

// The State Council's 2026 schedule (国务院办公厅, 2025-11-04), the part around 国庆节.
const CAL_2026: TCalendar = new Map([
  ...["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"].map((d) => [d, "HOLIDAY"] as const),
  ["2026-09-20", "WORKDAY"] as const,
  ["2026-10-10", "WORKDAY"] as const,
  ...["2026-09-25", "2026-09-26", "2026-09-27"].map((d) => [d, "HOLIDAY"] as const),
]);

describe("a scorer's weighted total", () => {
  const criteria = [
    { id: "a", weight: 40 },
    { id: "b", weight: 35 },
    { id: "c", weight: 25 },
  ];
  it("is Σ score × weight, in hundredths", () => {
    expect(sheetHundredths(criteria, new Map([["a", 90], ["b", 80], ["c", 71]]))).toBe(90 * 40 + 80 * 35 + 71 * 25);
    expect(sheetHundredths(criteria, new Map([["a", 100], ["b", 100], ["c", 100]]))).toBe(10000);
    expect(sheetHundredths(criteria, new Map([["a", 0], ["b", 0], ["c", 0]]))).toBe(0);
  });
  it("refuses a missing criterion or a score outside 0–100 or not whole", () => {
    expect(sheetHundredths(criteria, new Map([["a", 90], ["b", 80]]))).toBeNull();
    expect(sheetHundredths(criteria, new Map([["a", 101], ["b", 80], ["c", 70]]))).toBeNull();
    expect(sheetHundredths(criteria, new Map([["a", -1], ["b", 80], ["c", 70]]))).toBeNull();
    expect(sheetHundredths(criteria, new Map([["a", 89.5], ["b", 80], ["c", 70]]))).toBeNull();
  });
});

describe("the panel's result", () => {
  it("is the mean, rounded half up in hundredths, with the spread", () => {
    expect(panelResult([8000, 9000, 8500])).toEqual({ meanHundredths: 8500, spreadHundredths: 1000 });
    // (8001 + 8002) / 2 = 8001.5 → 8002
    expect(panelResult([8001, 8002])).toEqual({ meanHundredths: 8002, spreadHundredths: 1 });
    expect(panelResult([5999, 6000, 6000])).toEqual({ meanHundredths: 6000, spreadHundredths: 1 });
    expect(panelResult([])).toBeNull();
  });
});

describe("grade bands and the rating table", () => {
  it("优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below, at the edges", () => {
    expect([9000, 8999, 8000, 7999, 6000, 5999, 0].map((s) => gradeOf(s))).toEqual(["EXCELLENT", "GOOD", "GOOD", "PASS", "PASS", "FAIL", "FAIL"]);
  });
  it("follows the city's own bands", () => {
    expect(gradeOf(8500, { gradeExcellentMin: 85, gradeGoodMin: 75, gradePassMin: 65 })).toBe("EXCELLENT");
    expect(gradeOf(6400, { gradeExcellentMin: 85, gradeGoodMin: 75, gradePassMin: 65 })).toBe("FAIL");
  });
  it("≥ 90 5A, ≥ 80 4A, ≥ 70 3A, ≥ 60 2A, below 1A", () => {
    expect([10000, 9000, 8999, 8000, 7000, 6999, 6000, 5999].map((s) => ratingOf(s))).toEqual(["A5", "A5", "A4", "A4", "A3", "A2", "A2", "A1"]);
  });
});

describe("working days by the city's calendar", () => {
  it("weekdays work, weekends rest, holidays rest, make-up days work", () => {
    expect(isWorkingDay(day("2026-09-21"), CAL_2026)).toBe(true); // Monday
    expect(isWorkingDay(day("2026-09-19"), CAL_2026)).toBe(false); // Saturday
    expect(isWorkingDay(day("2026-09-20"), CAL_2026)).toBe(true); // Sunday, made up
    expect(isWorkingDay(day("2026-10-01"), CAL_2026)).toBe(false); // 国庆节
    expect(isWorkingDay(day("2026-10-10"), CAL_2026)).toBe(true); // Saturday, made up
  });
  it("ten working days after a publication before 国庆节 skip the holiday and count the make-up Saturday", () => {
    // Published Wednesday 23 September: 24 (Thu), 28, 29, 30 (Mon–Wed), 8, 9 (Thu, Fri), 10 (Sat, made up), 12, 13, 14.
    expect(iso(addWorkingDays(day("2026-09-23"), 10, CAL_2026))).toBe("2026-10-14");
    // Without the calendar, the same window ends two weeks after it begins.
    expect(iso(addWorkingDays(day("2026-09-23"), 10, new Map()))).toBe("2026-10-07");
    expect(iso(addWorkingDays(day("2026-09-23"), 0, CAL_2026))).toBe("2026-09-23");
    expect(() => addWorkingDays(day("2026-09-23"), -1, CAL_2026)).toThrow(RangeError);
  });
});

describe("a spot check's size", () => {
  it("is at least the share, rounded up, never more than there are", () => {
    expect(spotCheckSize(10, 30)).toBe(3);
    expect(spotCheckSize(11, 30)).toBe(4);
    expect(spotCheckSize(1, 30)).toBe(1);
    expect(spotCheckSize(0, 30)).toBe(0);
    expect(spotCheckSize(5, 100)).toBe(5);
  });
});

describe("a spot check's seeded draw", () => {
  const population = Array.from({ length: 40 }, (_, i) => `m${String(i).padStart(3, "0")}`);
  it("the same seed and population give the same sample, whatever the population's order", () => {
    const a = drawSample(population, 12, "7f3a9c01d2e4b5a6");
    const b = drawSample([...population].reverse(), 12, "7f3a9c01d2e4b5a6");
    expect(a).toEqual(b);
    expect(a).toHaveLength(12);
    expect(new Set(a).size).toBe(12);
    for (const id of a) expect(population).toContain(id);
  });
  it("another seed gives another sample", () => {
    expect(drawSample(population, 12, "7f3a9c01d2e4b5a6")).not.toEqual(drawSample(population, 12, "0000000000000001"));
  });
  it("is not simply the first items, and never more than the population", () => {
    expect(drawSample(population, 12, "seed-a")).not.toEqual(population.slice(0, 12));
    expect(drawSample(population.slice(0, 3), 10, "seed-a")).toHaveLength(3);
    expect(drawSample([], 5, "seed-a")).toEqual([]);
  });
  it("spreads over the whole population (every item is drawn by some seed)", () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) for (const id of drawSample(population, 12, `s${s}`)) seen.add(id);
    expect(seen.size).toBe(population.length);
  });
});
