import { describe, expect, it } from "vitest";
import { sharePercent, tenThousandYuan, topWithRest, wholeYuan } from "@/domain/services-dashboard/share";
import { BUDGET_LINE_KINDS } from "@/domain/funds/schemas";

describe("purchased-services shares", () => {
  it("is a percentage with one decimal, rounded half up, on integer fen", () => {
    expect(sharePercent(40_000_000n, 60_000_000n)).toBe(66.7);
    expect(sharePercent(1n, 3n)).toBe(33.3);
    expect(sharePercent(1n, 8n)).toBe(12.5);
    expect(sharePercent(1n, 1600n)).toBe(0.1); // 0.0625 % → 0.1
    expect(sharePercent(0n, 5n)).toBe(0);
    expect(sharePercent(5n, 5n)).toBe(100);
    expect(sharePercent(5n, 0n)).toBeNull();
    // Beyond a double's exact integers: still exact.
    expect(sharePercent(2n ** 70n, 2n ** 71n)).toBe(50);
  });

  it("yuan and ten-thousands of yuan for bars", () => {
    expect(wholeYuan(12_345n)).toBe(123);
    expect(wholeYuan(99n)).toBe(0);
    expect(tenThousandYuan(30_000_000n)).toBe(30);
    expect(tenThousandYuan(149_999n)).toBe(0);
    expect(tenThousandYuan(1_500_000n)).toBe(2);
  });

  it("a long breakdown keeps its largest rows and sums the rest into one", () => {
    const rows = [5n, 4n, 3n, 2n, 1n].map((v, i) => ({ key: String(i), contracts: 1, promisedFen: v, paidFen: 1n }));
    expect(topWithRest(rows, 5)).toEqual({ top: rows, rest: null });
    const { top, rest } = topWithRest(rows, 3);
    expect(top.map((r) => r.key)).toEqual(["0", "1"]);
    expect(rest).toEqual({ count: 3, contracts: 3, promisedFen: 6n, paidFen: 3n });
  });

  it("the money model has the special fund's lines (one model, the training issue's)", () => {
    expect(BUDGET_LINE_KINDS).toEqual(["TRAINING_SUBSIDY", "PURCHASED_SERVICES", "TALENT_AWARDS", "NEW_AGENCY_SUPPORT", "CONTRIBUTIONS", "OTHER"]);
  });
});
