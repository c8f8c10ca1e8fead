// The register list's state, read from the URL leniently (anything odd is ignored, but for a
// typed number of days, which the page points out) and written back as canonical search params, so the list page, its pager and the Excel export agree.
import { parsePage } from "@/lib/pagination";
import {
  ENTRY_PATHS,
  LIST_SORTS,
  PRACTICE_FIELDS,
  PRACTITIONER_STATUSES,
  QUALIFICATION_LEVELS,
  TARGET_GROUPS,
  type TEntryPath,
  type TListSort,
  type TPracticeField,
  type TPractitionerStatus,
  type TQualificationLevel,
  type TTargetGroup,
} from "./enums";

export type TListFilter = {
  q: string;
  district: string;
  employer: string;
  level: TQualificationLevel | "";
  counts: "yes" | "no" | "";
  entryPath: TEntryPath | "";
  field: TPracticeField | "";
  group: TTargetGroup | "";
  status: TPractitionerStatus | "";
  /** The registration's status today (current, due, lapsed) or "none" (no registration of a verified certificate). */
  registration: TRegistrationFilter | "";
  /** The registration period ends within this many days from today (1–3650). */
  regEnds: number | null;
  /** What was asked for as regEnds when it is not a whole number from 1 to 3650: the page says so (the filter is not applied). */
  regEndsInvalid: string | null;
  sort: TListSort;
  dir: "asc" | "desc";
  page: number;
};

export const REGISTRATION_FILTERS = ["current", "due", "lapsed", "none"] as const;
export type TRegistrationFilter = (typeof REGISTRATION_FILTERS)[number];

type TRaw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => ((list as readonly string[]).includes(v) ? (v as T) : "");
const idLike = (v: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : "");

export const DEFAULT_SORT: TListSort = "name";

export function parseListFilter(raw: TRaw | URLSearchParams): TListFilter {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? "") : first(raw[k])).trim();
  // "expiring" is the parameter's name from before certificates were permanent (old bookmarks).
  const regEndsRaw = get("regEnds") || get("expiring");
  const regEndsN = /^\d{1,4}$/.test(regEndsRaw) ? Number(regEndsRaw) : Number.NaN;
  const regEndsOk = Number.isFinite(regEndsN) && regEndsN >= 1 && regEndsN <= 3650;
  const sort = oneOf(LIST_SORTS, get("sort")) || DEFAULT_SORT;
  const dirRaw = get("dir");
  return {
    q: get("q").slice(0, 100),
    district: idLike(get("district")),
    employer: idLike(get("employer")),
    level: oneOf(QUALIFICATION_LEVELS, get("level")),
    counts: get("counts") === "yes" ? "yes" : get("counts") === "no" ? "no" : "",
    entryPath: oneOf(ENTRY_PATHS, get("entryPath")),
    field: oneOf(PRACTICE_FIELDS, get("field")),
    group: oneOf(TARGET_GROUPS, get("group")),
    status: oneOf(PRACTITIONER_STATUSES, get("status")),
    registration: oneOf(REGISTRATION_FILTERS, get("registration")),
    regEnds: regEndsOk ? regEndsN : null,
    regEndsInvalid: regEndsRaw && !regEndsOk ? regEndsRaw.slice(0, 20) : null,
    sort,
    // Names read A→Z by default; dates newest first.
    dir: dirRaw === "asc" || dirRaw === "desc" ? dirRaw : sort === "name" ? "asc" : "desc",
    page: parsePage(get("page")),
  };
}

/** Whether any filter narrows the list (sorting and paging do not): an empty list then means "no match", not "nobody". */
export function isNarrowed(f: TListFilter): boolean {
  return !!(f.q || f.district || f.employer || f.level || f.counts || f.entryPath || f.field || f.group || f.status || f.registration || f.regEnds !== null);
}

/** The filter as search params, leaving out defaults; `page` only when asked. */
export function listFilterParams(f: TListFilter, withPage = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.district) out.district = f.district;
  if (f.employer) out.employer = f.employer;
  if (f.level) out.level = f.level;
  if (f.counts) out.counts = f.counts;
  if (f.entryPath) out.entryPath = f.entryPath;
  if (f.field) out.field = f.field;
  if (f.group) out.group = f.group;
  if (f.status) out.status = f.status;
  if (f.registration) out.registration = f.registration;
  if (f.regEnds !== null) out.regEnds = String(f.regEnds);
  if (f.sort !== DEFAULT_SORT) out.sort = f.sort;
  const defaultDir = f.sort === "name" ? "asc" : "desc";
  if (f.dir !== defaultDir) out.dir = f.dir;
  if (withPage && f.page > 1) out.page = String(f.page);
  return out;
}
