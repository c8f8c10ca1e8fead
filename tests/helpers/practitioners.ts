// A practitioner form as the browser sends it (strings), for the register's mutations.
import { validIdNumber } from "@/server/seed/id-numbers";

/** A minimal valid create-form payload (strings, as a form sends them). */
export function practitionerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "王小红",
    idNumber: validIdNumber({ gender: "FEMALE", birth: "19920304" }),
    phone: "13800000000",
    email: "",
    degree: "BACHELOR",
    major: "SOCIAL_WORK",
    professionalTitle: "NONE",
    organizationId: "",
    employmentType: "AGENCY_STAFF",
    hireDate: "2024-03-01",
    practiceFields: ["CIVIL_AFFAIRS"],
    targetGroups: ["ELDERLY", "CHILDREN"],
    talentTrack: "FRONTLINE",
    awards: [],
    entryPath: "RECRUITED",
    entryDate: "2024-03-01",
    ...overrides,
  };
}
