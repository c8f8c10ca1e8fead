import { describe, expect, it } from "vitest";
import { forecast, monthsSinceStart, neededPerMonth, planYear, targetAt, type TPlanTarget } from "@/domain/plan/target-line";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const plan: TPlanTarget = { startDate: d("2025-01-01"), startValue: 40, yearlyTarget: 50 };

describe("monthsSinceStart", () => {
  it("counts whole calendar months, 0 in the start month", () => {
    expect(monthsSinceStart(d("2025-01-01"), d("2025-01-31"))).toBe(0);
    expect(monthsSinceStart(d("2025-01-01"), d("2025-02-01"))).toBe(1);
    expect(monthsSinceStart(d("2025-01-01"), d("2026-11-29"))).toBe(22);
    expect(monthsSinceStart(d("2025-01-01"), d("2024-12-31"))).toBe(-1);
  });
});

describe("targetAt", () => {
  it("is the start value in the start month and before it", () => {
    expect(targetAt(plan, d("2025-01-01"))).toBe(40);
    expect(targetAt(plan, d("2025-01-31"))).toBe(40);
    expect(targetAt(plan, d("2024-06-01"))).toBe(40);
  });
  it("adds the yearly target prorated by whole months", () => {
    expect(targetAt(plan, d("2025-02-15"))).toBeCloseTo(40 + 50 / 12, 10);
    expect(targetAt(plan, d("2025-07-01"))).toBe(65);
    expect(targetAt(plan, d("2026-01-01"))).toBe(90);
    expect(targetAt(plan, d("2026-11-29"))).toBeCloseTo(40 + (50 * 22) / 12, 10);
    expect(targetAt(plan, d("2027-01-01"))).toBe(140);
  });
  it("follows a changed plan", () => {
    expect(targetAt({ startDate: d("2025-04-01"), startValue: 10, yearlyTarget: 24 }, d("2025-10-20"))).toBe(22);
  });
});

describe("planYear", () => {
  it("numbers plan years from 1 and counts the current month as still to work in", () => {
    expect(planYear(plan, d("2025-01-10"))).toEqual({ year: 1, endTarget: 90, monthsLeft: 12 });
    expect(planYear(plan, d("2025-12-31"))).toEqual({ year: 1, endTarget: 90, monthsLeft: 1 });
    expect(planYear(plan, d("2026-01-01"))).toEqual({ year: 2, endTarget: 140, monthsLeft: 12 });
    expect(planYear(plan, d("2026-11-29"))).toEqual({ year: 2, endTarget: 140, monthsLeft: 2 });
  });
  it("treats dates before the start as the first year", () => {
    expect(planYear(plan, d("2024-11-01"))).toEqual({ year: 1, endTarget: 90, monthsLeft: 12 });
  });
});

describe("neededPerMonth", () => {
  it("spreads the gap to this year's end target over the months left", () => {
    // 2026-11: year 2 ends at 140, two months left (November and December).
    expect(neededPerMonth(plan, 118, d("2026-11-29"))).toBe(11);
    expect(neededPerMonth(plan, 40, d("2025-01-01"))).toBeCloseTo(50 / 12, 10);
    expect(neededPerMonth(plan, 89, d("2025-12-05"))).toBe(1);
  });
  it("is 0 once the year's target is reached or passed", () => {
    expect(neededPerMonth(plan, 140, d("2026-11-29"))).toBe(0);
    expect(neededPerMonth(plan, 200, d("2026-03-01"))).toBe(0);
  });
});

describe("forecast", () => {
  it("continues a straight line from the last value with the least-squares slope", () => {
    expect(forecast([10, 12, 14, 16, 18, 20], 3)).toEqual([22, 24, 26]);
  });
  it("uses only the last `window` values", () => {
    // The early plateau is ignored: the last six rise by 3 a month.
    expect(forecast([5, 5, 5, 5, 0, 3, 6, 9, 12, 15], 2)).toEqual([18, 21]);
    expect(forecast([0, 0, 0, 0, 10, 20], 1, 2)).toEqual([30]);
  });
  it("fits noisy data by least squares, anchored on the last actual value", () => {
    // Slope of [1, 3, 2, 4] over x = 0..3 is 0.8; anchored on 4.
    const got = forecast([1, 3, 2, 4], 2);
    expect(got[0]).toBeCloseTo(4.8, 10);
    expect(got[1]).toBeCloseTo(5.6, 10);
  });
  it("is flat for a single value or a flat history, and zeros without history", () => {
    expect(forecast([7], 3)).toEqual([7, 7, 7]);
    expect(forecast([4, 4, 4], 2)).toEqual([4, 4]);
    expect(forecast([], 2)).toEqual([0, 0]);
    expect(forecast([1, 2, 3], 0)).toEqual([]);
  });
  it("never forecasts a negative head count", () => {
    expect(forecast([10, 6, 2], 3)).toEqual([0, 0, 0]);
  });
});
