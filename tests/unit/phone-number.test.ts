import { describe, expect, it } from "vitest";
import { normalisePhoneNumber } from "@/lib/phone-number";
import { ZPhone } from "@/domain/common/contact";

describe("normalisePhoneNumber: mainland mobile numbers", () => {
  it("keeps the 11 digits, whatever spacing, dashes or country code people type", () => {
    for (const typed of ["13912345678", "139 1234 5678", "139-1234-5678", "+86 139 1234 5678", "+8613912345678", "86 13912345678", "0086-139-1234-5678", "(+86) 139 1234 5678", "１３９１２３４５６７８"]) {
      expect(normalisePhoneNumber(typed), typed).toBe("13912345678");
    }
  });

  it("refuses numbers that no mainland mobile has", () => {
    for (const typed of ["12345678901234567890", "12912345678", "1391234567", "139123456789", "23912345678", "+1 139 1234 5678", "139 1234 567x", "", "   "]) {
      expect(normalisePhoneNumber(typed), typed).toBeNull();
    }
  });
});

describe("normalisePhoneNumber: landlines with their area code", () => {
  it("writes area code and number with one dash", () => {
    expect(normalisePhoneNumber("010-66660000")).toBe("010-66660000");
    expect(normalisePhoneNumber("01066660000")).toBe("010-66660000");
    expect(normalisePhoneNumber("010 6666 0000")).toBe("010-66660000");
    expect(normalisePhoneNumber("(010) 66660000")).toBe("010-66660000");
    expect(normalisePhoneNumber("020-38881234")).toBe("020-38881234");
    expect(normalisePhoneNumber("0991-3030007")).toBe("0991-3030007");
    expect(normalisePhoneNumber("0755 8888 1234")).toBe("0755-88881234");
    expect(normalisePhoneNumber("+86 10 6666 0000")).toBe("010-66660000");
    expect(normalisePhoneNumber("+86 755 88881234")).toBe("0755-88881234");
  });

  it("keeps an extension after a dash, 转, ext. or x", () => {
    expect(normalisePhoneNumber("010-66660000-123")).toBe("010-66660000-123");
    expect(normalisePhoneNumber("010-66660000转123")).toBe("010-66660000-123");
    expect(normalisePhoneNumber("010 6666 0000 轉 8")).toBe("010-66660000-8");
    expect(normalisePhoneNumber("0755-1234567 ext. 4567")).toBe("0755-1234567-4567");
    expect(normalisePhoneNumber("0755-1234567 EXT 45")).toBe("0755-1234567-45");
    expect(normalisePhoneNumber("0755-1234567x45")).toBe("0755-1234567-45");
  });

  it("refuses a landline without its area code, with the wrong length, or a mobile with an extension", () => {
    for (const typed of ["66660000", "010-6666000", "010-666600001", "0755-123456", "0755-123456789", "010-06660000", "0-66660000", "13912345678转123", "010-66660000-1234567", "010-66660000 转", "tel 010-66660000"]) {
      expect(normalisePhoneNumber(typed), typed).toBeNull();
    }
  });
});

describe("ZPhone", () => {
  it("stores the canonical form and says which forms it accepts", () => {
    expect(ZPhone.parse(" +86 139-1234-5678 ")).toBe("13912345678");
    expect(ZPhone.parse("010 6666 0000 转 123")).toBe("010-66660000-123");
    const r = ZPhone.safeParse("12345678901234567890");
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["phone"]);
    expect(ZPhone.safeParse("1".repeat(200)).error?.issues.map((i) => i.message)).toEqual(["phone"]);
  });
});
