import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@/lib/id-number";
import { idNumberProblem, isOfWorkingAge, isPlausibleBirthDate, practitionerFormInput, ZChangeStatus, ZCreatePractitioner, ZUpdateContact, ZUpdatePractitioner } from "@/domain/practitioners/schemas";
import { addYears, isoDay, todayInCity } from "@/domain/common/calendar-day";
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

  it("requires name, ID number, employer, entry path and entry date, all reported at once", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, name: " ", idNumber: "", organizationId: "", entryPath: "", entryDate: "" });
    expect(issues(r)).toEqual({ name: "required", idNumber: "required", organizationId: "required", entryPath: "required", entryDate: "required" });
    // The empty form as the browser sends it (an agency administrator's: the employer is fixed).
    const empty = ZCreatePractitioner.safeParse({ organizationId: "org_1", name: "", idNumber: "", gender: "", birthDate: "", phone: "", email: "", degree: "NONE", major: "", degreeInstitution: "", degreeYear: "", professionalTitle: "NONE", employmentType: "", hireDate: "", talentTrack: "", entryPath: "", entryDate: "", practiceFields: [], targetGroups: [], awards: [] });
    expect(issues(empty)).toEqual({ name: "required", idNumber: "required", entryPath: "required", entryDate: "required" });
  });

  it("checks a birth date and hire date against the ID number even when other fields fail", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, idNumber: MALE_1990, birthDate: "1990-01-16", gender: "FEMALE", hireDate: "2000-01-01", entryPath: "" });
    expect(issues(r)).toEqual({ entryPath: "required", birthDate: "birthDateMismatch", gender: "genderMismatch", hireDate: "underWorkingAge" });
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
    // Cross-field checks compare fields that parsed: a malformed hire date is not also "too young".
    expect(issues(ZCreatePractitioner.safeParse({ ...base, entryDate: "1980-01-01", hireDate: "1992-03-04" }))).toEqual({ entryDate: "underWorkingAge", hireDate: "underWorkingAge" });
    expect(issues(ZCreatePractitioner.safeParse({ ...base, hireDate: "2008-02-30" }))).toEqual({ hireDate: "date" });
  });

  it("refuses entry and hire dates in the future, and before the person was 16 (born 4 March 1992)", () => {
    const future = isoDay(addYears(todayInCity(), 10));
    expect(issues(ZCreatePractitioner.safeParse({ ...base, entryDate: future, hireDate: future }))).toEqual({ entryDate: "dateInFuture", hireDate: "dateInFuture" });
    expect(issues(ZCreatePractitioner.safeParse({ ...base, entryDate: "2008-03-03" }))).toEqual({ entryDate: "underWorkingAge" });
    expect(ZCreatePractitioner.safeParse({ ...base, entryDate: "2008-03-04", hireDate: "2008-03-04" }).success).toBe(true);
  });

  it("refuses a birth date, typed or in the ID number, that makes the person under 16 or over 100", () => {
    const today = todayInCity();
    const tooOld = isoDay(addYears(today, -101));
    const tooYoung = isoDay(addYears(today, -15));
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: "", birthDate: tooOld })).birthDate).toBe("birthDateRange");
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: "", birthDate: tooYoung })).birthDate).toBe("birthDateRange");
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: id(`110101${tooOld.replaceAll("-", "")}001`) })).idNumber).toBe("idNumber_age");
    expect(issues(ZCreatePractitioner.safeParse({ ...base, idNumber: id(`110101${tooYoung.replaceAll("-", "")}001`) })).idNumber).toBe("idNumber_age");
  });

  it("stores a phone number in its canonical form and refuses a 20-digit one", () => {
    expect(ZCreatePractitioner.parse({ ...base, phone: "+86 139 1234 5678" }).phone).toBe("13912345678");
    expect(ZCreatePractitioner.parse({ ...base, phone: "010 6666 0000 转 12" }).phone).toBe("010-66660000-12");
    expect(issues(ZCreatePractitioner.safeParse({ ...base, phone: "12345678901234567890" }))).toEqual({ phone: "phone" });
  });

  it("validates award rows", () => {
    const r = ZCreatePractitioner.safeParse({ ...base, awards: [{ name: "", level: "MUNICIPAL", year: "" }, { name: "奖", level: "X", year: "1800" }] });
    expect(issues(r)).toMatchObject({ "awards.0.name": "required", "awards.1.level": "required", "awards.1.year": "year" });
  });
});

describe("age rules", () => {
  const today = new Date(Date.UTC(2026, 2, 15));
  it("a birth date gives an age from 16 to 100 today, both included", () => {
    expect(isPlausibleBirthDate(new Date(Date.UTC(2010, 2, 15)), today)).toBe(true);
    expect(isPlausibleBirthDate(new Date(Date.UTC(2010, 2, 16)), today)).toBe(false);
    expect(isPlausibleBirthDate(new Date(Date.UTC(1926, 2, 15)), today)).toBe(true);
    expect(isPlausibleBirthDate(new Date(Date.UTC(1926, 2, 14)), today)).toBe(false);
  });

  it("working age starts on the 16th birthday", () => {
    const birth = new Date(Date.UTC(1992, 2, 4));
    expect(isOfWorkingAge(birth, new Date(Date.UTC(2008, 2, 3)))).toBe(false);
    expect(isOfWorkingAge(birth, new Date(Date.UTC(2008, 2, 4)))).toBe(true);
  });

  it("an ID number's problem, by the same rules", () => {
    expect(idNumberProblem(FEMALE_1992, today)).toBeNull();
    expect(idNumberProblem("123", today)).toBe("idNumber_format");
    expect(idNumberProblem(id("11010119200101001"), today)).toBe("idNumber_age");
    expect(idNumberProblem(id("11010120150101001"), today)).toBe("idNumber_age");
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

  it("refuses a status change or entry date in the future, and a phone no one has", () => {
    const future = isoDay(addYears(todayInCity(), 1));
    expect(issues(ZChangeStatus.safeParse({ id: "p1", version: "1", status: "LEFT", effectiveFrom: future, entryPath: "RECRUITED", entryDate: future }))).toEqual({ effectiveFrom: "dateInFuture", entryDate: "dateInFuture" });
    expect(issues(ZUpdateContact.safeParse({ id: "p1", version: "1", phone: "12345678901234567890" }))).toEqual({ phone: "phone" });
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
