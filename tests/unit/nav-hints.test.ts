import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/domain/authz/matrix";
import { isNavPage, navFor, navHintKey } from "@/features/shell/navigation";
import { loadMessages } from "@/i18n/load-messages";

// The home page's shortcuts promise only what the role may do there (issue 11 review, item I): the
// department officer, who may search and export the register but not register anyone, is not told
// "Register, search and export practitioners".

const en = loadMessages("en") as { navHint: Record<string, string> };

describe("the shortcut hints follow the matrix", () => {
  it("the register's hint says 'register' only to roles that may register, and 'export' only to those that may export", () => {
    const checked: string[] = [];
    for (const role of ROLES) {
      const item = navFor({ role }).filter(isNavPage).find((i) => i.key === "practitioners");
      if (!item) continue;
      const hint = en.navHint[navHintKey({ role }, item.key)];
      expect(hint, role).toBeTruthy();
      expect(/\bregister\b/i.test(hint!), `${role}: "${hint}"`).toBe(can({ role }, "practitioners.create"));
      expect(/\bexport\b/i.test(hint!), `${role}: "${hint}"`).toBe(can({ role }, "practitioners.export"));
      checked.push(role);
    }
    // The roles with the register in their menu, the department officer among them.
    expect(checked).toEqual(expect.arrayContaining(["CITY_ADMIN", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "AGENCY_ADMIN"]));
  });

  it("every hint key a role can be given exists in the catalogues", () => {
    for (const l of ["zh-Hans", "zh-Hant", "en"] as const) {
      const hints = (loadMessages(l) as { navHint: Record<string, string> }).navHint;
      for (const role of ROLES) for (const item of navFor({ role }).filter(isNavPage)) expect(hints[navHintKey({ role }, item.key)], `${l} ${role} ${item.key}`).toBeTruthy();
    }
  });
});
