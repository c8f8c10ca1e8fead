import { describe, expect, it } from "vitest";
import { integrityFlags, isInForce } from "@/domain/agencies/integrity";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("integrity records", () => {
  it("are in force from their date until the day before their end", () => {
    const r = { occurredOn: day("2026-03-01"), endsOn: day("2026-09-01") };
    expect(isInForce(r, day("2026-02-28"))).toBe(false);
    expect(isInForce(r, day("2026-03-01"))).toBe(true);
    expect(isInForce(r, day("2026-08-31"))).toBe(true);
    expect(isInForce(r, day("2026-09-01"))).toBe(false);
    expect(isInForce({ occurredOn: day("2026-03-01"), endsOn: null }, day("2099-01-01"))).toBe(true);
  });

  it("only blacklist and abnormal-list entries in force flag an agency, blacklist first", () => {
    const today = day("2026-11-29");
    expect(
      integrityFlags(
        [
          { kind: "ABNORMAL_LIST", occurredOn: day("2026-01-01"), endsOn: null },
          { kind: "WARNING", occurredOn: day("2026-01-01"), endsOn: null },
          { kind: "BLACKLIST", occurredOn: day("2026-02-01"), endsOn: day("2027-02-01") },
        ],
        today,
      ),
    ).toEqual(["BLACKLIST", "ABNORMAL_LIST"]);
    expect(integrityFlags([{ kind: "BLACKLIST", occurredOn: day("2025-01-01"), endsOn: day("2026-01-01") }], today)).toEqual([]);
    expect(integrityFlags([{ kind: "VIOLATION", occurredOn: day("2025-01-01"), endsOn: null }], today)).toEqual([]);
  });
});
