import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-policy";

// Twelve distinct astral characters: 12 code points but 24 UTF-16 units.
const ASTRAL = ["😀", "🎉", "🚀", "🌟", "🍀", "🐼", "🎈", "🔑", "📚", "🧭", "🎻", "🦉"];

describe("password policy", () => {
  it("uses the documented limits", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it("12 characters is the boundary", () => {
    expect(checkPassword("plum-kite-9x")).toBeNull(); // 12
    expect(checkPassword("plum-kite-9")).toBe("tooShort"); // 11
    expect(checkPassword("")).toBe("tooShort");
  });

  it("counts code points, not UTF-16 units", () => {
    expect(checkPassword(ASTRAL.slice(0, 11).join(""))).toBe("tooShort"); // 22 units, 11 code points
    expect(checkPassword(ASTRAL.slice(0, 6).join(""))).toBe("tooShort"); // 12 units, 6 code points
    expect(checkPassword(ASTRAL.join(""))).toBeNull();
    // Chinese passphrases are fine by code points.
    expect(checkPassword("春眠不觉晓处处闻啼鸟夜来")).toBeNull();
    expect(checkPassword("春眠不觉晓处处闻啼鸟夜")).toBe("tooShort");
  });

  it("refuses more than 128 characters", () => {
    const base = "violet-harbour-lantern-";
    const make = (n: number) => (base.repeat(10) + "x".repeat(200)).slice(0, n);
    expect(checkPassword(make(128))).toBeNull();
    expect(checkPassword(make(129))).toBe("tooLong");
    // 128 astral characters are 256 UTF-16 units, but still within the limit.
    const astral128 = Array.from({ length: 128 }, (_, i) => ASTRAL[i % ASTRAL.length]).join("");
    expect(checkPassword(astral128)).toBeNull();
    expect(checkPassword(astral128 + "😀")).toBe("tooLong");
  });

  it("refuses passwords from the common list, whatever the case", () => {
    for (const p of ["password1234", "qwerty123456", "1qaz2wsx3edc", "PASSWORD1234", "QwErTy123456", "LeaveMeAlone"]) {
      expect(checkPassword(p), p).toBe("common");
    }
  });

  it("refuses a common word padded with digits or symbols, or repeated", () => {
    for (const p of ["dragon20262026", "Football!!!!2026", "iloveyou____1", "monkey-2026-2026", "qwertyqwerty", "aaaaaaaaaaaa", "111111111111"]) {
      expect(checkPassword(p), p).toBe("common");
    }
  });

  it("accepts a long unusual passphrase", () => {
    expect(checkPassword("violet harbour lantern")).toBeNull();
    expect(checkPassword("Tr0ub4dor&3-purple-lamp")).toBeNull();
  });

  it("refuses a password containing the e-mail's name (case-insensitively)", () => {
    expect(checkPassword("my-Zhang.Wei-is-great", "zhang.wei@example.cn")).toBe("containsEmail");
    expect(checkPassword("violet harbour lantern", "harbour@example.cn")).toBe("containsEmail");
    expect(checkPassword("violet harbour lantern", "lantern2@example.cn")).toBeNull();
    // Names shorter than four characters are too short to be meaningful.
    expect(checkPassword("violet harbour lantern", "let@example.cn")).toBeNull();
    expect(checkPassword("violet harbour lantern")).toBeNull();
  });

  it("checks length before anything else", () => {
    expect(checkPassword("password", "password@x.cn")).toBe("tooShort");
  });
});
