import { describe, expect, it } from "vitest";
import { cohortOutlook, compareUrgency, proposeCohort, type TCohortCandidate } from "@/domain/rotation/cohort";
import { coverageSince, isCovered, rotationShare } from "@/domain/rotation/coverage";
import { ZCohortSize, ZEnrolCohort } from "@/domain/rotation/schemas";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let seq = 0;
/** A candidate: district, department, last rotation (null: never), name. */
const c = (district: string | null, department: string, last: string | null, name = `p${++seq}`, id = name): TCohortCandidate => ({ id, name, districtKey: district, departmentKey: department, lastRotation: last ? d(last) : null });
const names = (xs: TCohortCandidate[]) => xs.map((x) => x.name);

describe("who has gone longest without rotation training", () => {
  it("never trained first, then the oldest last rotation; ties by name, then id (code-point order)", () => {
    const pool = [c("A", "a1", "2024-05-01", "丙"), c("A", "a1", null, "乙"), c("A", "a1", "2022-01-01", "甲"), c("A", "a1", null, "乙", "z"), c("A", "a1", null, "乙", "a"), c("A", "a1", null, "丁")];
    expect(pool.sort(compareUrgency).map((x) => `${x.name}${x.id === x.name ? "" : x.id}`)).toEqual(["丁", "乙a", "乙z", "乙", "甲", "丙"]);
  });
});

describe("proposeCohort", () => {
  it("alternates between districts, and within a district between its departments, longest-untrained first", () => {
    const pool = [
      // District A: two departments; a1 has the most urgent person of all.
      c("A", "a1", null, "A1-never"),
      c("A", "a1", "2020-01-01", "A1-2020"),
      c("A", "a1", "2021-01-01", "A1-2021"),
      c("A", "a2", "2019-01-01", "A2-2019"),
      c("A", "a2", "2023-01-01", "A2-2023"),
      // District B: one department.
      c("B", "b1", "2018-01-01", "B1-2018"),
      c("B", "b1", "2022-06-01", "B1-2022"),
      // The city level (no district).
      c(null, "city", "2017-01-01", "C-2017"),
    ];
    // Districts by their most urgent: A (never), then the city level (2017), then B (2018).
    // A's departments: a1 (never), then a2 (2019).
    expect(names(proposeCohort(pool, 8))).toEqual(["A1-never", "C-2017", "B1-2018", "A2-2019", "B1-2022", "A1-2020", "A2-2023", "A1-2021"]);
    // The first N of the same order.
    expect(names(proposeCohort(pool, 3))).toEqual(["A1-never", "C-2017", "B1-2018"]);
  });

  it("balances a large department against a small one: neither fills the cohort", () => {
    const big = Array.from({ length: 10 }, (_, i) => c("A", "big", null, `big${String(i).padStart(2, "0")}`));
    const small = [c("A", "small", "2015-01-01", "small1"), c("A", "small", "2016-01-01", "small2")];
    const cohort = proposeCohort([...big, ...small], 6);
    expect(names(cohort)).toEqual(["big00", "small1", "big01", "small2", "big02", "big03"]);
    expect(cohort.filter((x) => x.departmentKey === "small")).toHaveLength(2);
  });

  it("gives each district an equal turn however many departments it has", () => {
    const manyDepts = Array.from({ length: 6 }, (_, i) => c("A", `a${i}`, null, `A${i}`));
    const oneDept = Array.from({ length: 6 }, (_, i) => c("B", "b", null, `B${i}`));
    const cohort = proposeCohort([...manyDepts, ...oneDept], 6);
    expect(cohort.filter((x) => x.districtKey === "A")).toHaveLength(3);
    expect(cohort.filter((x) => x.districtKey === "B")).toHaveLength(3);
    // A's three come from three different departments.
    expect(new Set(cohort.filter((x) => x.districtKey === "A").map((x) => x.departmentKey)).size).toBe(3);
  });

  it("proposes the whole pool, once each, when N is larger than the pool", () => {
    const pool = [c("A", "a", "2020-01-01", "x"), c("B", "b", null, "y"), c("B", "b2", null, "y", "y"), c("A", "a", null, "z")];
    const cohort = proposeCohort(pool, 50);
    expect(cohort).toHaveLength(3);
    expect(new Set(cohort.map((x) => x.id)).size).toBe(3);
    expect(names(cohort)).toEqual(["y", "z", "x"]);
  });

  it("breaks ties between groups by key, and gives nothing for N ≤ 0 or an empty pool", () => {
    const pool = [c("B", "b", null, "same", "2"), c("A", "a", null, "same", "1")];
    // Same urgency for both districts' heads except the id: A's "1" sorts first.
    expect(proposeCohort(pool, 2).map((x) => x.id)).toEqual(["1", "2"]);
    expect(proposeCohort(pool, 0)).toEqual([]);
    expect(proposeCohort([], 5)).toEqual([]);
  });

  it("does not depend on the order the pool comes in", () => {
    const pool = [c("A", "a1", null, "n1"), c("A", "a2", "2020-01-01", "n2"), c("B", "b1", "2019-03-01", "n3"), c("B", "b2", null, "n4"), c(null, "x", "2021-01-01", "n5")];
    const expected = names(proposeCohort(pool, 5));
    expect(names(proposeCohort([...pool].reverse(), 5))).toEqual(expected);
    expect(names(proposeCohort([pool[2]!, pool[0]!, pool[4]!, pool[1]!, pool[3]!], 5))).toEqual(expected);
  });
});

