import { describe, expect, it } from "vitest";
import { listFilterParams, parseListFilter } from "@/domain/practitioners/list-filter";

describe("parseListFilter", () => {
  it("reads every filter and ignores what it does not know", () => {
    const f = parseListFilter({ q: "  李 ", district: "rg_1", employer: "org-2", level: "SOCIAL_WORKER", counts: "yes", entryPath: "RECRUITED", field: "SCHOOLS", group: "ELDERLY", status: "ACTIVE", registration: "due", regEnds: "90", sort: "qualifiedSince", page: "3" });
    expect(f).toEqual({ q: "李", district: "rg_1", employer: "org-2", level: "SOCIAL_WORKER", counts: "yes", entryPath: "RECRUITED", field: "SCHOOLS", group: "ELDERLY", status: "ACTIVE", registration: "due", regEnds: 90, regEndsInvalid: null, sort: "qualifiedSince", dir: "desc", page: 3 });
    const odd = parseListFilter({ district: "x' OR 1=1", level: "GOD", counts: "maybe", registration: "expired", regEnds: "-5", sort: "password", dir: "sideways", page: "abc" });
    expect(odd).toMatchObject({ district: "", level: "", counts: "", registration: "", regEnds: null, sort: "name", dir: "asc", page: 1 });
    // A number of days that is not one is not applied, but kept so that the page can say so.
    expect(odd.regEndsInvalid).toBe("-5");
    for (const bad of ["0", "3651", "abc", "1.5", "30天"]) expect(parseListFilter({ regEnds: bad }), bad).toMatchObject({ regEnds: null, regEndsInvalid: bad });
    expect(parseListFilter({ regEnds: "" }).regEndsInvalid).toBeNull();
    expect(parseListFilter({ regEnds: "3650" })).toMatchObject({ regEnds: 3650, regEndsInvalid: null });
  });

  it("takes the first of repeated params and reads URLSearchParams", () => {
    expect(parseListFilter({ status: ["LEFT", "ACTIVE"] }).status).toBe("LEFT");
    expect(parseListFilter(new URLSearchParams("q=SW2024&regEnds=30")).regEnds).toBe(30);
    // Bookmarks from before registrations: "expiring" reads as "registration ends within".
    expect(parseListFilter(new URLSearchParams("expiring=45")).regEnds).toBe(45);
  });

  it("round-trips through search params, leaving out defaults", () => {
    const f = parseListFilter({ q: "王", counts: "no", sort: "name", dir: "asc", page: "2" });
    expect(listFilterParams(f)).toEqual({ q: "王", counts: "no" });
    expect(listFilterParams(f, true)).toEqual({ q: "王", counts: "no", page: "2" });
    const g = parseListFilter({ sort: "entryDate", dir: "asc", regEnds: "30", registration: "lapsed" });
    expect(parseListFilter(listFilterParams(g))).toEqual(g);
  });
});
