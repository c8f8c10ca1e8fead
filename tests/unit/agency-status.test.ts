import { describe, expect, it } from "vitest";
import { allowedStatusTransitions, canChangeStatus, MANUAL_AGENCY_STATUSES, STATUS_VERBS } from "@/domain/agencies/status-rules";
import { AGENCY_STATUSES } from "@/domain/agencies/enums";
import { ZChangeAgencyStatus } from "@/domain/agencies/schemas";

describe("agency status transitions", () => {
  it("an active agency may be suspended or revoked, not 'reinstated' or set pending", () => {
    expect(allowedStatusTransitions("ACTIVE")).toEqual(["SUSPENDED", "REVOKED"]);
    expect(canChangeStatus("ACTIVE", "SUSPENDED")).toBe(true);
    expect(canChangeStatus("ACTIVE", "REVOKED")).toBe(true);
    expect(canChangeStatus("ACTIVE", "ACTIVE")).toBe(false);
    expect(canChangeStatus("ACTIVE", "PENDING")).toBe(false);
  });

  it("a suspended agency may be reinstated or revoked", () => {
    expect(allowedStatusTransitions("SUSPENDED")).toEqual(["ACTIVE", "REVOKED"]);
    expect(canChangeStatus("SUSPENDED", "SUSPENDED")).toBe(false);
  });

  it("revocation is final", () => {
    expect(allowedStatusTransitions("REVOKED")).toEqual([]);
    for (const to of AGENCY_STATUSES) expect(canChangeStatus("REVOKED", to)).toBe(false);
  });

  it("PENDING is the application workflow's: nothing moves to or from it by hand", () => {
    expect(allowedStatusTransitions("PENDING")).toEqual([]);
    for (const from of AGENCY_STATUSES) expect(canChangeStatus(from, "PENDING")).toBe(false);
    expect(MANUAL_AGENCY_STATUSES).not.toContain("PENDING");
  });

  it("an organisation without a status (not an agency) cannot change status", () => {
    expect(allowedStatusTransitions(null)).toEqual([]);
    expect(canChangeStatus(undefined, "ACTIVE")).toBe(false);
  });

  it("every manual status has a verb", () => {
    expect(Object.keys(STATUS_VERBS).sort()).toEqual([...MANUAL_AGENCY_STATUSES].sort());
  });

  it("the status form refuses PENDING, a missing date or reason", () => {
    const base = { id: "org1", version: "3", status: "SUSPENDED", effectiveFrom: "2026-01-05", reason: "未按时年检" };
    expect(ZChangeAgencyStatus.parse(base)).toMatchObject({ version: 3, status: "SUSPENDED", reason: "未按时年检" });
    expect(ZChangeAgencyStatus.safeParse({ ...base, status: "PENDING" }).success).toBe(false);
    const bad = ZChangeAgencyStatus.safeParse({ ...base, effectiveFrom: "", reason: "  " });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort();
    expect(paths).toEqual(["effectiveFrom:required", "reason:required"]);
  });
});
