import { DEADLINE_STATUSES, type TDeadlineStatus } from "./rules";

// The civil servants' deadline list's URL state: status, department, district ("city" for the
// city-level departments) and page.

export type TDeadlineListFilter = { status: TDeadlineStatus | ""; department: string; district: string; page: number };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The value of the district filter that selects people of city-level departments (no district). */
export const CITY_LEVEL = "city";

export function parseDeadlineListFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): TDeadlineListFilter {
  const one = (k: string): string => {
    if (params instanceof URLSearchParams) return params.get(k) ?? "";
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const status = (DEADLINE_STATUSES as readonly string[]).includes(one("status")) ? (one("status") as TDeadlineStatus) : "";
  const page = Number.parseInt(one("page"), 10);
  return {
    status,
    department: ID.test(one("department")) ? one("department") : "",
    district: ID.test(one("district")) ? one("district") : "",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filter as search params (the list's links, its export and the export's audit). */
export function deadlineListParams(f: TDeadlineListFilter): Record<string, string | undefined> {
  return { status: f.status || undefined, department: f.department || undefined, district: f.district || undefined };
}
