import { describe, expect, it } from "vitest";
import { contractProblems, contractReferenceSequence, formatContractReference, formatPoints, isValidScore, proposalTotal, rankProposals, sheetTotal, toHundredths } from "@/domain/scoring/rules";
import { contractFormInput, scoreFormInput, ZCreateContract, ZDeclareConflict, ZScoreProposal, ZSelectProposal } from "@/domain/scoring/schemas";

const criteria = [
  { id: "a", weight: 40, maxScore: 100 },
  { id: "b", weight: 35, maxScore: 50 },
  { id: "c", weight: 25, maxScore: 10 },
];
const sheet = (a: number, b: number, c: number) => new Map([["a", a], ["b", b], ["c", c]]);

describe("weighted totals", () => {
  it("weights each score by its share of the criterion's maximum, out of 100", () => {
    // 80/100×40 + 25/50×35 + 7/10×25 = 32 + 17.5 + 17.5 = 67
    expect(toHundredths(sheetTotal(criteria, sheet(80, 25, 7))!)).toBe(6700);
    // Full marks give 100; nothing gives 0.
    expect(toHundredths(sheetTotal(criteria, sheet(100, 50, 10))!)).toBe(10000);
    expect(toHundredths(sheetTotal(criteria, sheet(0, 0, 0))!)).toBe(0);
  });

  it("an incomplete sheet has no total and does not count", () => {
    expect(sheetTotal(criteria, new Map([["a", 90]]))).toBeNull();
    const { total, sheets } = proposalTotal(criteria, [sheet(80, 25, 7), new Map([["a", 10]])]);
    expect(sheets).toBe(1);
    expect(toHundredths(total!)).toBe(6700);
  });

  it("averages the scorers exactly and rounds half up only for display", () => {
    // 67 and 33/100×40 + 1/50×35 + 1/10×25 = 13.2 + 0.7 + 2.5 = 16.4 → mean 41.7
    const { total } = proposalTotal(criteria, [sheet(80, 25, 7), sheet(33, 1, 1)]);
    expect(formatPoints(toHundredths(total!))).toBe("41.70");
    // 1/3 of a point: 0.333… → 0.33; 2/3 → 0.67
    expect(toHundredths({ num: 1n, den: 3n })).toBe(33);
    expect(toHundredths({ num: 2n, den: 3n })).toBe(67);
    expect(toHundredths({ num: 1n, den: 200n })).toBe(1);
  });

  it("ranks highest first, ties share a rank, unscored last without one", () => {
    const ranked = rankProposals([
      { id: "low", total: { num: 50n, den: 1n } },
      { id: "none", total: null },
      { id: "top", total: { num: 301n, den: 3n } },
      { id: "tieA", total: { num: 70n, den: 1n } },
      { id: "tieB", total: { num: 140n, den: 2n } },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["top", 1], ["tieA", 2], ["tieB", 2], ["low", 4], ["none", null]]);
  });
});

describe("scores", () => {
  it("accepts whole numbers from 0 to the maximum only", () => {
    expect(isValidScore(0, 10)).toBe(true);
    expect(isValidScore(10, 10)).toBe(true);
    expect(isValidScore(11, 10)).toBe(false);
    expect(isValidScore(-1, 10)).toBe(false);
    expect(isValidScore(2.5, 10)).toBe(false);
  });

  it("the form refuses signs, decimals and blanks before the server sees them", () => {
    const parse = (score: Record<string, string>) => ZScoreProposal.safeParse({ callId: "c", proposalId: "p", score });
    expect(parse({ a: "7" }).success).toBe(true);
    for (const bad of ["-1", "2.5", "abc", "", "12345"]) expect(parse({ a: bad }).success, bad).toBe(false);
    const fd = new FormData();
    fd.set("callId", "c");
    fd.set("proposalId", "p");
    fd.set("score.x1", "5");
    fd.set("other", "1");
    expect(scoreFormInput(fd)).toEqual({ callId: "c", proposalId: "p", score: { x1: "5" } });
  });

  it("a declared conflict needs a note; a selection needs a reason", () => {
    expect(ZDeclareConflict.safeParse({ callId: "c", conflict: "yes", conflictNote: "" }).success).toBe(false);
    expect(ZDeclareConflict.parse({ callId: "c", conflict: "no", conflictNote: "x" })).toMatchObject({ conflict: false });
    expect(ZSelectProposal.safeParse({ callId: "c", version: "1", proposalId: "p", reason: "  " }).success).toBe(false);
  });
});

describe("contracts", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  const base = { valueFen: 100_00n, budgetFen: 200_00n, termStart: day("2027-01-01"), termEnd: day("2027-12-31") };

  it("milestones add up to the value exactly, fall within the term, and the value stays within the budget", () => {
    expect(contractProblems({ ...base, milestones: [{ dueDate: day("2027-06-30"), amountFen: 60_00n }, { dueDate: day("2027-12-31"), amountFen: 40_00n }] })).toEqual({});
    expect(contractProblems({ ...base, milestones: [{ dueDate: day("2027-06-30"), amountFen: 99_99n }] })).toEqual({ milestones: "scoring.validation.milestonesSum" });
    expect(contractProblems({ ...base, milestones: [{ dueDate: day("2028-01-01"), amountFen: 100_00n }] })).toEqual({ "milestones.0.dueDate": "scoring.validation.dueOutsideTerm" });
    expect(contractProblems({ ...base, budgetFen: 99_99n, milestones: [{ dueDate: day("2027-06-30"), amountFen: 100_00n }] })).toEqual({ value: "scoring.validation.valueAboveBudget" });
    expect(contractProblems({ ...base, milestones: [] })).toEqual({ milestones: "scoring.validation.milestonesRequired" });
    expect(contractProblems({ ...base, valueFen: 0n, milestones: [{ dueDate: day("2027-06-30"), amountFen: 0n }] })).toEqual({ value: "scoring.validation.valuePositive" });
  });

  it("the form gathers milestone rows in order and reports problems under the row's field", () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ callId: "c", value: "1,000.00", termStart: "2027-01-01", termEnd: "2027-12-31", "milestones.1.title": "二", "milestones.1.deliverable": "报告", "milestones.1.dueDate": "2028-02-01", "milestones.1.amount": "400", "milestones.0.title": "一", "milestones.0.deliverable": "方案", "milestones.0.dueDate": "2027-03-01", "milestones.0.amount": "600" })) fd.set(k, v);
    const input = contractFormInput(fd);
    expect(input.milestones.map((m) => m.title)).toEqual(["一", "二"]);
    const parsed = ZCreateContract.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["milestones.1.dueDate", "scoring.validation.dueOutsideTerm"]]);
  });

  it("references read HT-<year>-<sequence>", () => {
    expect(formatContractReference(2027, 7)).toBe("HT-2027-0007");
    expect(contractReferenceSequence("HT-2027-0012", 2027)).toBe(12);
    expect(contractReferenceSequence("HT-2026-0012", 2027)).toBe(0);
  });
});
