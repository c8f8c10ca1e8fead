// The staff-import spreadsheet: its columns, and how a cell becomes a form value. Pure (no I/O),
// shared by the template, the parser, the preview and the error report. A column's header is the
// practitioner form's label (practitioners.fields.*) in any of the three languages, or its code.
import {
  DEGREES,
  EMPLOYMENT_TYPES,
  ENTRY_PATHS,
  GENDERS,
  MAJORS,
  PRACTICE_FIELD_CODES,
  PRACTICE_FIELDS,
  PROFESSIONAL_TITLES,
  TALENT_TRACKS,
  TARGET_GROUPS,
  type TPracticeField,
} from "@/domain/practitioners/enums";
import { CERTIFICATE_KINDS, type TCredentialKind } from "@/domain/credentials/schemas";
import { isoDay } from "@/domain/common/calendar-day";
import { serialToDate, type TXlsxCell } from "@/lib/xlsx-read";

/** How a column is read: "number" is a typed number (certificate number), stored canonical. */
export type TColumnKind = "text" | "id" | "date" | "year" | "enum" | "multi" | "number";

/** The practitioner form's fields the spreadsheet has a column for (labelled practitioners.fields.<field>). */
export type TImportField =
  | "name"
  | "idNumber"
  | "gender"
  | "birthDate"
  | "phone"
  | "email"
  | "degree"
  | "major"
  | "degreeInstitution"
  | "degreeYear"
  | "professionalTitle"
  | "employmentType"
  | "hireDate"
  | "practiceFields"
  | "targetGroups"
  | "talentTrack"
  | "entryPath"
  | "entryDate"
  | "certificateLevel"
  | "certificateNumber"
  | "certificateIssueDate";

/** The enumerations a column takes its values from, by their set in the catalogue (enums.<set>.<value>). */
type TColumnEnums = {
  gender: (typeof GENDERS)[number];
  degree: (typeof DEGREES)[number];
  major: (typeof MAJORS)[number];
  professionalTitle: (typeof PROFESSIONAL_TITLES)[number];
  employmentType: (typeof EMPLOYMENT_TYPES)[number];
  practiceField: (typeof PRACTICE_FIELDS)[number];
  targetGroup: (typeof TARGET_GROUPS)[number];
  talentTrack: (typeof TALENT_TRACKS)[number];
  entryPath: (typeof ENTRY_PATHS)[number];
  credentialKind: TCredentialKind;
};
type TEnumSet = keyof TColumnEnums;

/** The catalogue key labelling one value of a column's enumeration. */
export type TEnumLabelKey = { [S in TEnumSet]: `enums.${S}.${TColumnEnums[S]}` }[TEnumSet];

type TColumnBase = {
  /** The practitioner form's field name (and the catalogue key practitioners.fields.<field>). */
  field: TImportField;
  required?: boolean;
  /** The qualification certificate's three columns: all blank, or all filled in. */
  certificate?: boolean;
  width: number;
  /** A sample value (codes for enums, several separated by ";"; the template shows the labels). */
  example: string;
};

/** A column of codes from one enumeration; enums.<enumKey>.<value> labels the values. */
type TEnumColumn = { [S in TEnumSet]: TColumnBase & { kind: "enum" | "multi"; enumKey: S; values: readonly TColumnEnums[S][] } }[TEnumSet];

export type TImportColumn = TEnumColumn | (TColumnBase & { kind: Exclude<TColumnKind, "enum" | "multi">; enumKey?: undefined; values?: undefined });

export function isImportField(field: string): field is TImportField {
  return IMPORT_COLUMNS.some((c) => c.field === field);
}

/** The catalogue key labelling `value` in the column's enumeration, or null when it is not one of its values. */
export function enumLabelKey(column: TImportColumn, value: string): TEnumLabelKey | null {
  if (!column.values || !(column.values as readonly string[]).includes(value)) return null;
  // `value` is one of the column's own values, so the key is one of TEnumLabelKey.
  return `enums.${column.enumKey}.${value}` as TEnumLabelKey;
}

