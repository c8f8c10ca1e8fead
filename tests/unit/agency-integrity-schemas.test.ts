import { describe, expect, it } from "vitest";
import { ZAddIntegrityRecord, ZAddRating, ZEndIntegrityRecord, ZUpdateIntegrityRecord } from "@/domain/agencies/schemas";
import { agencyListParams, parseAgencyListFilter, parsePublicAgencyFilter } from "@/domain/agencies/list-filter";
import { messageKey } from "@/lib/message-key";
import { loadMessages } from "@/i18n/load-messages";
import path from "node:path";

const errorKey = (code: string) => messageKey(code, "errors");
const validationKey = (code: string) => messageKey(code, "validation");

const record = { organizationId: "o1", kind: "WARNING", occurredOn: "2026-03-01", source: "市民政局", description: "年报逾期", endsOn: "" };

describe("integrity record schemas", () => {
  it("accepts an open-ended record and an end date on or after its date", () => {
    expect(ZAddIntegrityRecord.parse(record)).toMatchObject({ kind: "WARNING", endsOn: null });
    expect(ZAddIntegrityRecord.parse({ ...record, endsOn: "2026-03-01" }).endsOn?.toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(ZUpdateIntegrityRecord.parse({ ...record, id: "r1", version: "4", endsOn: "2027-03-01" })).toMatchObject({ id: "r1", version: 4 });
  });

  it("refuses an end date before the record's date, with this domain's message key", () => {
    const r = ZAddIntegrityRecord.safeParse({ ...record, endsOn: "2026-02-28" });
    expect(r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["endsOn:agencies.validation.endsBeforeOccurred"]);
  });

  it("refuses missing kind, source, description and date", () => {
    const r = ZAddIntegrityRecord.safeParse({ organizationId: "o1", kind: "", occurredOn: "", source: " ", description: "", endsOn: "" });
    expect(r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual(["description:required", "kind:required", "occurredOn:required", "source:required"]);
    expect(ZAddIntegrityRecord.safeParse({ ...record, kind: "PRAISE" }).success).toBe(false);
  });

  it("ending needs a date", () => {
    expect(ZEndIntegrityRecord.safeParse({ id: "r1", version: "1", endsOn: "" }).success).toBe(false);
    expect(ZEndIntegrityRecord.parse({ id: "r1", version: "1", endsOn: "2026-05-01" }).endsOn.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("a rating: one of 1A–5A, dated, not in the future", () => {
    expect(ZAddRating.parse({ organizationId: "o1", rating: "A4", ratedOn: "2025-12-01", source: "" })).toMatchObject({ rating: "A4", source: null });
    expect(ZAddRating.safeParse({ organizationId: "o1", rating: "A6", ratedOn: "2025-12-01" }).success).toBe(false);
    expect(ZAddRating.safeParse({ organizationId: "o1", rating: "A3", ratedOn: "2199-01-01" }).error?.issues[0]?.message).toBe("dateInFuture");
  });
});

describe("agency list filters from the URL", () => {
  it("reads known values and ignores the rest; writes back only what differs from the defaults", () => {
    const f = parseAgencyListFilter({ q: " 阳光 ", status: "SUSPENDED", rating: "A9", flagged: "1", private: "yes", sort: "rating", page: "3", district: "bad id!" });
    expect(f).toMatchObject({ q: "阳光", status: "SUSPENDED", rating: "", flagged: true, privateOnly: true, sort: "rating", dir: "desc", page: 3, district: "" });
    expect(agencyListParams(f)).toEqual({ q: "阳光", status: "SUSPENDED", flagged: "1", private: "1", sort: "rating" });
    expect(agencyListParams(parseAgencyListFilter({}))).toEqual({});
    expect(parseAgencyListFilter({ rating: "none" }).rating).toBe("none");
    expect(parsePublicAgencyFilter({ field: "SCHOOLS", q: "x" })).toMatchObject({ field: "SCHOOLS", q: "x", page: 1 });
    expect(parsePublicAgencyFilter({ field: "NOPE" }).field).toBe("");
  });
});

describe("this domain's message keys exist in every catalogue", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const has = (cat: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), cat);
  it.each(["zh-Hans", "zh-Hant", "en"] as const)("%s", (locale) => {
    const cat = loadMessages(locale, root);
    for (const key of [
      errorKey("agencies.errors.invalidStatusTransition"),
      errorKey("agencies.errors.alreadyEnded"),
      validationKey("agencies.validation.endsBeforeOccurred"),
      errorKey("stale"),
      validationKey("dateInFuture"),
      validationKey("statusDateOrder"),
    ])
      expect(typeof has(cat, key), key).toBe("string");
  });
});
