// The agency lists' state, read from the URL leniently (anything odd is ignored) and written back
// as canonical search params, so a filtered view can be shared and the pager keeps the filters.
import { parsePage } from "@/lib/pagination";
import { PRACTICE_FIELDS, type TPracticeField } from "@/domain/practitioners/enums";
import { AGENCY_RATING_LEVELS, AGENCY_STATUSES, type TAgencyRatingLevel, type TAgencyStatus } from "./enums";

export const AGENCY_LIST_SORTS = ["name", "rating", "statusSince", "foundedOn"] as const;
export type TAgencyListSort = (typeof AGENCY_LIST_SORTS)[number];

export type TAgencyListFilter = {
  q: string;
  district: string;
  status: TAgencyStatus | "";
  rating: TAgencyRatingLevel | "none" | "";
  /** Only agencies currently on the blacklist or the abnormal-operation list. */
  flagged: boolean;
  privateOnly: boolean;
  sort: TAgencyListSort;
  dir: "asc" | "desc";
  page: number;
};

export type TPublicAgencyFilter = { q: string; district: string; field: TPracticeField | ""; page: number };

type TRaw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => ((list as readonly string[]).includes(v) ? (v as T) : "");
const idLike = (v: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : "");
const getter = (raw: TRaw | URLSearchParams) => (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? "") : first(raw[k])).trim();
const yes = (v: string) => v === "1" || v === "yes" || v === "on" || v === "true";

const defaultDir = (sort: TAgencyListSort) => (sort === "name" ? "asc" : "desc");

export function parseAgencyListFilter(raw: TRaw | URLSearchParams): TAgencyListFilter {
  const get = getter(raw);
  const sort = oneOf(AGENCY_LIST_SORTS, get("sort")) || "name";
  const dir = get("dir");
  return {
    q: get("q").slice(0, 100),
    district: idLike(get("district")),
    status: oneOf(AGENCY_STATUSES, get("status")),
    rating: get("rating") === "none" ? "none" : oneOf(AGENCY_RATING_LEVELS, get("rating")),
    flagged: yes(get("flagged")),
    privateOnly: yes(get("private")),
    sort,
    dir: dir === "asc" || dir === "desc" ? dir : defaultDir(sort),
    page: parsePage(get("page")),
  };
}

/** The filter as search params, leaving out defaults; `page` only when asked. */
export function agencyListParams(f: TAgencyListFilter, withPage = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.district) out.district = f.district;
  if (f.status) out.status = f.status;
  if (f.rating) out.rating = f.rating;
  if (f.flagged) out.flagged = "1";
  if (f.privateOnly) out.private = "1";
  if (f.sort !== "name") out.sort = f.sort;
  if (f.dir !== defaultDir(f.sort)) out.dir = f.dir;
  if (withPage && f.page > 1) out.page = String(f.page);
  return out;
}

export function parsePublicAgencyFilter(raw: TRaw | URLSearchParams): TPublicAgencyFilter {
  const get = getter(raw);
  return { q: get("q").slice(0, 100), district: idLike(get("district")), field: oneOf(PRACTICE_FIELDS, get("field")), page: parsePage(get("page")) };
}

export function publicAgencyParams(f: TPublicAgencyFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.district) out.district = f.district;
  if (f.field) out.field = f.field;
  return out;
}