export const IMPORT_COLUMNS: readonly TImportColumn[] = [
  { field: "name", kind: "text", required: true, width: 12, example: "王小红" },
  { field: "idNumber", kind: "id", required: true, width: 22, example: "110101199203040028" },
  { field: "gender", kind: "enum", enumKey: "gender", values: GENDERS, width: 8, example: "FEMALE" },
  { field: "birthDate", kind: "date", width: 12, example: "1992-03-04" },
  { field: "phone", kind: "text", width: 14, example: "13800000000" },
  { field: "email", kind: "text", width: 22, example: "wang@example.cn" },
  { field: "degree", kind: "enum", enumKey: "degree", values: DEGREES, width: 10, example: "BACHELOR" },
  { field: "major", kind: "enum", enumKey: "major", values: MAJORS, width: 12, example: "SOCIAL_WORK" },
  { field: "degreeInstitution", kind: "text", width: 20, example: "示例大学" },
  { field: "degreeYear", kind: "year", width: 10, example: "2014" },
  { field: "professionalTitle", kind: "enum", enumKey: "professionalTitle", values: PROFESSIONAL_TITLES, width: 10, example: "JUNIOR" },
  { field: "employmentType", kind: "enum", enumKey: "employmentType", values: EMPLOYMENT_TYPES, width: 22, example: "AGENCY_STAFF" },
  { field: "hireDate", kind: "date", width: 12, example: "2024-03-01" },
  { field: "practiceFields", kind: "multi", enumKey: "practiceField", values: PRACTICE_FIELDS, width: 30, example: "CIVIL_AFFAIRS;SCHOOLS" },
  { field: "targetGroups", kind: "multi", enumKey: "targetGroup", values: TARGET_GROUPS, width: 24, example: "ELDERLY;CHILDREN" },
  { field: "talentTrack", kind: "enum", enumKey: "talentTrack", values: TALENT_TRACKS, width: 12, example: "FRONTLINE" },
  { field: "entryPath", kind: "enum", required: true, enumKey: "entryPath", values: ENTRY_PATHS, width: 12, example: "RECRUITED" },
  { field: "entryDate", kind: "date", required: true, width: 12, example: "2024-03-01" },
  { field: "certificateLevel", kind: "enum", certificate: true, enumKey: "credentialKind", values: CERTIFICATE_KINDS, width: 16, example: "ASSISTANT_SOCIAL_WORKER" },
  { field: "certificateNumber", kind: "number", certificate: true, width: 20, example: "2019350123000456" },
  { field: "certificateIssueDate", kind: "date", certificate: true, width: 14, example: "2019-09-01" },
];

export const CERTIFICATE_FIELDS = IMPORT_COLUMNS.filter((c) => c.certificate).map((c) => c.field);

export const IMPORT_FIELDS = IMPORT_COLUMNS.map((c) => c.field);
export const REQUIRED_FIELDS = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.field);

/** Separators accepted between the values of a multi-value cell (the template documents 、 and ;). */
export const MULTI_SEPARATOR = /[、;；,，\n]+/;

type TCatalogue = Record<string, unknown>;
const get = (obj: unknown, path: string): unknown => path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as TCatalogue)[k] : undefined), obj);

/** Header text → field, and for each enum column label/code → value, over every catalogue given. */
export type TLabelIndex = { headers: Map<string, string>; values: Map<string, Map<string, string>> };

export const normaliseLabel = (s: string) => s.normalize("NFKC").replace(/[*＊\s]/g, "").toLowerCase();

/** A label without its bracketed part ("Social worker (intermediate)" → "Social worker"), or null when it has none. */
const withoutBrackets = (s: string) => {
  const bare = s.replace(/\s*[(（][^)）]*[)）]\s*/g, "").trim();
  return bare && bare !== s ? bare : null;
};

