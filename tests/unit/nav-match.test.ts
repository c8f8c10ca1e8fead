import { describe, expect, it } from "vitest";
import { activeHref } from "@/lib/nav-match";

describe("activeHref", () => {
  const hrefs = ["/", "/agencies", "/agencies/mine", "/agencies/applications", "/posts"];
  it("marks the longest entry that contains the path", () => {
    expect(activeHref("/agencies/applications/abc", hrefs)).toBe("/agencies/applications");
    expect(activeHref("/agencies/applications", hrefs)).toBe("/agencies/applications");
    expect(activeHref("/agencies/xyz", hrefs)).toBe("/agencies");
    expect(activeHref("/posts/new", hrefs)).toBe("/posts");
  });
  it("home only on /, and nothing for unrelated paths", () => {
    expect(activeHref("/", hrefs)).toBe("/");
    expect(activeHref("/account", hrefs)).toBeNull();
    expect(activeHref("/agenciesx", hrefs)).toBeNull();
  });
});
