// The posts page's state, read from the URL leniently (anything odd is ignored) and written back
// as canonical search params, so the list, its summaries and the pager agree.
import { parsePage } from "@/lib/pagination";
import { PRACTICE_FIELDS, type TPracticeField } from "@/domain/practitioners/enums";
import { POST_KINDS, type TPostKind } from "./enums";

export const POST_VIEWS = ["list", "field", "organization", "district"] as const;
export type TPostView = (typeof POST_VIEWS)[number];

export type TPostListFilter = {
  q: string;
  kind: TPostKind | "";
  field: TPracticeField | "";
  district: string;
  org: string;
  /** Only open posts whose holders fall short of the requirement. */
  understaffed: boolean;
  /** Open posts (default) or closed ones. */
  status: "open" | "closed";
  view: TPostView;
  page: number;
};

type TRaw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => ((list as readonly string[]).includes(v) ? (v as T) : "");
const idLike = (v: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : "");

export function parsePostFilter(raw: TRaw | URLSearchParams): TPostListFilter {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? "") : first(raw[k])).trim();
  return {
    q: get("q").slice(0, 100),
    kind: oneOf(POST_KINDS, get("kind")),
    field: oneOf(PRACTICE_FIELDS, get("field")),
    district: idLike(get("district")),
    org: idLike(get("org")),
    understaffed: get("understaffed") === "1",
    status: get("status") === "closed" ? "closed" : "open",
    view: oneOf(POST_VIEWS, get("view")) || "list",
    page: parsePage(get("page")),
  };
}

/** The filter as search params, leaving out defaults; `view` and `page` only when asked. */
export function postFilterParams(f: TPostListFilter, opts: { view?: boolean; page?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.kind) out.kind = f.kind;
  if (f.field) out.field = f.field;
  if (f.district) out.district = f.district;
  if (f.org) out.org = f.org;
  if (f.understaffed) out.understaffed = "1";
  if (f.status !== "open") out.status = f.status;
  if (opts.view && f.view !== "list") out.view = f.view;
  if (opts.page && f.page > 1) out.page = String(f.page);
  return out;
}
