import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginPath } from "@/lib/safe-path";

// Issue 10, hole 3: the open redirect after sign-in. "/\t/example.org" passed the old prefix
// check (it starts with "/" and not "//"), and the browser's URL parser drops the tab.

describe("same-origin redirect paths", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(sameOriginPath("/")).toBe("/");
    expect(sameOriginPath("/practitioners?q=%E5%BC%A0&page=2#top")).toBe("/practitioners?q=%E5%BC%A0&page=2#top");
    expect(sameOriginPath("/me/../dashboard/growth")).toBe("/dashboard/growth");
    // An encoded tab stays an encoded part of the path: harmless.
    expect(sameOriginPath("/%09/example.org")).toBe("/%09/example.org");
  });

  it.each([
    ["/\t/example.org"],
    ["/\n/example.org"],
    ["/\r\n//example.org"],
    ["//example.org"],
    ["/\\example.org"],
    ["/\\/example.org"],
    ["https://example.org/"],
    ["javascript:alert(1)"],
    ["example.org"],
    [" /me"],
    [""],
  ])("refuses %j", (value) => {
    expect(sameOriginPath(value)).toBeNull();
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("refuses what is not a string, and absurd lengths", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(42, "/me")).toBe("/me");
    expect(sameOriginPath(`/${"a".repeat(3000)}`)).toBeNull();
  });
});
