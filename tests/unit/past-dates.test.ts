import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addYears, isoDay, todayInCity } from "@/domain/common/calendar-day";
import { idNumberCheckChar } from "@/lib/id-number";
import { ZChangeStatus, ZCreatePractitioner, ZUpdatePractitioner } from "@/domain/practitioners/schemas";
import { ZAddRating, ZChangeAgencyStatus, ZUpdateAgencyProfile } from "@/domain/agencies/schemas";
import { ZApplicationFields } from "@/domain/agencies/application-schemas";
import { ZAddMember, ZChangeMemberStatus } from "@/domain/association/schemas";
import { ZSubmitCredential } from "@/domain/credentials/schemas";
import { ZRecordRegistration, ZSubmitCpdEntry } from "@/domain/registrations/schemas";
import { ZClosePost } from "@/domain/posts/schemas";
import { ZRecordLeaving } from "@/domain/staff/schemas";

// Every date on which something has already happened is refused in the future (the city's
// today), with the one message "dateInFuture" (issue 11: an entry date ten years ahead was saved).
// Not here, because they may lie ahead: an integrity record's dates (a record "not yet in force"),
// an assignment's start and end, a plan's start.

const today = todayInCity();
const tomorrow = isoDay(new Date(today.getTime() + 86_400_000));
const tenYears = isoDay(addYears(today, 10));
const todayIso = isoDay(today);
const idNumber = `11010119900115001${idNumberCheckChar("11010119900115001")}`;

const person = { name: "王", idNumber, organizationId: "o1", degree: "NONE", professionalTitle: "NONE", practiceFields: [], targetGroups: [], awards: [], entryPath: "RECRUITED", entryDate: "2020-01-01" };
const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
  ["practitioner entry date", ZCreatePractitioner, person, "entryDate"],
  ["practitioner hire date", ZCreatePractitioner, person, "hireDate"],
  ["practitioner hire date (edit)", ZUpdatePractitioner, { ...person, id: "p1", version: "1" }, "hireDate"],
  ["status change", ZChangeStatus, { id: "p1", version: "1", status: "LEFT", effectiveFrom: "2024-01-01", entryPath: "RECRUITED", entryDate: "2020-01-01" }, "effectiveFrom"],
  ["entry date (status form)", ZChangeStatus, { id: "p1", version: "1", status: "LEFT", effectiveFrom: "2024-01-01", entryPath: "RECRUITED", entryDate: "2020-01-01" }, "entryDate"],
  ["agency founding date (profile)", ZUpdateAgencyProfile, { id: "o1", version: "1", serviceAreas: ["SCHOOLS"], foundedOn: "2010-01-01" }, "foundedOn"],
  ["agency status change", ZChangeAgencyStatus, { id: "o1", version: "1", status: "SUSPENDED", effectiveFrom: "2024-01-01", reason: "x" }, "effectiveFrom"],
  ["rating", ZAddRating, { organizationId: "o1", rating: "A3", ratedOn: "2024-01-01" }, "ratedOn"],
  ["association join", ZAddMember, { memberType: "AGENCY", memberId: "o1", joinedOn: "2024-01-01" }, "joinedOn"],
  ["association end", ZChangeMemberStatus, { id: "m1", version: "1", change: "END", endedOn: "2024-01-01" }, "endedOn"],
  ["credential issue date", ZSubmitCredential, { practitionerId: "p1", kind: "OTHER", number: "1", issuingAuthority: "x", issueDate: "2020-01-01" }, "issueDate"],
  ["CPD start", ZSubmitCpdEntry, { practitionerId: "p1", kind: "EXTERNAL", title: "x", provider: "x", startDate: "2024-01-01", endDate: todayIso, hours: "6" }, "startDate"],
  ["CPD end", ZSubmitCpdEntry, { practitionerId: "p1", kind: "EXTERNAL", title: "x", provider: "x", startDate: "2024-01-01", endDate: "2024-01-02", hours: "6" }, "endDate"],
  ["registration start", ZRecordRegistration, { credentialId: "c1", number: "1", start: "2024-01-01" }, "start"],
  ["post closing", ZClosePost, { id: "x1", version: "1", closedOn: "2024-01-01" }, "closedOn"],
  ["leaving date", ZRecordLeaving, { id: "p1", version: "1", kind: "LEFT", date: "2024-01-01" }, "date"],
];

describe("dates of things that have happened", () => {
  it.each(cases)("%s: today passes, tomorrow and ten years ahead are refused", (_what, schema, valid, field) => {
    expect(schema.safeParse({ ...valid, [field]: todayIso }).error?.issues ?? []).toEqual([]);
    for (const day of [tomorrow, tenYears]) {
      const issues = schema.safeParse({ ...valid, [field]: day }).error?.issues ?? [];
      expect(issues.map((i) => `${i.path.join(".")}:${i.message}`)).toContain(`${field}:dateInFuture`);
    }
  });

  it("the application's founding date too", () => {
    const r = ZApplicationFields.safeParse({ foundedOn: tenYears });
    expect(r.error?.issues.find((i) => i.path[0] === "foundedOn")?.message).toBe("dateInFuture");
  });
});
