import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@/lib/id-number";
import { practitionerFormInput, ZChangeStatus, ZCreatePractitioner, ZUpdateContact, ZUpdatePractitioner } from "@/domain/practitioners/schemas";
import * as E from "@/domain/practitioners/enums";

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const MALE_1990 = id("11010119900115001"); // 17th digit 1: male
const FEMALE_1992 = id("11010119920304002");

const base = {
  name: " 王小红 ",
  idNumber: FEMALE_1992,
  degree: "BACHELOR",
  professionalTitle: "",
  organizationId: "org_1",
  practiceFields: ["SCHOOLS"],
  targetGroups: [],
  awards: [],
  entryPath: "RECRUITED",
  entryDate: "2024-03-01",
};

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("ZCreatePractitioner", () => {
  it("trims, defaults and takes birth date and gender from the ID number", () => {
    const v = ZCreatePractitioner.parse({ ...base, gender: "", birthDate: "" });
    expect(v.name).toBe("王小红");
    expect(v.gender).toBe("FEMALE");
    expect(v.birthDate?.toISOString()).toBe("1992-03-04T00:00:00.000Z");
    expect(v.professionalTitle).toBe("NONE");
    expect(v.phone).toBeNull();
    expect(v.keyPost).toBe(false);
    expect(v.entryDate.toISOString().slice(0, 10)).toBe("2024-03-01");
  });

  it("normalises a lower-case x check character", () => {
    // Find a number whose check character is X.
    let first17 = "";
    for (let n = 0; n < 1000 && !first17; n++) {
      const c = `1101011990011${String(n).padStart(3, "0")}1`;
      if (idNumberCheckChar(c) === "X") first17 = c;
    }
    expect(first17).not.toBe("");
    const v = ZCreatePractitioner.parse({ ...base, idNumber: `${first17}x`, gender: "", birthDate: "" });
    expect(v.idNumber).toBe(`${first17}X`);
  });

  it("requires name, ID number, employer, entry path and entry date", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, name: " ", idNumber: "", organizationId: "", entryPath: "", entryDate: "" });
    expect(issues(r)).toMatchObject({ name: "required", organizationId: "required", entryPath: "required", entryDate: "required" });
  });

  it("reports each ID-number problem by its own key", () => {
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: "12345" }))).toMatchObject({ idNumber: "idNumber_format" });
    const wrongCheck = FEMALE_1992.slice(0, 17) + (FEMALE_1992[17] === "1" ? "2" : "1");
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: wrongCheck }))).toMatchObject({ idNumber: "idNumber_checkDigit" });
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: id("11010119901315001") }))).toMatchObject({ idNumber: "idNumber_birthDate" });
  });

  it("refuses a birth date or gender that disagrees with the ID number", () => {
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: MALE_1990, birthDate: "1990-01-16", gender: "FEMALE" }))).toMatchObject({ birthDate: "birthDateMismatch", gender: "genderMismatch" });
    expect(ZCreatePractitioner.safeParse({ ...base, idNumber: MALE_1990, birthDate: "1990-01-15", gender: "MALE" }).success).toBe(true);
  });

  it("checks dates, phone, e-mail, year and enums with catalogue keys", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, hireDate: "2024-02-30", phone: "call me", email: "nope", degreeYear: "19x", practiceFields: ["NOPE"], idNumber: "1" });
    expect(issues(r)).toMatchObject({ hireDate: "date", phone: "phone", email: "email", degreeYear: "year", "practiceFields.0": "invalid", idNumber: "idNumber_format" });
    // Cross-field checks run once the fields themselves are valid.
    expect(issues(ZCreatePractitioner.safeParse({ ...base, entryDate: "1980-01-01", hireDate: "1992-03-04" }))).toEqual({ entryDate: "dateBeforeBirth", hireDate: "dateBeforeBirth" });
  });

  it("validates award rows", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, awards: [{ name: "", level: "MUNICIPAL", year: "" }, { name: "奖", level: "X", year: "1800" }] });
    expect(issues(r)).toMatchObject({ "awards.0.name": "required", "awards.1.level": "required", "awards.1.year": "year" });
  });
});

describe("ZUpdatePractitioner", () => {
  it("keeps the stored ID number when the field is blank, and needs a version", () => {
    const v = ZUpdatePractitioner.parse({ ...base, idNumber: "", id: "p1", version: "3" });
    expect(v.idNumber).toBeNull();
    expect(v.version).toBe(3);
    expect(ZUpdatePractitioner.safeParse({ ...base, id: "p1", version: "" }).success).toBe(false);
  });
});

describe("ZUpdateContact and ZChangeStatus", () => {
  it("takes only phone and e-mail", () => {
    const v = ZUpdateContact.parse({ id: "p1", version: "1", phone: " 13800000000 ", email: "A@B.CN", name: "ignored" });
    expect(v).toEqual({ id: "p1", version: 1, phone: "13800000000", email: "a@b.cn" });
  });

  it("needs a status, a date and an entry path", () => {
    expect(issues(ZChangeStatus.safeParse({ id: "p1", version: "1", status: "", effectiveFrom: "", entryPath: "", entryDate: "x" }))).toMatchObject({
      status: "required",
      effectiveFrom: "required",
      entryPath: "required",
      entryDate: "date",
    });
  });
});

describe("practitionerFormInput", () => {
  it("collects repeated checkboxes and award rows, dropping blank rows", () => {
    const fd = new FormData();
    fd.append("name", "李");
    fd.append("practiceFields", "SCHOOLS");
    fd.append("practiceFields", "HOSPITALS");
    fd.append("awardName", "优秀社工");
    fd.append("awardLevel", "MUNICIPAL");
    fd.append("awardYear", "2023");
    fd.append("awardName", " ");
    fd.append("awardLevel", "OTHER");
    fd.append("awardYear", "");
    fd.append("$ACTION_ID_x", "ignored");
    const out = practitionerFormInput(fd);
    expect(out).toMatchObject({ name: "李", practiceFields: ["SCHOOLS", "HOSPITALS"], targetGroups: [], awards: [{ name: "优秀社工", level: "MUNICIPAL", year: "2023" }] });
    expect(out).not.toHaveProperty("$ACTION_ID_x");
  });
});

describe("enum lists", () => {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const prismaEnum = (name: string) =>
    new RegExp(`enum\\s+${name}\\s*\\{([^}]*)\\}`)
      .exec(schema)![1]!
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim())
      .filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));
  it.each([
    ["Gender", E.GENDERS],
    ["Degree", E.DEGREES],
    ["Major", E.MAJORS],
    ["ProfessionalTitle", E.PROFESSIONAL_TITLES],
    ["EmploymentType", E.EMPLOYMENT_TYPES],
    ["PracticeField", E.PRACTICE_FIELDS],
    ["TargetGroup", E.TARGET_GROUPS],
    ["TalentTrack", E.TALENT_TRACKS],
    ["EntryPath", E.ENTRY_PATHS],
    ["PractitionerStatus", E.PRACTITIONER_STATUSES],
    ["AwardLevel", E.AWARD_LEVELS],
    ["QualificationLevel", E.QUALIFICATION_LEVELS],
  ] as const)("%s matches prisma/schema.prisma", (name, list) => {
    expect([...list]).toEqual(prismaEnum(name));
  });
});
