import { z } from "zod";
import { checkIdNumber, idNumberBirthDate, idNumberGender, normaliseIdNumber } from "@/lib/id-number";
import { ZDay } from "@/domain/common/calendar-day";
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

export const ZPhone = z
  .string()
  .trim()
  .max(20, "phone")
  .refine((v) => /^\+?[0-9][0-9 ()-]{4,19}$/.test(v), "phone");
export const ZContactEmail = z.string().trim().toLowerCase().max(254, "tooLong").pipe(z.email("email"));

export const ZAward = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  level: z.enum(AWARD_LEVELS, "required"),
  year: optional(z.coerce.number("year").int("year").min(1950, "year").max(2100, "year")),
});
export type TAward = z.infer<typeof ZAward>;

const ZProfileFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  gender: optional(z.enum(GENDERS, "invalid")),
  birthDate: optional(ZDay),
  /** Create: required. Edit: blank keeps the stored number. */
  idNumber: optional(
    z
      .string()
      .trim()
      .max(30, "idNumber_format")
      .superRefine((v, ctx) => {
        const problem = checkIdNumber(v);
        if (problem) ctx.addIssue({ code: "custom", message: `idNumber_${problem}` });
      }),
  ),
  phone: optional(ZPhone),
  email: optional(ZContactEmail),
  degree: z.preprocess((v) => blankToUndefined(v) ?? "NONE", z.enum(DEGREES, "invalid")),
  major: optional(z.enum(MAJORS, "invalid")),
  degreeInstitution: optional(z.string().trim().max(200, "tooLong")),
  degreeYear: optional(z.coerce.number("year").int("year").min(1950, "year").max(2100, "year")),
  professionalTitle: z.preprocess((v) => blankToUndefined(v) ?? "NONE", z.enum(PROFESSIONAL_TITLES, "invalid")),
  organizationId: ZId,
  employmentType: optional(z.enum(EMPLOYMENT_TYPES, "invalid")),
  hireDate: optional(ZDay),
  practiceFields: z.array(z.enum(PRACTICE_FIELDS, "invalid")).max(PRACTICE_FIELDS.length, "invalid").default([]),
  targetGroups: z.array(z.enum(TARGET_GROUPS, "invalid")).max(TARGET_GROUPS.length, "invalid").default([]),
  talentTrack: optional(z.enum(TALENT_TRACKS, "invalid")),
  awards: z.array(ZAward).max(50, "invalid").default([]),
  keyPost: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

type TProfileFields = z.infer<typeof ZProfileFields>;

/**
 * Birth date and gender default from the ID number (already checked against GB 11643 by its
 * field) and must agree with it. Object-level checks run once every field parsed.
 */
function checkIdentity(value: TProfileFields, ctx: z.RefinementCtx, idRequired: boolean) {
  if (!value.idNumber) {
    if (idRequired) ctx.addIssue({ code: "custom", path: ["idNumber"], message: "required" });
    return;
  }
  const id = normaliseIdNumber(value.idNumber);
  const birth = idNumberBirthDate(id);
  if (value.birthDate instanceof Date && birth && value.birthDate.getTime() !== birth.getTime()) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "birthDateMismatch" });
  if (value.gender && value.gender !== idNumberGender(id)) ctx.addIssue({ code: "custom", path: ["gender"], message: "genderMismatch" });
}

function fillFromIdNumber<T extends TProfileFields>(value: T): T {
  if (!value.idNumber) return value;
  const id = normaliseIdNumber(value.idNumber);
  return { ...value, idNumber: id, birthDate: value.birthDate ?? idNumberBirthDate(id), gender: value.gender ?? idNumberGender(id) };
}

function checkDates(value: TProfileFields & { entryDate?: Date | null }, ctx: z.RefinementCtx) {
  const fromId = value.idNumber && !checkIdNumber(value.idNumber) ? idNumberBirthDate(normaliseIdNumber(value.idNumber)) : null;
  // A field that failed its own check still reaches here as its raw input (zod runs object checks
  // after non-fatal field issues): compare real dates only.
  const birth = (value.birthDate instanceof Date ? value.birthDate : fromId)?.getTime();
  if (birth !== undefined && value.hireDate instanceof Date && value.hireDate.getTime() <= birth) ctx.addIssue({ code: "custom", path: ["hireDate"], message: "dateBeforeBirth" });
  if (birth !== undefined && value.entryDate instanceof Date && value.entryDate.getTime() <= birth) ctx.addIssue({ code: "custom", path: ["entryDate"], message: "dateBeforeBirth" });
}

export const ZCreatePractitioner = ZProfileFields.extend({
  entryPath: z.enum(ENTRY_PATHS, "required"),
  entryDate: z.preprocess(blankToUndefined, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!),
})
  .superRefine((v, ctx) => {
    checkIdentity(v, ctx, true);
    checkDates(v, ctx);
  })
  .transform(fillFromIdNumber);
export type TCreatePractitioner = z.infer<typeof ZCreatePractitioner>;

export const ZUpdatePractitioner = ZProfileFields.extend({ id: ZId, version: ZVersion })
  .superRefine((v, ctx) => {
    checkIdentity(v, ctx, false);
    checkDates(v, ctx);
  })
  .transform(fillFromIdNumber);
export type TUpdatePractitioner = z.infer<typeof ZUpdatePractitioner>;

/** What a practitioner may change about themselves. */
export const ZUpdateContact = z.object({ id: ZId, version: ZVersion, phone: optional(ZPhone), email: optional(ZContactEmail) });
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

/** Status and entry path: a separate permission (practitioners.changeStatus). */
export const ZChangeStatus = z.object({
  id: ZId,
  version: ZVersion,
  status: z.enum(PRACTITIONER_STATUSES, "required"),
  effectiveFrom: z.preprocess(blankToUndefined, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!),
  note: optional(z.string().trim().max(500, "tooLong")),
  entryPath: z.enum(ENTRY_PATHS, "required"),
  entryDate: z.preprocess(blankToUndefined, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!),
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
