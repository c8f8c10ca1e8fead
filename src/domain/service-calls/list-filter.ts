import { CALL_STATUSES, SERVICE_PROJECT_TYPES, type TCallStatus, type TServiceProjectType } from "./enums";

// The calls list's filters as they travel in the URL (?status=&type=&district=&q=&page=).

export type TCallListFilter = { status: TCallStatus | null; type: TServiceProjectType | null; districtId: string | null; q: string };

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => (typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : null);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Reads the filters leniently: anything odd is no filter. */
export function parseCallListFilter(sp: Record<string, string | string[] | undefined>): TCallListFilter {
  const district = first(sp.district);
  const q = first(sp.q);
  return {
    status: oneOf(CALL_STATUSES, first(sp.status)),
    type: oneOf(SERVICE_PROJECT_TYPES, first(sp.type)),
    districtId: typeof district === "string" && /^[\w-]{1,64}$/.test(district) ? district : null,
    q: typeof q === "string" ? q.trim().slice(0, 50) : "",
  };
}

export function callListParams(f: TCallListFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.status) out.status = f.status;
  if (f.type) out.type = f.type;
  if (f.districtId) out.district = f.districtId;
  if (f.q) out.q = f.q;
  return out;
}
