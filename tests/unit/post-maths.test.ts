import { describe, expect, it } from "vitest";
import { fillRate, isCompliant, isCurrentAssignment, requiredHeadcount, summariseFill } from "@/domain/posts/post-maths";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("requiredHeadcount", () => {
  it("a department post needs its headcount", () => {
    expect(requiredHeadcount({ kind: "DEPARTMENT", headcount: 3 })).toBe(3);
    expect(requiredHeadcount({ kind: "DEPARTMENT", headcount: 0 })).toBe(0);
  });
  it("a ratio post needs ceil(basis / N)", () => {
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 100, ratioPerWorker: 50 })).toBe(2);
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 120, ratioPerWorker: 50 })).toBe(3);
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 1, ratioPerWorker: 500 })).toBe(1);
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 1500, ratioPerWorker: 500 })).toBe(3);
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 1501, ratioPerWorker: 500 })).toBe(4);
  });
  it("a ratio post with no basis or no ratio needs nobody", () => {
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 0, ratioPerWorker: 50 })).toBe(0);
    expect(requiredHeadcount({ kind: "RATIO", basisCount: 10, ratioPerWorker: 0 })).toBe(0);
  });
});

describe("fill rates", () => {
  it("filled over required, null when nothing is required", () => {
    expect(fillRate(1, 4)).toBe(0.25);
    expect(fillRate(5, 4)).toBe(1.25);
    expect(fillRate(0, 0)).toBeNull();
  });
  it("compliance is reaching the requirement", () => {
    expect(isCompliant({ required: 3, filled: 3 })).toBe(true);
    expect(isCompliant({ required: 3, filled: 2 })).toBe(false);
    expect(isCompliant({ required: 0, filled: 0 })).toBe(true);
  });
  it("summaries cap each post at its requirement so over-filling cannot hide a vacancy", () => {
    const s = summariseFill([
      { required: 2, filled: 4, qualifiedFilled: 1 },
      { required: 2, filled: 0, qualifiedFilled: 0 },
    ]);
    expect(s).toEqual({ posts: 2, required: 4, filled: 2, qualifiedFilled: 1, fillRate: 0.5, qualifiedFillRate: 0.25, compliant: 1, complianceRate: 0.5 });
  });
  it("an empty group has no rates", () => {
    expect(summariseFill([])).toMatchObject({ posts: 0, required: 0, fillRate: null, qualifiedFillRate: null, complianceRate: null });
  });
});

describe("isCurrentAssignment", () => {
  it("holds from its first day until the day before `to`", () => {
    const a = { from: day("2026-01-01"), to: day("2026-06-01") };
    expect(isCurrentAssignment(a, day("2025-12-31"))).toBe(false);
    expect(isCurrentAssignment(a, day("2026-01-01"))).toBe(true);
    expect(isCurrentAssignment(a, day("2026-05-31"))).toBe(true);
    expect(isCurrentAssignment(a, day("2026-06-01"))).toBe(false);
    expect(isCurrentAssignment({ from: day("2026-01-01"), to: null }, day("2030-01-01"))).toBe(true);
  });
});
