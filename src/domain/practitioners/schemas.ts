import { z } from "zod";
import { checkIdNumber, idNumberBirthDate, idNumberGender, normaliseIdNumber } from "@/lib/id-number";
import { addYears, todayInCity, ZDay, ZPastDay } from "@/domain/common/calendar-day";
import { ZContactEmail, ZPhone } from "@/domain/common/contact";
import { withCrossCheck, type TParsed } from "@/domain/common/cross-check";
import type { TPractitionersFieldErrorCode } from "./errors";
import {
  AWARD_LEVELS,
  DEGREES,
  EMPLOYMENT_TYPES,
  ENTRY_PATHS,
  GENDERS,
  MAJORS,
  PRACTICE_FIELDS,
  PRACTITIONER_STATUSES,
  PROFESSIONAL_TITLES,
  TALENT_TRACKS,
  TARGET_GROUPS,
} from "./enums";

// One schema per form, shared by the client form and the server mutation. Messages are
// catalogue keys under "validation".

const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
/** An optional form value: "" means absent; the output uses null so it can be stored as is. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional()).transform((v) => (v === undefined ? null : v) as z.output<T> | null);
}

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);

/** The youngest age at which someone starts work in the register (hire and entry dates). */
export const MIN_WORKING_AGE = 16;
/** The oldest age a birth date may give: an older one is a typing error. */
export const MAX_AGE = 100;

/** Whether a birth date gives an age from MIN_WORKING_AGE to MAX_AGE today (in the city). */
export function isPlausibleBirthDate(birth: Date, today = todayInCity()): boolean {
  return birth.getTime() <= addYears(today, -MIN_WORKING_AGE).getTime() && birth.getTime() >= addYears(today, -MAX_AGE).getTime();
}

/** Whether the person born on `birth` was MIN_WORKING_AGE years old on `day`. */
export function isOfWorkingAge(birth: Date, day: Date): boolean {
  return day.getTime() >= addYears(birth, MIN_WORKING_AGE).getTime();
}

/**
 * What is wrong with an ID number as typed, or null: its form, check digit and birth date
 * (GB 11643), and an age by that birth date that no practitioner has. The form checks it when
 * the field is left, the schema on every submit.
 */
export function idNumberProblem(raw: string, today = todayInCity()): TPractitionersFieldErrorCode | null {
  const problem = checkIdNumber(raw, today);
  if (problem) return `idNumber_${problem}`;
  const birth = idNumberBirthDate(normaliseIdNumber(raw));
  return birth && !isPlausibleBirthDate(birth, today) ? "idNumber_age" : null;
}

const ZIdNumber = z
  .string()
  .trim()
  .max(30, "idNumber_format")
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const ZAward = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  level: z.enum(AWARD_LEVELS, "required"),
  year: optional(z.coerce.number("year").int("year").min(1950, "year").max(2100, "year")),
});
export type TAward = z.infer<typeof ZAward>;

const ZProfileFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  gender: optional(z.enum(GENDERS, "invalid")),
  birthDate: optional(ZDay.refine((d) => isPlausibleBirthDate(d), "birthDateRange")),
  /** Edit: blank keeps the stored number (the new-practitioner schema requires it). */
  idNumber: optional(ZIdNumber),
  phone: optional(ZPhone),
  email: optional(ZContactEmail),
  degree: z.preprocess((v) => blankToUndefined(v) ?? "NONE", z.enum(DEGREES, "invalid")),
  major: optional(z.enum(MAJORS, "invalid")),
  degreeInstitution: optional(z.string().trim().max(200, "tooLong")),
  degreeYear: optional(z.coerce.number("year").int("year").min(1950, "year").max(2100, "year")),
  professionalTitle: z.preprocess((v) => blankToUndefined(v) ?? "NONE", z.enum(PROFESSIONAL_TITLES, "invalid")),
  organizationId: ZId,
  employmentType: optional(z.enum(EMPLOYMENT_TYPES, "invalid")),
  hireDate: optional(ZPastDay),
  practiceFields: z.array(z.enum(PRACTICE_FIELDS, "invalid")).max(PRACTICE_FIELDS.length, "invalid").default([]),
  targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid").default([]),
  talentTrack: optional(z.enum(TALENT_TRACKS, "invalid")),
  awards: z.array(ZAward).max(50, "invalid").default([]),
  keyPost: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

type TProfileFields = z.output<typeof ZProfileFields>;

