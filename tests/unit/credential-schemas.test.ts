import { describe, expect, it } from "vitest";
import { MAX_SCAN_BYTES, scanProblem, ZCredentialWithReason, ZSubmitCredential } from "@/domain/credentials/schemas";
import { todayInCityIso } from "@/domain/common/calendar-day";

const base = { practitionerId: "p1", kind: "SOCIAL_WORKER", number: " SW-2024-001 ", issuingAuthority: "人力资源和社会保障部", issueDate: "2024-03-01", registrationNumber: " DJ-2024-77 ", registrationStart: "2024-05-02" };
const errors = (input: Record<string, unknown>) => {
  const r = ZSubmitCredential.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("ZSubmitCredential", () => {
  it("accepts a certificate, trims its fields and keeps its numbers canonical", () => {
    const r = ZSubmitCredential.parse(base);
    expect(r).toMatchObject({ kind: "SOCIAL_WORKER", number: "SW2024001", registration: { number: "DJ202477", start: "2024-05-02" }, degreeLevel: null, titleLevel: null });
    expect(ZSubmitCredential.parse({ ...base, number: "ｓｗ－２０２４　００１", registrationNumber: "dj_2024.77" })).toMatchObject({ number: "SW2024001", registration: { number: "DJ202477" } });
    // Only separators is no number at all.
    expect(errors({ ...base, number: " - — " })).toEqual({ number: "required" });
    expect(errors({ ...base, registrationNumber: " -- " })).toEqual({ registrationNumber: "registrationNumberRequired" });
    expect("validUntil" in r).toBe(false);
  });

  it("a certificate has no expiry; its registration is optional, but number and start go together", () => {
    for (const kind of ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]) {
      expect(ZSubmitCredential.parse({ ...base, kind, registrationNumber: "", registrationStart: "" }).registration, kind).toBeNull();
      expect(errors({ ...base, kind, registrationNumber: "" }), kind).toEqual({ registrationNumber: "registrationNumberRequired" });
      expect(errors({ ...base, kind, registrationStart: "" }), kind).toEqual({ registrationStart: "registrationStartRequired" });
    }
    // A degree carries no registration, whatever the form sent.
    expect(ZSubmitCredential.parse({ ...base, kind: "SOCIAL_WORK_DEGREE", degreeLevel: "BACHELOR" }).registration).toBeNull();
  });

  it("needs the degree level for a degree and the title level for a title, and drops the other", () => {
    expect(errors({ ...base, kind: "SOCIAL_WORK_DEGREE" })).toEqual({ degreeLevel: "required" });
    expect(errors({ ...base, kind: "PROFESSIONAL_TITLE" })).toEqual({ titleLevel: "required" });
    expect(errors({ ...base, kind: "SOCIAL_WORK_DEGREE", degreeLevel: "NONE" })).toEqual({ degreeLevel: "required" });
    const r = ZSubmitCredential.parse({ ...base, kind: "SOCIAL_WORK_DEGREE", degreeLevel: "MASTER", titleLevel: "SENIOR" });
    expect(r).toMatchObject({ degreeLevel: "MASTER", titleLevel: null });
    expect(ZSubmitCredential.parse({ ...base, degreeLevel: "MASTER" }).degreeLevel).toBeNull();
  });

  it("refuses an issue date in the future, and a registration starting before the issue or in the future", () => {
    const next = new Date(`${todayInCityIso()}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const tomorrow = next.toISOString().slice(0, 10);
    expect(errors({ ...base, issueDate: tomorrow, registrationStart: "" , registrationNumber: "" })).toEqual({ issueDate: "dateInFuture" });
    expect(ZSubmitCredential.safeParse({ ...base, issueDate: todayInCityIso(), registrationStart: todayInCityIso() }).success).toBe(true);
    expect(errors({ ...base, registrationStart: "2024-02-29" })).toEqual({ registrationStart: "registrationBeforeIssue" });
    expect(errors({ ...base, registrationStart: tomorrow })).toEqual({ registrationStart: "dateInFuture" });
    expect(ZSubmitCredential.safeParse({ ...base, registrationStart: base.issueDate }).success).toBe(true);
  });

  it("refuses impossible dates and missing fields with catalogue keys", () => {
    expect(errors({ ...base, issueDate: "2024-02-30" })).toEqual({ issueDate: "date" });
    expect(errors({ ...base, issueDate: "01/03/2024" })).toEqual({ issueDate: "date" });
    expect(errors({ ...base, number: "  ", issuingAuthority: "", issueDate: "", kind: "" })).toEqual({ number: "required", issuingAuthority: "required", issueDate: "required", kind: "required" });
    expect(errors({ ...base, number: "x".repeat(65) })).toEqual({ number: "tooLong" });
  });
});

describe("ZCredentialWithReason", () => {
  it("requires a non-blank reason", () => {
    expect(ZCredentialWithReason.safeParse({ id: "c1", version: "1", reason: "   " }).error?.issues[0]?.message).toBe("reasonRequired");
    expect(ZCredentialWithReason.parse({ id: "c1", version: "2", reason: " 编号与发证机关记录不符 " })).toEqual({ id: "c1", version: 2, reason: "编号与发证机关记录不符" });
  });
});

describe("scanProblem", () => {
  it("requires a non-empty scan of at most 10 MB", () => {
    expect(scanProblem(null)).toBe("scanRequired");
    expect(scanProblem({ size: 0 })).toBe("scanRequired");
    expect(scanProblem({ size: MAX_SCAN_BYTES })).toBeNull();
    expect(scanProblem({ size: MAX_SCAN_BYTES + 1 })).toBe("scanTooLarge");
  });
});
