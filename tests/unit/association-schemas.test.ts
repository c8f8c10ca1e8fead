import { describe, expect, it } from "vitest";
import { memberListParams, nextMemberStatus, parseMemberListFilter, ZAddMember, ZChangeMemberStatus } from "@/domain/association/schemas";
import { todayInCity } from "@/domain/common/calendar-day";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const tomorrow = iso(new Date(todayInCity().getTime() + 86_400_000));

describe("membership status changes", () => {
  it("suspend only an active membership, reinstate only a suspended one, end any open one", () => {
    expect(nextMemberStatus("ACTIVE", "SUSPEND")).toBe("SUSPENDED");
    expect(nextMemberStatus("SUSPENDED", "SUSPEND")).toBeNull();
    expect(nextMemberStatus("SUSPENDED", "REINSTATE")).toBe("ACTIVE");
    expect(nextMemberStatus("ACTIVE", "REINSTATE")).toBeNull();
    expect(nextMemberStatus("ENDED", "REINSTATE")).toBeNull();
    expect(nextMemberStatus("ACTIVE", "END")).toBe("ENDED");
    expect(nextMemberStatus("SUSPENDED", "END")).toBe("ENDED");
    expect(nextMemberStatus("ENDED", "END")).toBeNull();
  });

  it("ending needs a date that is not in the future; other changes ignore it", () => {
    expect(ZChangeMemberStatus.safeParse({ id: "m", version: "2", change: "END" }).error?.issues[0]).toMatchObject({ path: ["endedOn"], message: "required" });
    expect(ZChangeMemberStatus.safeParse({ id: "m", version: "2", change: "END", endedOn: tomorrow }).error?.issues[0]).toMatchObject({ path: ["endedOn"], message: "dateInFuture" });
    expect(ZChangeMemberStatus.parse({ id: "m", version: "2", change: "END", endedOn: "2025-05-01" })).toMatchObject({ version: 2, endedOn: new Date("2025-05-01T00:00:00Z") });
    expect(ZChangeMemberStatus.parse({ id: "m", version: "2", change: "SUSPEND", endedOn: "2025-05-01" }).endedOn).toBeNull();
    expect(ZChangeMemberStatus.safeParse({ id: "m", version: "0", change: "SUSPEND" }).success).toBe(false);
    expect(ZChangeMemberStatus.safeParse({ id: "m", version: "1", change: "DELETE" }).success).toBe(false);
  });

  it("adding: a member, a real day not in the future, an optional note", () => {
    expect(ZAddMember.parse({ memberType: "PRACTITIONER", memberId: " p1 ", joinedOn: "2025-01-31", note: "" })).toEqual({ memberType: "PRACTITIONER", memberId: "p1", joinedOn: new Date("2025-01-31T00:00:00Z"), note: null });
    expect(ZAddMember.safeParse({ memberType: "PRACTITIONER", memberId: "p1", joinedOn: tomorrow }).success).toBe(false);
    expect(ZAddMember.safeParse({ memberType: "PRACTITIONER", memberId: "p1", joinedOn: "" }).error?.issues[0]?.message).toBe("required");
  });
});

describe("member list URL state", () => {
  it("reads leniently and writes back only what is set", () => {
    expect(parseMemberListFilter({})).toEqual({ tab: "agencies", status: "", q: "", page: 1 });
    expect(parseMemberListFilter({ tab: "practitioners", status: "SUSPENDED", q: "  王 ", page: "3" })).toEqual({ tab: "practitioners", status: "SUSPENDED", q: "王", page: 3 });
    expect(parseMemberListFilter({ tab: "x", status: "GONE", page: "-1" })).toEqual({ tab: "agencies", status: "", q: "", page: 1 });
    expect(memberListParams(parseMemberListFilter({ tab: "practitioners" }))).toEqual({ tab: "practitioners", status: undefined, q: undefined });
  });
});
