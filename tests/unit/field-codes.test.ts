import { describe, expect, it } from "vitest";
import { createTranslator, type Messages } from "next-intl";
import { fieldErrorCode } from "@/domain/common/errors";
import { messageKey, messageValues } from "@/lib/message-key";
import { loadMessages } from "@/i18n/load-messages";

// Field codes that carry a number ("tooLong:64"), and their messages in the three languages.

describe("field codes with a limit", () => {
  it("a tooLong issue gets its maximum; other issues keep their message", () => {
    expect(fieldErrorCode({ code: "too_big", message: "tooLong", maximum: 200 })).toBe("tooLong:200");
    expect(fieldErrorCode({ code: "too_big", message: "phone", maximum: 40 })).toBe("phone");
    expect(fieldErrorCode({ code: "custom", message: "tooLong" })).toBe("tooLong");
    expect(fieldErrorCode({ code: "custom", message: "agencies.validation.endsBeforeOccurred" })).toBe("agencies.validation.endsBeforeOccurred");
  });

  it("the key leaves the number out, the values carry it", () => {
    expect(messageKey("tooLong:64", "validation")).toBe("validation.tooLong");
    expect(messageValues("tooLong:64")).toEqual({ max: 64 });
    expect(messageKey("required", "validation")).toBe("validation.required");
    expect(messageValues("required")).toBeUndefined();
    expect(messageKey("posts.validation.wholeNumber", "validation")).toBe("posts.validation.wholeNumber");
  });

  it("every language states the limit", () => {
    for (const [locale, expected] of [
      ["en", "This can have at most 64 characters."],
      ["zh-Hans", "最多可填写 64 个字符。"],
      ["zh-Hant", "最多可填寫 64 個字符。"],
    ] as const) {
      const t = createTranslator({ locale, messages: loadMessages(locale) as Messages });
      expect(t(messageKey("tooLong:64", "validation"), messageValues("tooLong:64"))).toBe(expected);
    }
  });
});
