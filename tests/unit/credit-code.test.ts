import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, isValidCreditCode } from "@/lib/credit-code";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Published codes (the GB 32100-2015 example and registered companies), checked by hand.
const REAL_CODES = ["91350100M000100Y43", "9144030071526726XG", "91440300708461136T", "914403001922038216", "91110108551385082Q"];

describe("unified social credit code", () => {
  it("accepts published real codes", () => {
    for (const code of REAL_CODES) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17)), code).toBe(code[17]);
    }
  });

  it("reads the code as typed: case, full-width characters, spaces and dashes do not matter", () => {
    expect(isValidCreditCode(" 9144030071526726xg ")).toBe(true);
    expect(isValidCreditCode("9144 0300 7152 6726 XG")).toBe(true);
    expect(isValidCreditCode("914403-0071526726-xg")).toBe(true);
    expect(isValidCreditCode("９１４４０３００７１５２６７２６ＸＧ")).toBe(true);
  });

  it("a constructed code is valid and every one-character mutation of it is not", () => {
    const first17 = "52990100MJ0001234";
    const check = creditCodeCheckChar(first17);
    expect(check).not.toBeNull();
    expect(ALPHABET).toContain(check);
    const code = `${first17}${check}`;
    expect(isValidCreditCode(code)).toBe(true);

    for (let i = 0; i < 18; i++) {
      for (const replacement of ALPHABET) {
        if (replacement === code[i]) continue;
        const mutated = code.slice(0, i) + replacement + code.slice(i + 1);
        // The weights are all non-zero and coprime to 31, so any single substitution changes the sum mod 31.
        expect(isValidCreditCode(mutated), mutated).toBe(false);
      }
    }
  });

  it("rejects wrong lengths and characters outside the alphabet", () => {
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y433")).toBe(false);
    // I, O, Z, S, V are not in the alphabet, even in the body.
    for (const bad of ["I", "O", "Z", "S", "V", "-", "中"]) {
      const first17 = `9135010${bad}M000100Y4`;
      expect(creditCodeCheckChar(first17), bad).toBeNull();
      expect(isValidCreditCode(`${first17}3`), bad).toBe(false);
    }
    expect(creditCodeCheckChar("1234")).toBeNull();
  });

  it("a check value of 0 is written as '0', never as the 31st symbol", () => {
    // Find a body whose check value is 0 by varying the last position.
    const found = ALPHABET.split("")
      .map((c) => `9135010000000000${c}`)
      .find((b) => creditCodeCheckChar(b) === "0");
    expect(found).toBeDefined();
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });
});
