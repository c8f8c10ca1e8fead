import { describe, expect, it } from "vitest";
import { createTranslator, type Messages } from "next-intl";
import { DomainError, type TFieldErrorCode } from "@/domain/common/errors";
import type { TActionErrorCode, TActionState, TNoticeCode } from "@/domain/common/action-state";
import { messageKey, type TKeyOfCode, type TMessageKey } from "@/lib/message-key";
import { loadMessages } from "@/i18n/load-messages";

// Message keys are checked by the typecheck (`tsc --noEmit`, the first stage of npm test), through
// next-intl's AppConfig (src/i18n/app-config.d.ts). These proofs fail to compile if the types
// stop refusing a wrong key: each `@ts-expect-error` line must be an error, or tsc reports it.
// That replaces the tests that scanned the sources for keys with regular expressions; the three
// catalogues having the same keys is still checked at run time (i18n-catalogues.test.ts).

type TAssert<T extends true> = T;
type TAllHaveMessages<C extends string, N extends "errors" | "validation" | "notices"> = [TKeyOfCode<C, N>] extends [TMessageKey] ? true : false;

// Every code an action may return has its message: form errors, field errors, notices.
export type TErrorCodesHaveMessages = TAssert<TAllHaveMessages<TActionErrorCode, "errors">>;
export type TFieldCodesHaveMessages = TAssert<TAllHaveMessages<TFieldErrorCode, "validation">>;
export type TNoticesHaveMessages = TAssert<TAllHaveMessages<TNoticeCode, "notices">>;
// …and the check itself can fail.
// @ts-expect-error "noSuchCode" has no message under "errors"
export type TWrongCodeIsRefused = TAssert<TAllHaveMessages<"notFound" | "noSuchCode", "errors">>;

describe("typed message keys", () => {
  const t = createTranslator({ locale: "en", messages: loadMessages("en") as Messages, onError: () => {} });

  it("a wrong key fails the typecheck", () => {
    expect(t("common.save")).toBe("Save");
    // @ts-expect-error not a key of the catalogue
    expect(t("common.noSuchKey")).toBe("common.noSuchKey");
    const tPosts = createTranslator({ locale: "en", messages: loadMessages("en") as Messages, namespace: "posts", onError: () => {} });
    // @ts-expect-error a key of another namespace
    expect(tPosts("common.save")).toBe("posts.common.save");
  });

  it("a DomainError takes only codes from the domains' unions, each in its place", () => {
    expect(new DomainError("posts.errors.closed").problem).toEqual({ code: "posts.errors.closed" });
    expect(new DomainError("posts.validation.orgKind", "organizationId").problem).toEqual({ code: "posts.validation.orgKind", field: "organizationId" });
    const V = "agencyApplications.validation";
    expect(new DomainError(`${V}.registrationScanType`, "registrationScan").code).toBe("agencyApplications.validation.registrationScanType");
    // @ts-expect-error not a code of any domain
    expect(new DomainError("noSuchCode").code).toBe("noSuchCode");
    // @ts-expect-error a built code outside the union
    expect(new DomainError(`${V}.noSuchCode`, "registrationScan").field).toBe("registrationScan");
    // @ts-expect-error a field code ("validation") needs its field
    expect(new DomainError("required").field).toBeUndefined();
    // @ts-expect-error a form-level code ("errors") is not shown under a field
    expect(new DomainError("notFound", "id").field).toBe("id");
  });

  it("action states and messageKey carry typed codes", () => {
    const state: TActionState = { ok: false, error: "checkFields", fieldErrors: { title: "posts.validation.wholeNumber" } };
    expect(messageKey(state.error!, "errors")).toBe("errors.checkFields");
    expect(messageKey(state.fieldErrors!.title!, "validation")).toBe("posts.validation.wholeNumber");
    expect(t(messageKey(state.error!, "errors"))).toBe("Please check the highlighted fields.");
    // @ts-expect-error not an error code
    const wrong: TActionState = { ok: false, error: "noSuchError" };
    // @ts-expect-error not a notice
    const wrongNotice: TActionState = { ok: true, message: "noSuchNotice" };
    expect([wrong.ok, wrongNotice.ok]).toEqual([false, true]);
  });
});