describe("coverage rules", () => {
  const today = d("2026-12-06");
  it("counts a rotation programme that ended within the last N years, the first day included", () => {
    expect(coverageSince(today, 3)).toEqual(d("2023-12-06"));
    expect(isCovered(d("2023-12-06"), today, 3)).toBe(true);
    expect(isCovered(d("2023-12-05"), today, 3)).toBe(false);
    expect(isCovered(d("2026-01-01"), today, 1)).toBe(true);
    expect(isCovered(d("2025-12-05"), today, 1)).toBe(false);
    expect(isCovered(null, today, 3)).toBe(false);
  });
  it("29 February's window starts on 1 March in a common year", () => {
    expect(coverageSince(d("2028-02-29"), 1)).toEqual(d("2027-03-01"));
  });
  it("has no share when nobody is listed", () => {
    expect(rotationShare(0, 0)).toBeNull();
    expect(rotationShare(2, 8)).toBe(0.25);
  });
});

describe("what a cohort will get", () => {
  it("places while they last, then the waiting list; the subsidy of the places against the line", () => {
    expect(cohortOutlook(5, 3, 50_000, 1_000_000n)).toEqual({ places: 3, waiting: 2, needed: 150_000n, beyondLine: false });
    expect(cohortOutlook(5, 0, 50_000, 0n)).toEqual({ places: 0, waiting: 5, needed: 0n, beyondLine: false });
    expect(cohortOutlook(4, 10, 50_000, 150_000n)).toEqual({ places: 4, waiting: 0, needed: 200_000n, beyondLine: true });
    expect(cohortOutlook(3, 10, 50_000, 150_000n).beyondLine).toBe(false);
    expect(cohortOutlook(3, 10, 0, 0n).beyondLine).toBe(false);
    expect(cohortOutlook(3, 10, 50_000, null).beyondLine).toBe(false);
  });
});

describe("schemas", () => {
  it("asks for a cohort of 1 to 200, digits in any width", () => {
    expect(ZCohortSize.parse("１２")).toBe(12);
    expect(ZCohortSize.safeParse("0").success).toBe(false);
    expect(ZCohortSize.safeParse("201").success).toBe(false);
    expect(ZCohortSize.safeParse("2.5").success).toBe(false);
    expect(ZEnrolCohort.safeParse({ trainingId: "t", practitionerIds: [] }).error?.issues[0]?.message).toBe("rotation.validation.nobodyChosen");
  });
});
