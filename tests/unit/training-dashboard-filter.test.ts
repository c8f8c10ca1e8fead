import { describe, expect, it } from "vitest";
import { parseExportTable, parseTrainingDashboardFilter, trainingDashboardParams, trainingDashboardPeriod } from "@/domain/dashboards/training-filter";

const today = new Date("2026-12-06T00:00:00Z");
const parse = (q: string) => parseTrainingDashboardFilter(new URLSearchParams(q), today);

describe("the training dashboard's filter", () => {
  it("defaults to this year and the reader's own scope", () => {
    const f = parse("");
    expect(f).toEqual({ year: 2026, from: null, to: null, rangeInvalid: false, typed: { from: "", to: "" }, view: null });
    expect(trainingDashboardPeriod(f)).toEqual({ from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-12-31T00:00:00Z") });
    expect(trainingDashboardParams(f)).toEqual({ year: "2026", from: undefined, to: undefined, view: undefined });
  });

  it("a year, or a range of days that replaces it; a broken range is dropped and said so", () => {
    expect(parse("year=2025").year).toBe(2025);
    expect(parse("year=1999").year).toBe(2026);
    expect(parse("year=abc").year).toBe(2026);
    const r = parse("year=2025&from=2026-03-01&to=2026-05-31");
    expect(trainingDashboardPeriod(r)).toEqual({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-05-31T00:00:00Z") });
    expect(trainingDashboardParams(r)).toEqual({ year: undefined, from: "2026-03-01", to: "2026-05-31", view: undefined });
    for (const q of ["from=2026-03-01", "to=2026-03-01", "from=2026-05-01&to=2026-03-01", "from=2026-02-30&to=2026-03-01", "from=2015-01-01&to=2026-01-01"]) {
      const f = parse(q);
      expect(f, q).toMatchObject({ from: null, to: null, rangeInvalid: true });
    }
    // What was typed is kept for the form, beside the message.
    expect(parse("from=2026-05-01&to=2026-03-01").typed).toEqual({ from: "2026-05-01", to: "2026-03-01" });
  });

  it("a view names a district or a department by id; anything else is no view", () => {
    expect(parse("view=district:abc_1").view).toEqual({ kind: "district", id: "abc_1" });
    expect(parse("view=department:xyz").view).toEqual({ kind: "department", id: "xyz" });
    for (const q of ["view=street:abc", "view=district:", "view=district:a%20b", "view=abc"]) expect(parse(q).view, q).toBeNull();
    expect(trainingDashboardParams(parse("view=department:xyz")).view).toBe("department:xyz");
  });

  it("exports name one of the dashboard's tables", () => {
    expect(parseExportTable("kinds")).toBe("kinds");
    expect(parseExportTable("users")).toBeNull();
    expect(parseExportTable(null)).toBeNull();
  });
});
