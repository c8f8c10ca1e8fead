import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as A from "@/domain/agencies/enums";
import * as S from "@/domain/association/enums";
import * as P from "@/domain/posts/enums";
import * as St from "@/domain/staff/enums";

// The plain enum arrays used by forms and schemas must list exactly the database's values.
const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const prismaEnum = (name: string) =>
  new RegExp(`enum\\s+${name}\\s*\\{([^}]*)\\}`)
    .exec(schema)![1]!
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));

describe("workforce enum lists", () => {
  it.each([
    ["AgencyStatus", A.AGENCY_STATUSES],
    ["ApplicationStatus", A.APPLICATION_STATUSES],
    ["ApplicationDecision", A.APPLICATION_DECISIONS],
    ["IntegrityKind", A.INTEGRITY_KINDS],
    ["AgencyRatingLevel", A.AGENCY_RATING_LEVELS],
    ["MemberType", S.MEMBER_TYPES],
    ["MembershipStatus", S.MEMBERSHIP_STATUSES],
    ["PostKind", P.POST_KINDS],
    ["RatioBasis", P.RATIO_BASES],
    ["EmploymentEnd", St.EMPLOYMENT_ENDS],
    ["ImportStatus", St.IMPORT_STATUSES],
    ["ImportRowStatus", St.IMPORT_ROW_STATUSES],
    ["ImportOutcome", St.IMPORT_OUTCOMES],
  ] as const)("%s matches prisma/schema.prisma", (name, list) => {
    expect([...list]).toEqual(prismaEnum(name));
  });

  it("flagging kinds are integrity kinds", () => {
    for (const k of A.FLAGGING_INTEGRITY_KINDS) expect(A.INTEGRITY_KINDS).toContain(k);
  });
});
