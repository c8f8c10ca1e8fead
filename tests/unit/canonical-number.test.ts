import { describe, expect, it } from "vitest";
import { canonicalNumber } from "@/lib/canonical-number";

describe("canonicalNumber: the one rule for typed numbers", () => {
  it("upper-cases", () => {
    expect(canonicalNumber("zj20190100123")).toBe("ZJ20190100123");
    expect(canonicalNumber("9144030071526726xg")).toBe("9144030071526726XG");
  });

  it("folds full-width letters and digits (全角) and the ideographic space", () => {
    expect(canonicalNumber("ＺＪ２０１９０１００１２３")).toBe("ZJ20190100123");
    expect(canonicalNumber("ｚｊ　２０１９")).toBe("ZJ2019");
    expect(canonicalNumber("ＳＡ－２０２６－０００１２")).toBe("SA202600012");
  });

  it("drops whitespace of every kind", () => {
    expect(canonicalNumber("  ZJ 2019\t01\u00a000123\n")).toBe("ZJ20190100123");
    expect(canonicalNumber("ZJ\u3000\u2002\u200a2019")).toBe("ZJ2019");
  });

  it("drops dashes, underscores, dots, slashes, middle dots and similar separators", () => {
    for (const sep of ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uff0d", "_", ".", "\u3002", "/", "\\", "\u00b7", "\u30fb", "\uff65", ",", "\uff0c", "'", '"', "\u201c", "\u201d", "(", ")", "\uff08", "\uff09", ":"]) {
      expect(canonicalNumber(`ZJ${sep}2019${sep}00123`), `separator U+${sep.codePointAt(0)!.toString(16)}`).toBe("ZJ201900123");
    }
  });

  it("keeps letters and digits in order, also non-Latin letters", () => {
    expect(canonicalNumber("粤社工-2019-001")).toBe("粤社工2019001");
    expect(canonicalNumber("A1B2C3")).toBe("A1B2C3");
  });

  it("is idempotent, and blank input is empty", () => {
    for (const raw of ["zj-2019 001", "ＳＡ－２０２６－０００１２", "DJ2023/0001", "   ", ""]) {
      expect(canonicalNumber(canonicalNumber(raw))).toBe(canonicalNumber(raw));
    }
    expect(canonicalNumber(" -\u3000— ")).toBe("");
  });
});