/** The birth date the checks go by: the one typed, else the ID number's (each only if it parsed). */
function birthOf(value: TProfileFields, parsed: TParsed): Date | null {
  if (parsed("birthDate") && value.birthDate instanceof Date) return value.birthDate;
  if (parsed("idNumber") && typeof value.idNumber === "string" && value.idNumber) return idNumberBirthDate(normaliseIdNumber(value.idNumber));
  return null;
}

/**
 * Birth date and gender default from the ID number and must agree with it; hire and entry dates
 * come at working age. Run whatever else failed (withCrossCheck), comparing only parsed fields.
 */
function checkPerson(value: TProfileFields & { entryDate?: Date | null }, ctx: z.RefinementCtx, parsed: TParsed) {
  if (parsed("idNumber") && typeof value.idNumber === "string" && value.idNumber) {
    const id = normaliseIdNumber(value.idNumber);
    const birth = idNumberBirthDate(id);
    if (parsed("birthDate") && value.birthDate instanceof Date && birth && value.birthDate.getTime() !== birth.getTime()) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "birthDateMismatch" });
    if (parsed("gender") && value.gender && value.gender !== idNumberGender(id)) ctx.addIssue({ code: "custom", path: ["gender"], message: "genderMismatch" });
  }
  const birth = birthOf(value, parsed);
  if (!birth) return;
  for (const field of ["hireDate", "entryDate"] as const) {
    const day = value[field];
    if (parsed(field) && day instanceof Date && !isOfWorkingAge(birth, day)) ctx.addIssue({ code: "custom", path: [field], message: "underWorkingAge" });
  }
}

function fillFromIdNumber<T extends TProfileFields>(value: T): T {
  if (!value.idNumber) return value;
  const id = normaliseIdNumber(value.idNumber);
  return { ...value, idNumber: id, birthDate: value.birthDate ?? idNumberBirthDate(id), gender: value.gender ?? idNumberGender(id) };
}

/** A day the form requires: "" is "required". */
const ZRequiredPastDay = z.preprocess(blankToUndefined, ZPastDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

export const ZCreatePractitioner = withCrossCheck(
  ZProfileFields.extend({
    // Required at the field, so an empty form reports it with the other required fields.
    idNumber: z.preprocess(blankToUndefined, ZIdNumber.optional()).refine((v) => v !== undefined, "required").transform((v) => v!),
    entryPath: z.enum(ENTRY_PATHS, "required"),
    entryDate: ZRequiredPastDay,
  }),
  checkPerson,
).transform(fillFromIdNumber);
export type TCreatePractitioner = z.infer<typeof ZCreatePractitioner>;

export const ZUpdatePractitioner = withCrossCheck(ZProfileFields.extend({ id: ZId, version: ZVersion }), checkPerson).transform(fillFromIdNumber);
export type TUpdatePractitioner = z.infer<typeof ZUpdatePractitioner>;

/** What a practitioner may change about themselves. */
export const ZUpdateContact = z.object({ id: ZId, version: ZVersion, phone: optional(ZPhone), email: optional(ZContactEmail) });
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

/** Status and entry path: a separate permission (practitioners.changeStatus). */
export const ZChangeStatus = z.object({
  id: ZId,
  version: ZVersion,
  status: z.enum(PRACTITIONER_STATUSES, "required"),
  effectiveFrom: ZRequiredPastDay,
  note: optional(z.string().trim().max(500, "tooLong")),
  entryPath: z.enum(ENTRY_PATHS, "required"),
  entryDate: ZRequiredPastDay,
});
export type TChangeStatus = z.infer<typeof ZChangeStatus>;

export const ZPractitionerRef = z.object({ id: ZId });

/**
 * A profile form as a plain object: repeated checkboxes become arrays and the award rows
 * (awardName / awardLevel / awardYear, in order) become objects; wholly blank rows are dropped.
 */
export function practitionerFormInput(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !key.startsWith("award")) out[key] = value;
  }
  out.practiceFields = formData.getAll("practiceFields").map(String);
  out.targetGroups = formData.getAll("targetGroups").map(String);
  const names = formData.getAll("awardName").map(String);
  const levels = formData.getAll("awardLevel").map(String);
  const years = formData.getAll("awardYear").map(String);
  out.awards = names
    .map((name, i) => ({ name, level: levels[i] ?? "", year: years[i] ?? "" }))
    .filter((a) => a.name.trim() !== "" || a.year.trim() !== "");
  return out;
}
