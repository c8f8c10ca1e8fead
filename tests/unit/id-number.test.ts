import { describe, expect, it } from "vitest";
import { checkIdNumber, idNumberBirthDate, idNumberCheckChar, idNumberGender, maskIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { decryptIdNumber, encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";

// 11010519491231002X is the standard's own worked example (GB 11643-1999, appendix).
const SAMPLE = "11010519491231002X";

describe("GB 11643 check character", () => {
  it("matches the standard's worked example", () => {
    expect(idNumberCheckChar(SAMPLE.slice(0, 17))).toBe("X");
    expect(checkIdNumber(SAMPLE)).toBeNull();
  });

  it("computes every check value 0–10 the standard's way", () => {
    // Brute force over the last body digit: each residue maps to "10X98765432"[residue].
    const seen = new Set<string>();
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) seen.add(idNumberCheckChar(`110105194912310${a}${b}`)!);
    expect([...seen].sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]);
  });

  it("rejects a wrong check character, any single changed digit, and a wrong length", () => {
    expect(checkIdNumber("110105194912310021")).toBe("checkDigit");
    for (let i = 0; i < 17; i++) {
      if (i >= 6 && i < 14) continue; // birth-date digits may fail as birthDate instead
      const d = Number(SAMPLE[i]);
      const mutated = SAMPLE.slice(0, i) + String((d + 1) % 10) + SAMPLE.slice(i + 1);
      expect(checkIdNumber(mutated), `digit ${i}`).toBe("checkDigit");
    }
    expect(checkIdNumber("11010519491231002")).toBe("format");
    expect(checkIdNumber("11010519491231002XX")).toBe("format");
    expect(checkIdNumber("1101051949123100AX")).toBe("format");
  });

  it("accepts a lower-case x and spaces, normalising them", () => {
    expect(normaliseIdNumber(" 110105 19491231 002x ")).toBe(SAMPLE);
    expect(checkIdNumber(" 110105 19491231 002x ")).toBeNull();
  });

  it("refuses impossible and future birth dates", () => {
    const feb30 = "11010519490230002";
    expect(checkIdNumber(feb30 + idNumberCheckChar(feb30))).toBe("birthDate");
    const future = "11010520990101002";
    expect(checkIdNumber(future + idNumberCheckChar(future), new Date("2026-11-29T00:00:00Z"))).toBe("birthDate");
    const leap = "11010520000229002";
    expect(checkIdNumber(leap + idNumberCheckChar(leap))).toBeNull();
    expect(idNumberBirthDate(leap + "0")?.toISOString().slice(0, 10)).toBe("2000-02-29");
  });

  it("reads the gender from the 17th digit", () => {
    expect(idNumberGender(SAMPLE)).toBe("FEMALE"); // 2 is even
    expect(idNumberGender("110105194912310011")).toBe("MALE");
  });

  it("masks all but the last 4: neither the place code nor the birth date survives (issue 10, hole 1)", () => {
    expect(maskIdNumber(SAMPLE)).toBe("**************002X");
    expect(maskIdNumber(" 110105194912310021 ".toLowerCase())).toBe("**************0021");
    expect(maskIdNumber("12")).toBe("**");
  });
});

describe("ID numbers at rest", () => {
  const key = "a-test-key-that-is-long-enough-0123456789";

  it("round-trips through AES-256-GCM with a fresh IV each time", () => {
    const a = encryptIdNumber(key, SAMPLE);
    const b = encryptIdNumber(key, SAMPLE);
    expect(a).not.toBe(b);
    expect(a).not.toContain("19491231");
    expect(decryptIdNumber(key, a)).toBe(SAMPLE);
    expect(decryptIdNumber(key, b)).toBe(SAMPLE);
  });

  it("fails on a wrong key or a tampered ciphertext", () => {
    const c = encryptIdNumber(key, SAMPLE);
    expect(() => decryptIdNumber("another-key-that-is-long-enough-0123456789", c)).toThrow();
    const raw = Buffer.from(c.slice(3), "base64");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptIdNumber(key, `v1:${raw.toString("base64")}`)).toThrow();
  });

  it("gives a stable keyed look-up hash that ignores case and spacing", () => {
    expect(idNumberLookupHash(key, SAMPLE)).toBe(idNumberLookupHash(key, " 11010519491231002x"));
    expect(idNumberLookupHash(key, SAMPLE)).not.toBe(idNumberLookupHash("another-key-that-is-long-enough-0123456789", SAMPLE));
    expect(idNumberLookupHash(key, SAMPLE)).toMatch(/^[0-9a-f]{64}$/);
  });
});
