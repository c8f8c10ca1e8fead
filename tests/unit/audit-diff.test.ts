import { describe, expect, it } from "vitest";
import { auditDiff, maskIdentifier } from "@/domain/audit/diff";

describe("maskIdentifier", () => {
  it("keeps only the last four of an ID number: its middle is the birth date (issue 10, hole 1)", () => {
    expect(maskIdentifier("110101199003071234")).toBe("**************1234");
  });
  it("keeps only the last four of a mobile number", () => {
    expect(maskIdentifier("13812345678")).toBe("*******5678");
  });
  it("re-masks an ID number masked the old way, so a snapshot never carries the birth date", () => {
    expect(auditDiff(null, { idNumberMasked: "110101********1234" }).after).toEqual({ idNumberMasked: "**************1234" });
  });
  it("masks short values more heavily", () => {
    expect(maskIdentifier("1234")).toBe("****");
    expect(maskIdentifier("12345678")).toBe("12****78");
    expect(maskIdentifier("")).toBe("");
  });
});

describe("auditDiff", () => {
  it("keeps only the keys that changed, on both sides", () => {
    const before = { id: "u1", name: "张三", role: "PRACTITIONER", regionId: null };
    const after = { id: "u1", name: "张三丰", role: "PRACTITIONER", regionId: "r1" };
    expect(auditDiff(before, after)).toEqual({
      before: { name: "张三", regionId: null },
      after: { name: "张三丰", regionId: "r1" },
    });
  });

  it("returns empty sides when nothing changed", () => {
    const row = { id: "u1", name: "张三", at: new Date("2026-01-02T03:04:05Z") };
    expect(auditDiff(row, { ...row, at: new Date("2026-01-02T03:04:05Z") })).toEqual({ before: {}, after: {} });
  });

  it("drops secrets and bookkeeping fields even when they changed", () => {
    const before = { passwordHash: "$argon2id$old", tokenHash: "a", password: "x", token: "t", idNumberHash: "h1", idNumberEncrypted: "e1", version: 1, updatedAt: new Date(1), name: "A" };
    const after = { passwordHash: "$argon2id$new", tokenHash: "b", password: "y", token: "u", idNumberHash: "h2", idNumberEncrypted: "e2", version: 2, updatedAt: new Date(2), name: "B" };
    const diff = auditDiff(before, after);
    expect(diff).toEqual({ before: { name: "A" }, after: { name: "B" } });
    expect(JSON.stringify(diff)).not.toContain("argon2");
  });

  it("drops secrets from creations too", () => {
    const diff = auditDiff(null, { email: "a@b.cn", passwordHash: "$argon2id$x", version: 1 });
    expect(diff).toEqual({ before: null, after: { email: "a@b.cn" } });
  });

  it("records deletions with after = null", () => {
    expect(auditDiff({ id: "o1", name: "X" }, null)).toEqual({ before: { id: "o1", name: "X" }, after: null });
  });

  it("masks ID numbers and phone numbers", () => {
    const diff = auditDiff({ idNumber: "110101199003071234", phone: "13812345678", mobile: "13900001111" }, { idNumber: "110101199103071235", phone: "13812349999", mobile: "13900001111" });
    expect(diff.before).toEqual({ idNumber: "**************1234", phone: "*******5678" });
    expect(diff.after).toEqual({ idNumber: "**************1235", phone: "*******9999" });
    const created = auditDiff(null, { idNumber: "110101199003071234", mobile: "13900001111" });
    expect(created.after).toEqual({ idNumber: "**************1234", mobile: "*******1111" });
    expect(JSON.stringify(created)).not.toContain("199003071234");
  });

  it("still notices a change hidden by the mask", () => {
    // Same first six and last four: the masks are equal, but the value did change.
    const diff = auditDiff({ idNumber: "110101199003071234" }, { idNumber: "110101198803071234" });
    expect(Object.keys(diff.after ?? {})).toEqual(["idNumber"]);
  });

  it("writes dates as ISO strings and bigints as strings", () => {
    const diff = auditDiff({ disabledAt: null, n: BigInt(1) }, { disabledAt: new Date("2026-03-01T08:00:00.000Z"), n: BigInt(2) });
    expect(diff).toEqual({ before: { disabledAt: null, n: "1" }, after: { disabledAt: "2026-03-01T08:00:00.000Z", n: "2" } });
  });

  it("treats undefined and null alike", () => {
    expect(auditDiff({ a: undefined, b: 1 }, { a: null, b: 1 })).toEqual({ before: {}, after: {} });
    expect(auditDiff({ b: 1 }, { a: "new", b: 1 })).toEqual({ before: { a: null }, after: { a: "new" } });
  });

  it("compares nested values by content", () => {
    expect(auditDiff({ meta: { x: 1 } }, { meta: { x: 1 } })).toEqual({ before: {}, after: {} });
    expect(auditDiff({ meta: { x: 1 } }, { meta: { x: 2 } })).toEqual({ before: { meta: { x: 1 } }, after: { meta: { x: 2 } } });
  });
});
