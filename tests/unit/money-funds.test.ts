import { describe, expect, it } from "vitest";
import { fenToYuanInput, formatFen, parseYuan } from "@/lib/money";
import { availableFen, canCommit, minimumLineAmount, outstandingFen, usedPercent, type TLineTotals } from "@/domain/funds/rules";
import { ZAddBudgetLine, ZCreateFund } from "@/domain/funds/schemas";

describe("money in fen", () => {
  it("reads yuan as people type them", () => {
    expect(parseYuan("120000")).toBe(12_000_000n);
    expect(parseYuan("120,000.5")).toBe(12_000_050n);
    expect(parseYuan(" ¥ 1 234.05 ")).toBe(123_405n);
    expect(parseYuan("１２３４元")).toBe(123_400n);
    expect(parseYuan("０.０１")).toBe(1n);
    expect(parseYuan("99999999999.99")).toBe(9_999_999_999_999n);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "-5", "1.234", "abc", "1e5", "1..2", ".5", "123456789012", "12 34 a"]) expect(parseYuan(bad), bad).toBeNull();
  });

  it("formats exactly, beyond what a double holds", () => {
    expect(formatFen(123_405n, "zh-Hans")).toBe("¥1,234.05");
    expect(formatFen(-5n, "en")).toBe("-¥0.05");
    expect(formatFen(9_007_199_254_740_993n, "en")).toBe("¥90,071,992,547,409.93");
    expect(fenToYuanInput(12_000_050n)).toBe("120000.50");
  });
});

const line = (amount: bigint, committed = 0n, released = 0n, spent = 0n): TLineTotals => ({ amountFen: amount, committedFen: committed, releasedFen: released, spentFen: spent });

describe("a budget line's money", () => {
  it("what is left is the amount less outstanding promises and payments", () => {
    const t = line(100_000n, 50_000n, 20_000n, 20_000n);
    expect(outstandingFen(t)).toBe(30_000n);
    expect(availableFen(t)).toBe(50_000n);
    expect(minimumLineAmount(t)).toBe(50_000n);
    expect(usedPercent(t)).toBe(50);
  });

  it("promises only a positive amount within what is left", () => {
    const t = line(10_000n, 6_000n);
    expect(canCommit(t, 4_000n)).toBe(true);
    expect(canCommit(t, 4_001n)).toBe(false);
    expect(canCommit(t, 0n)).toBe(false);
    expect(canCommit(t, -1n)).toBe(false);
    expect(usedPercent(line(0n))).toBe(0);
  });

  it("validates funds and lines with the funds' own messages", () => {
    expect(ZCreateFund.safeParse({ year: "1999", name: "x" }).error?.issues[0]?.message).toBe("funds.validation.yearRange");
    expect(ZAddBudgetLine.safeParse({ fundId: "f", kind: "TRAINING_SUBSIDY", name: "n", amount: "12.345" }).error?.issues[0]?.message).toBe("funds.validation.amount");
    expect(ZAddBudgetLine.parse({ fundId: "f", kind: "TRAINING_SUBSIDY", name: "n", amount: "12.34" }).amount).toBe(1234n);
  });
});
