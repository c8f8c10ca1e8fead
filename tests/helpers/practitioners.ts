// Test data for the practitioner register: valid resident ID numbers and a practitioner form.
import { idNumberCheckChar } from "@/lib/id-number";

let seq = 0;

/** A valid 18-character resident ID number (GB 11643 check digit) for a given birth day and gender. */
export function validIdNumber(opts: { birth?: string; gender?: "MALE" | "FEMALE"; area?: string } = {}): string {
  const n = seq++;
  const digit = (n % 5) * 2 + (opts.gender === "FEMALE" ? 0 : 1); // 17th digit: odd = male
  const area = opts.area ?? String(110101 + Math.floor(n / 100));
  const first17 = `${area}${opts.birth ?? "19900115"}${String(n % 100).padStart(2, "0")}${digit}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

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
