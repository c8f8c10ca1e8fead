// The contracts page's state, read from the URL leniently (anything odd is ignored) and written
// back as canonical search params, so the list, its export and the pager agree.
import { parsePage } from "@/lib/pagination";
import { CONTRACT_STATUSES, SERVICE_PROJECT_TYPES, type TContractStatus, type TServiceProjectType } from "./enums";

export type TContractListFilter = {
  q: string;
  type: TServiceProjectType | "";
  status: TContractStatus | "";
  district: string;
  /** Only active contracts falling short of their staffing today. */
  shortfall: boolean;
  page: number;
};

type TRaw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => ((list as readonly string[]).includes(v) ? (v as T) : "");
const idLike = (v: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : "");

export function parseContractFilter(raw: TRaw | URLSearchParams): TContractListFilter {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? "") : first(raw[k])).trim();
  return {
    q: get("q").slice(0, 100),
    type: oneOf(SERVICE_PROJECT_TYPES, get("type")),
    status: oneOf(CONTRACT_STATUSES, get("status")),
    district: idLike(get("district")),
    shortfall: get("shortfall") === "1",
    page: parsePage(get("page")),
  };
}

/** The filter as search params, leaving out defaults; `page` only when asked. */
export function contractFilterParams(f: TContractListFilter, opts: { page?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.type) out.type = f.type;
  if (f.status) out.status = f.status;
  if (f.district) out.district = f.district;
  if (f.shortfall) out.shortfall = "1";
  if (opts.page && f.page > 1) out.page = String(f.page);
  return out;
}
