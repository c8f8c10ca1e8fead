import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { orgFitsPostKind, suggestPracticeField } from "@/domain/posts/rules";
import { parsePostFilter, postFilterParams } from "@/domain/posts/list-filter";
import { loadMessages } from "@/i18n/load-messages";

describe("which organisations hold which posts", () => {
  it("department posts in government departments, ratio posts in institutions, schools, hospitals, communities, party centres", () => {
    expect(orgFitsPostKind("DEPARTMENT", "GOVERNMENT_DEPARTMENT")).toBe(true);
    expect(orgFitsPostKind("DEPARTMENT", "SCHOOL")).toBe(false);
    for (const k of ["WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL", "COMMUNITY", "PARTY_SERVICE_CENTER"]) expect(orgFitsPostKind("RATIO", k), k).toBe(true);
    for (const k of ["GOVERNMENT_DEPARTMENT", "AGENCY", "ENTERPRISE", "UNIVERSITY"]) expect(orgFitsPostKind("RATIO", k), k).toBe(false);
    expect(orgFitsPostKind("DEPARTMENT", "AGENCY")).toBe(false);
  });

  it("suggests the practice field from the organisation", () => {
    expect(suggestPracticeField({ kind: "SCHOOL" })).toBe("SCHOOLS");
    expect(suggestPracticeField({ kind: "HOSPITAL" })).toBe("HOSPITALS");
    expect(suggestPracticeField({ kind: "WELFARE_INSTITUTION" })).toBe("WELFARE_INSTITUTIONS");
    expect(suggestPracticeField({ kind: "PARTY_SERVICE_CENTER" })).toBe("PARTY_MASS");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "CIVIL_AFFAIRS" })).toBe("CIVIL_AFFAIRS");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "DISABLED_PERSONS_FEDERATION" })).toBe("DISABILITY");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "POPULATION_FAMILY_PLANNING" })).toBe("FAMILY_PLANNING");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "CULTURE" })).toBeNull();
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: null })).toBeNull();
    expect(suggestPracticeField({ kind: "ENTERPRISE" })).toBeNull();
  });
});

describe("posts page URL state", () => {
  it("reads leniently and writes back only what differs from the defaults", () => {
    const f = parsePostFilter({ kind: "RATIO", field: "SCHOOLS", understaffed: "1", status: "weird", view: "field", page: "3", org: "bad id!", q: "  学校 " });
    expect(f).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", district: "", org: "", understaffed: true, status: "open", view: "field", page: 3 });
    expect(postFilterParams(f)).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", understaffed: "1" });
    expect(postFilterParams(f, { view: true, page: true })).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", understaffed: "1", view: "field", page: "3" });
    expect(parsePostFilter(new URLSearchParams("kind=NOPE&status=closed&view=list"))).toMatchObject({ kind: "", status: "closed", view: "list", page: 1 });
  });
});

describe("posts message keys", () => {
  // Error codes of the posts domain are full catalogue keys ("posts.validation.orgKind"), which
  // tests/unit/i18n-catalogues.test.ts does not see: check them here, in every locale.
  const root = path.resolve(import.meta.dirname, "../..");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(n) ? [full] : [];
    });
  const sources = [...files(path.join(root, "src/features/posts")), ...files(path.join(root, "src/domain/posts")), ...files(path.join(root, "src/server/posts"))].map((f) => readFileSync(f, "utf8"));
  const keys = [...new Set(sources.flatMap((s) => [...s.matchAll(/"(posts\.(?:errors|validation)\.\w+)"/g)].map((m) => m[1]!)))];

  it("finds the keys it checks", () => {
    expect(keys).toContain("posts.validation.orgKind");
    expect(keys).toContain("posts.errors.closed");
    expect(keys.length).toBeGreaterThan(6);
  });

  it.each(["zh-Hans", "zh-Hant", "en"] as const)("%s has every posts error and validation key", (locale) => {
    const messages = loadMessages(locale, root);
    const has = (key: string) => key.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), messages);
    expect(keys.filter((k) => typeof has(k) !== "string")).toEqual([]);
  });
});
