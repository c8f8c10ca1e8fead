import { describe, expect, it } from "vitest";
import { parsePage, toPage } from "@/lib/pagination";

describe("parsePage", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["37", 37],
    ["100000", 100000],
  ])("%s → %i", (raw, page) => {
    expect(parsePage(raw)).toBe(page);
  });

  it.each([["0"], ["-3"], ["abc"], [""], ["100001"], ["1e9"], ["NaN"], ["Infinity"]])("%s → 1", (raw) => {
    expect(parsePage(raw)).toBe(1);
  });

  it("ignores anything that is not a single string", () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage(null)).toBe(1);
    expect(parsePage(5)).toBe(1);
    expect(parsePage(["3", "4"])).toBe(1);
  });
});

describe("toPage", () => {
  it("computes the page count", () => {
    expect(toPage([1, 2], 2, 1, 20)).toEqual({ items: [1, 2], total: 2, page: 1, pageSize: 20, pageCount: 1 });
    expect(toPage([], 20, 1, 20).pageCount).toBe(1);
    expect(toPage([], 21, 2, 20).pageCount).toBe(2);
    expect(toPage([], 101, 1, 25).pageCount).toBe(5);
  });

  it("has at least one page when empty", () => {
    expect(toPage([], 0, 1, 20)).toEqual({ items: [], total: 0, page: 1, pageSize: 20, pageCount: 1 });
  });
});