export function buildLabelIndex(catalogues: TCatalogue[]): TLabelIndex {
  const headers = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  for (const c of IMPORT_COLUMNS) {
    headers.set(normaliseLabel(c.field), c.field);
    for (const cat of catalogues) {
      const label = get(cat, `practitioners.fields.${c.field}`);
      if (typeof label === "string") headers.set(normaliseLabel(label), c.field);
    }
    if (c.values && c.enumKey) {
      const map = new Map<string, string>();
      for (const v of c.values) {
        map.set(normaliseLabel(v), v);
        for (const cat of catalogues) {
          const label = get(cat, `enums.${c.enumKey}.${v}`);
          if (typeof label !== "string") continue;
          map.set(normaliseLabel(label), v);
          // "Social worker (intermediate)" also answers to "Social worker", unless another value has that label.
          const bare = withoutBrackets(label);
          if (bare && !map.has(normaliseLabel(bare))) map.set(normaliseLabel(bare), v);
          // Practice fields also go by the plan's code: "T3.3", or "T3.3 学校" as older templates wrote them.
          const code = c.enumKey === "practiceField" ? PRACTICE_FIELD_CODES[v as TPracticeField] : undefined;
          if (code) {
            map.set(normaliseLabel(code), v);
            map.set(normaliseLabel(`${code} ${label}`), v);
          }
        }
      }
      values.set(c.field, map);
    }
  }
  return { headers, values };
}

/** Integers as their digits (never "1.38e+10"); other numbers as JavaScript writes them. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  return String(value);
}

/** A cell read as text, and what reading it showed to be wrong (a code of staff.import.rowErrors). */
export type TCellText = { text: string; problem?: "idNumberAsNumber" | "certificateNumberAsNumber" };

/**
 * A cell as the column reads it. Date columns take date cells, serial day numbers (a date typed
 * into a column formatted as a number) and text; an ID number saved as a number has lost its last
 * digits (spreadsheets keep 15) and says so, as does a long certificate number; other numbers read as their digits (a phone number).
 */
export function cellToText(cell: TXlsxCell | undefined, kind: TColumnKind, date1904 = false): TCellText {
  if (!cell) return { text: "" };
  switch (cell.t) {
    case "text":
      return { text: cell.text.trim() };
    case "bool":
      return { text: cell.value ? "TRUE" : "FALSE" };
    case "error":
      return { text: cell.text.trim() };
    case "date":
      return { text: /^\d{4}-\d{2}-\d{2}/.test(cell.iso) ? cell.iso.slice(0, 10) : cell.iso };
    case "number": {
      if (cell.date || kind === "date") {
        const day = serialToDate(cell.value, date1904);
        if (day) return { text: isoDay(day)! };
      }
      if (kind === "id" && Math.abs(cell.value) >= 1e15) return { text: numberText(cell.value), problem: "idNumberAsNumber" };
      if (kind === "number" && Math.abs(cell.value) >= 1e15) return { text: numberText(cell.value), problem: "certificateNumberAsNumber" };
      return { text: numberText(cell.value) };
    }
  }
}

/** 2024-3-1, 2024/03/01, 2024.3.1, 2024年3月1日, 20240301 → 2024-03-01; anything else is returned as is (and then refused by the schema). */
export function normaliseDay(text: string): string {
  // A time of day after the date (a date cell saved as text by some programs: "2024-03-01 00:00:00", "2024/3/1 0:00", ISO "T00:00:00Z") is dropped.
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  if (!m) return text.trim();
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

/**
 * One row's cells (by field, as text) → the practitioner form's input. Unknown enum labels are
 * passed through unchanged, so the form's schema refuses them with its own message.
 */
export function rowToFormInput(raw: Record<string, string>, index: TLabelIndex, organizationId: string): Record<string, unknown> {
  const out: Record<string, unknown> = { organizationId, awards: [] };
  for (const c of IMPORT_COLUMNS) {
    if (c.certificate) continue;
    const text = (raw[c.field] ?? "").trim();
    const map = index.values.get(c.field);
    switch (c.kind) {
      case "enum":
        out[c.field] = text === "" ? "" : (map?.get(normaliseLabel(text)) ?? text);
        break;
      case "multi":
        out[c.field] = text === "" ? [] : text.split(MULTI_SEPARATOR).map((s) => s.trim()).filter(Boolean).map((s) => map?.get(normaliseLabel(s)) ?? s);
        break;
      case "date":
        out[c.field] = normaliseDay(text);
        break;
      case "id":
        out[c.field] = text.replace(/\s+/g, "").toUpperCase();
        break;
      default:
        out[c.field] = text;
    }
  }
  return out;
}

/** One spreadsheet row as text keyed by field, with the spreadsheet's own row number and what reading its cells showed (e.g. an ID number saved as a number). */
export type TSheetRow = { rowNumber: number; raw: Record<string, string>; cellProblems?: Partial<Record<TImportField, NonNullable<TCellText["problem"]>>> };
