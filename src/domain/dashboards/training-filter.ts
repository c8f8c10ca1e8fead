// The training dashboard's URL state: the period (a calendar year, or a from–to range of days)
// and, for readers who may choose, the district or department viewed (one parameter, `view`, so a
// single choice picks either). Values that are not one are
// dropped (the page says so for a range), so a hand-edited URL never fails the page.

import { parseIsoDay } from "@/domain/common/calendar-day";

export type TTrainingDashboardFilter = {
  year: number;
  /** A range of days (YYYY-MM-DD), both or neither; when given it replaces the year. */
  from: string | null;
  to: string | null;
  /** The range asked for was not one (a missing end, a bad day, from after to, longer than MAX_RANGE_YEARS). */
  rangeInvalid: boolean;
  /** The range as typed, to show it again beside the message when it was not used. */
  typed: { from: string; to: string };
  /** The part of the city viewed, for readers who may choose (the city): a district or a department; null = their own scope. */
  view: TTrainingDashboardView | null;
};

export type TTrainingDashboardView = { kind: "district" | "department"; id: string };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** A range longer than this is refused: a dashboard of a decade is a different report. */
export const MAX_RANGE_YEARS = 5;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;

function one(params: TParams, k: string): string {
  if (params instanceof URLSearchParams) return (params.get(k) ?? "").trim();
  const v = params[k];
  return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
}

export function parseTrainingDashboardFilter(params: TParams, today: Date): TTrainingDashboardFilter {
  const y = Number.parseInt(one(params, "year"), 10);
  const year = Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : today.getUTCFullYear();
  const rawFrom = one(params, "from");
  const rawTo = one(params, "to");
  const from = rawFrom ? parseIsoDay(rawFrom) : null;
  const to = rawTo ? parseIsoDay(rawTo) : null;
  const asked = !!(rawFrom || rawTo);
  const valid =
    !!from && !!to && from.getTime() <= to.getTime() && from.getUTCFullYear() >= MIN_YEAR && to.getUTCFullYear() <= MAX_YEAR && to.getTime() - from.getTime() <= MAX_RANGE_YEARS * 366 * 86_400_000;
  const [kind, id] = one(params, "view").split(":");
  const view = (kind === "district" || kind === "department") && id && ID.test(id) ? { kind, id } as const : null;
  return {
    year,
    from: valid ? rawFrom : null,
    to: valid ? rawTo : null,
    rangeInvalid: asked && !valid,
    typed: { from: rawFrom.slice(0, 10), to: rawTo.slice(0, 10) },
    view,
  };
}

/** The period's first and last day (inclusive). */
export function trainingDashboardPeriod(f: TTrainingDashboardFilter): { from: Date; to: Date } {
  if (f.from && f.to) return { from: parseIsoDay(f.from)!, to: parseIsoDay(f.to)! };
  return { from: new Date(Date.UTC(f.year, 0, 1)), to: new Date(Date.UTC(f.year, 11, 31)) };
}

/** The filter as search params (links, exports, the audit of an export). */
export function trainingDashboardParams(f: TTrainingDashboardFilter): Record<string, string | undefined> {
  return {
    year: f.from ? undefined : String(f.year),
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    view: viewParam(f.view),
  };
}

/** A view as its URL value ("district:<id>", "department:<id>"). */
export function viewParam(view: TTrainingDashboardView | null): string | undefined {
  return view ? `${view.kind}:${view.id}` : undefined;
}

/** The dashboard's tables, each exportable to Excel (its route's `table` parameter). */
export const TRAINING_EXPORT_TABLES = ["months", "kinds", "fields", "areas", "departments", "subsidy", "funnel", "deadlines", "rotation", "coverage", "loads"] as const;
export type TTrainingExportTable = (typeof TRAINING_EXPORT_TABLES)[number];

export function parseExportTable(value: string | null): TTrainingExportTable | null {
  return (TRAINING_EXPORT_TABLES as readonly string[]).includes(value ?? "") ? (value as TTrainingExportTable) : null;
}
