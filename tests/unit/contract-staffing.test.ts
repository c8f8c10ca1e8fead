import { describe, expect, it } from "vitest";
import { meetsStaffing, shortfallSince } from "@/domain/contracts/staffing";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("a contract's staffing", () => {
  it("needs at least N counting people and the share of counting among all named", () => {
    const rule = { minQualifiedStaff: 2, minQualifiedPercent: 60 };
    expect(meetsStaffing(rule, 3, 2)).toBe(true); // 66 % ≥ 60 %
    expect(meetsStaffing(rule, 4, 2)).toBe(false); // 50 % < 60 %
    expect(meetsStaffing(rule, 1, 1)).toBe(false); // one is fewer than two
  });

  it("falls short since the day enough people had stopped counting, not the first or last of them", () => {
    // Four named, three must count: the first to stop is still within the rule, the second breaks it.
    const rule = { minQualifiedStaff: 3, minQualifiedPercent: 0 };
    const people = [
      { since: d("2027-01-10"), reason: "LEFT_AGENCY" as const },
      { since: d("2027-03-01"), reason: "REGISTRATION_LAPSED" as const },
      { since: d("2027-05-01"), reason: "NOT_QUALIFIED" as const },
    ];
    expect(shortfallSince(rule, 4, 1, people)).toEqual(d("2027-03-01"));
    // Met today: no shortfall, whatever the history.
    expect(shortfallSince(rule, 4, 3, people.slice(0, 1))).toBeNull();
    // Two people stopping the same day count together.
    expect(shortfallSince({ minQualifiedStaff: 2, minQualifiedPercent: 0 }, 3, 0, [people[0]!, { since: d("2027-01-10"), reason: "LEFT_AGENCY" }, people[1]!])).toEqual(d("2027-01-10"));
  });
});
