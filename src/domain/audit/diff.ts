// Before/after of the fields a mutation changed, with personal identifiers masked and
// secrets dropped, so the audit log never becomes a second copy of sensitive data.

const SECRET_KEYS = new Set(["passwordHash", "tokenHash", "password", "token", "idNumberHash", "idNumberEncrypted"]);
const MASKED_KEYS = new Set(["idNumber", "idNumberMasked", "phone", "mobile"]);

/** Identifiers keep their last 4 characters at most (an ID number's middle is its birth date). */
export function maskIdentifier(value: string): string {
  if (value.length <= 4) return "*".repeat(value.length);
  if (value.length <= 10) return `${value.slice(0, 2)}${"*".repeat(value.length - 4)}${value.slice(-2)}`;
  return `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
}

type TRecord = Record<string, unknown>;

function clean(key: string, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (MASKED_KEYS.has(key) && typeof value === "string") return maskIdentifier(value);
  return value ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(clean("", a)) === JSON.stringify(clean("", b));
}

/** Keeps only keys whose values differ; for creations pass before = null, deletions after = null. */
export function auditDiff(before: TRecord | null, after: TRecord | null): { before: TRecord | null; after: TRecord | null } {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const b: TRecord = {};
  const a: TRecord = {};
  for (const key of keys) {
    if (SECRET_KEYS.has(key) || key === "updatedAt" || key === "version") continue;
    const bv = before?.[key];
    const av = after?.[key];
    if (before && after && same(bv, av)) continue;
    if (before) b[key] = clean(key, bv);
    if (after) a[key] = clean(key, av);
  }
  return { before: before ? b : null, after: after ? a : null };
}
