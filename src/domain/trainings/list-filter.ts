import { TRAINING_KINDS, type TTrainingKind } from "./enums";

// The catalogue's filters as they travel in the URL (?kind=&provider=&month=&open=1&page=).

export type TTrainingListFilter = { kind: TTrainingKind | null; providerId: string | null; month: string | null; open: boolean };

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => (typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : null);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Reads the filters leniently: anything odd is no filter. */
export function parseTrainingListFilter(sp: Record<string, string | string[] | undefined>): TTrainingListFilter {
  const provider = first(sp.provider);
  const month = first(sp.month);
  return {
    kind: oneOf(TRAINING_KINDS, first(sp.kind)),
    providerId: typeof provider === "string" && /^[\w-]{1,64}$/.test(provider) ? provider : null,
    month: typeof month === "string" && /^20\d{2}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    open: first(sp.open) === "1",
  };
}

/** The first and last day of a month "YYYY-MM" (UTC midnights). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 0)) };
}

/** The filter as URL parameters (for pagination links and the export). */
export function trainingListParams(f: TTrainingListFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.kind) out.kind = f.kind;
  if (f.providerId) out.provider = f.providerId;
  if (f.month) out.month = f.month;
  if (f.open) out.open = "1";
  return out;
}
