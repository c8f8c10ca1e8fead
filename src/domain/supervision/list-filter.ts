// The supervision list's URL state: which pairs (active, ended, all), the supervisee's district, a
// supervisor, and the page.

export const PAIR_STATES = ["active", "ended", "all"] as const;
export type TPairState = (typeof PAIR_STATES)[number];

export type TPairListFilter = { state: TPairState; district: string; supervisor: string; page: number };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parsePairListFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): TPairListFilter {
  const one = (k: string): string => {
    if (params instanceof URLSearchParams) return params.get(k) ?? "";
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const state = (PAIR_STATES as readonly string[]).includes(one("state")) ? (one("state") as TPairState) : "active";
  const page = Number.parseInt(one("page"), 10);
  return {
    state,
    district: ID.test(one("district")) ? one("district") : "",
    supervisor: ID.test(one("supervisor")) ? one("supervisor") : "",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filter as search params (the list's links, its export and the audit of an export). */
export function pairListParams(f: TPairListFilter): Record<string, string | undefined> {
  return { state: f.state === "active" ? undefined : f.state, district: f.district || undefined, supervisor: f.supervisor || undefined };
}
