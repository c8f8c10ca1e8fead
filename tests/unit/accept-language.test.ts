import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/i18n/accept-language";

describe("Accept-Language negotiation", () => {
  it.each([
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["ZH-tw", "zh-Hant"],
    ["zh-CN", "zh-Hans"],
    ["zh-Hans-CN", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["en", "en"],
    ["en-GB", "en"],
    ["en-US,en;q=0.9", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("follows q-weights, not order", () => {
    expect(negotiateLocale("en;q=0.3, zh-TW;q=0.8")).toBe("zh-Hant");
    expect(negotiateLocale("zh-CN;q=0.2, en-GB;q=0.9, zh-TW;q=0.5")).toBe("en");
    expect(negotiateLocale("zh-CN;q=0.5, zh-HK")).toBe("zh-Hant");
  });

  it("keeps header order between equal weights", () => {
    expect(negotiateLocale("zh-TW, en")).toBe("zh-Hant");
    expect(negotiateLocale("en, zh-TW")).toBe("en");
    expect(negotiateLocale("en;q=0.7, zh-TW;q=0.7")).toBe("en");
  });

  it("skips unsupported languages and q=0", () => {
    expect(negotiateLocale("fr-FR, de;q=0.9, en;q=0.5")).toBe("en");
    expect(negotiateLocale("en;q=0, zh-TW;q=0.1")).toBe("zh-Hant");
    expect(negotiateLocale("zh-TW;q=0")).toBe("zh-Hans");
  });

  it("does not mistake other languages for Chinese or English", () => {
    // "zha" (Zhuang) is not Chinese and "eng" is not English: each falls through to the next tag.
    expect(negotiateLocale("zha, en")).toBe("en");
    expect(negotiateLocale("eng, zh-TW")).toBe("zh-Hant");
    expect(negotiateLocale("english, zh-HK")).toBe("zh-Hant");
  });

  it.each([[null], [undefined], [""], ["garbage"], ["*"], [";;;,,"], ["q=1"], ["en;q=abc"]])("%s → default zh-Hans", (header) => {
    expect(negotiateLocale(header as string | null | undefined)).toBe("zh-Hans");
  });
});
