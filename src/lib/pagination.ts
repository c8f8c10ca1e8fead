export const DEFAULT_PAGE_SIZE = 20;

export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

/** Reads ?page= leniently: anything odd becomes page 1. */
export function parsePage(value: unknown): number {
  const n = typeof value === "string" ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function toPage<T>(items: T[], total: number, page: number, pageSize: number): TPage<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
