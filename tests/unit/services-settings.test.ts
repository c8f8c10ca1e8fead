import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICES_SETTINGS, SERVICES_SETTING_BOUNDS, ZServicesSettings, type TServicesNumberSetting } from "@/domain/plan/services-settings";
import { fenToYuanInput } from "@/lib/money";
import { gradeOf, ratingOf } from "@/domain/evaluations/rules";

// The city's evaluation and purchased-services settings form (PlanTarget): each number's bounds,
// the order of the grade bands and of the 1A–5A table, and the threshold typed in yuan, kept in fen.

const ROOT = path.resolve(import.meta.dirname, "../..");
const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

/** The defaults as the form posts them. */
const form = (over: Record<string, string> = {}) => {
  const { disbursementApprovalFen, ...numbers } = DEFAULT_SERVICES_SETTINGS;
  return { ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, String(v)])), disbursementApprovalYuan: fenToYuanInput(disbursementApprovalFen), version: "3", ...over };
};

describe("defaults", () => {
  it("are the schema's defaults (prisma/schema.prisma, PlanTarget)", () => {
    const schema = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
    const block = /model PlanTarget \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? "";
    const defaults = Object.fromEntries([...block.matchAll(/^\s*(\w+)\s+(?:Int|BigInt)\s+@default\((\d+)\)/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(DEFAULT_SERVICES_SETTINGS).length).toBe(14);
    for (const [k, v] of Object.entries(DEFAULT_SERVICES_SETTINGS)) expect([k, defaults[k]]).toEqual([k, String(v)]);
  });

  it("parse back to themselves, the threshold in fen", () => {
    const r = ZServicesSettings.safeParse(form());
    expect(messages(r)).toEqual([]);
    const { version, disbursementApprovalYuan, ...numbers } = r.data!;
    expect(version).toBe(3);
    expect(disbursementApprovalYuan).toBe(10_000_000n);
    expect({ ...numbers, disbursementApprovalFen: disbursementApprovalYuan }).toEqual(DEFAULT_SERVICES_SETTINGS);
  });
});

describe("bounds", () => {
  it.each(Object.keys(SERVICES_SETTING_BOUNDS) as TServicesNumberSetting[])("%s: accepted at its bounds, refused beyond them", (k) => {
    const [min, max] = SERVICES_SETTING_BOUNDS[k];
    const rangeOf = (v: string) => messages(ZServicesSettings.safeParse(form({ [k]: v }))).filter((m) => m.startsWith(`${k}:`));
    expect(rangeOf(String(min - 1))).toEqual([`${k}:settingRange`]);
    expect(rangeOf(String(max + 1))).toEqual([`${k}:settingRange`]);
    expect(rangeOf("1.5")).toEqual([`${k}:settingRange`]);
    // Empty: "required" comes first, and the form shows a field's first problem (fieldErrorsOf).
    expect(rangeOf("")[0]).toBe(`${k}:required`);
    // At the bounds: no range error (an order error may follow for the thresholds, checked below).
    expect(rangeOf(String(min)).filter((m) => m.endsWith("settingRange"))).toEqual([]);
    expect(rangeOf(String(max)).filter((m) => m.endsWith("settingRange"))).toEqual([]);
  });

  it("states the ranges the issue sets", () => {
    expect(SERVICES_SETTING_BOUNDS).toMatchObject({ ratingValidityYears: [1, 10], appealWorkingDays: [1, 60], evaluationMinScorers: [1, 15], recusalYears: [0, 10], spotCheckPercent: [1, 100], failedEvaluationBarDays: [0, 3650], gradePassMin: [0, 100], rating2AMin: [0, 100] });
  });
});

describe("order", () => {
  it("excellent > good > pass: a tie or an inversion is refused under the lower band", () => {
    expect(messages(ZServicesSettings.safeParse(form({ gradeGoodMin: "90" })))).toEqual(["gradeGoodMin:servicesSettings.validation.belowExcellent"]);
    expect(messages(ZServicesSettings.safeParse(form({ gradePassMin: "85" })))).toEqual(["gradePassMin:servicesSettings.validation.belowGood"]);
    expect(messages(ZServicesSettings.safeParse(form({ gradeExcellentMin: "50" })))).toEqual(["gradeGoodMin:servicesSettings.validation.belowExcellent"]);
    expect(messages(ZServicesSettings.safeParse(form({ gradeExcellentMin: "50", gradeGoodMin: "50", gradePassMin: "50" })))).toEqual(["gradeGoodMin:servicesSettings.validation.belowExcellent", "gradePassMin:servicesSettings.validation.belowGood"]);
    expect(messages(ZServicesSettings.safeParse(form({ gradeExcellentMin: "95", gradeGoodMin: "85", gradePassMin: "70" })))).toEqual([]);
  });

  it("5A > 4A > 3A > 2A, each step refused under the lower line", () => {
    expect(messages(ZServicesSettings.safeParse(form({ rating4AMin: "95" })))).toEqual(["rating4AMin:servicesSettings.validation.below5A"]);
    expect(messages(ZServicesSettings.safeParse(form({ rating3AMin: "80" })))).toEqual(["rating3AMin:servicesSettings.validation.below4A"]);
    expect(messages(ZServicesSettings.safeParse(form({ rating2AMin: "75" })))).toEqual(["rating2AMin:servicesSettings.validation.below3A"]);
    expect(messages(ZServicesSettings.safeParse(form({ rating5AMin: "85", rating4AMin: "75", rating3AMin: "65", rating2AMin: "50" })))).toEqual([]);
  });

  it("reports every problem of a submit at once, and compares only numbers that parsed", () => {
    expect(messages(ZServicesSettings.safeParse(form({ gradeGoodMin: "95", appealWorkingDays: "0", rating5AMin: "x" })))).toEqual(
      expect.arrayContaining(["gradeGoodMin:servicesSettings.validation.belowExcellent", "appealWorkingDays:settingRange", "rating5AMin:settingRange"]),
    );
    // 5A did not parse: 4A is not said to be out of order against it.
    expect(messages(ZServicesSettings.safeParse(form({ rating5AMin: "x" })))).toEqual(["rating5AMin:settingRange"]);
  });

  it("the saved bands and table are what gradeOf and ratingOf read", () => {
    const r = ZServicesSettings.parse(form({ gradeExcellentMin: "95", gradeGoodMin: "85", gradePassMin: "70", rating4AMin: "85" }));
    expect(gradeOf(8300, r)).toBe("PASS");
    expect(gradeOf(8300)).toBe("GOOD");
    expect(gradeOf(6999, r)).toBe("FAIL");
    expect(ratingOf(8300, r)).toBe("A3");
    expect(ratingOf(8300)).toBe("A4");
  });
});

describe("disbursement threshold in yuan", () => {
  const fen = (v: string) => ZServicesSettings.safeParse(form({ disbursementApprovalYuan: v }));
  it("is typed in yuan and kept in fen", () => {
    expect(fen("100000").data?.disbursementApprovalYuan).toBe(10_000_000n);
    expect(fen("¥ 1,234.56").data?.disbursementApprovalYuan).toBe(123_456n);
    expect(fen("0").data?.disbursementApprovalYuan).toBe(0n);
    expect(fen("100000000").data?.disbursementApprovalYuan).toBe(10_000_000_000n);
  });
  it("refuses what is not an amount, and amounts beyond ¥100,000,000", () => {
    expect(messages(fen("1.234"))).toEqual(["disbursementApprovalYuan:servicesSettings.validation.amount"]);
    expect(messages(fen("-5"))).toEqual(["disbursementApprovalYuan:servicesSettings.validation.amount"]);
    expect(messages(fen(""))).toEqual(["disbursementApprovalYuan:required"]);
    expect(messages(fen("100000000.01"))).toEqual(["disbursementApprovalYuan:servicesSettings.validation.amount"]);
  });
});
