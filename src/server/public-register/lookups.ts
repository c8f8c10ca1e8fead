import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { MAX_BULK_NUMBERS, MAX_NAME_LENGTH, MAX_NUMBER_LENGTH, normaliseName } from "@/domain/public-register/rules";
import { canonicalNumber } from "@/lib/canonical-number";
import { BULK_CHECK_LIMIT, hitRateLimit, SINGLE_LOOKUP_LIMIT } from "./rate-limit";
import { checkPublicCertificates, findPublicCertificates, type TBulkRow, type TPublicCertificate } from "./queries";

// The public look-ups as the pages and the CSV route call them: input checks, then the rate
// limit, then the query. Problems are message keys under publicRegister.problems.

export type TLookupProblem = "numberRequired" | "numberTooLong" | "nameTooLong" | "rateLimited";
export type TBulkProblem = "empty" | "tooMany" | "numberTooLong" | "rateLimited";

export type TSingleOutcome = { ok: true; matches: TPublicCertificate[] } | { ok: false; problem: TLookupProblem; retryAfterSeconds?: number };
export type TBulkOutcome = { ok: true; rows: TBulkRow[]; receipt: string } | { ok: false; problem: TBulkProblem; retryAfterSeconds?: number; count?: number };

export function checkSingleInput(input: { number?: string | null; name?: string | null }): TLookupProblem | null {
  const number = canonicalNumber(input.number ?? "");
  if (!number) return "numberRequired";
  if (number.length > MAX_NUMBER_LENGTH) return "numberTooLong";
  if (normaliseName(input.name ?? "").length > MAX_NAME_LENGTH) return "nameTooLong";
  return null;
}

/** One look-up by certificate number (and, optionally, the holder's exact name), rate-limited per client IP. */
export async function lookupCertificate(input: { number?: string | null; name?: string | null }, ip: string | null): Promise<TSingleOutcome> {
  const problem = checkSingleInput(input);
  if (problem) return { ok: false, problem };
  const limit = await hitRateLimit(SINGLE_LOOKUP_LIMIT, ip);
  if (!limit.ok) return { ok: false, problem: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  return { ok: true, matches: await findPublicCertificates({ number: input.number!, name: input.name }) };
}

// A receipt lets the CSV download of a check just made re-run it without counting as another
// bulk check: an HMAC over the numbers and an expiry, keyed from AUTH_SECRET.
const RECEIPT_TTL_MS = 60 * 60_000;
const receiptKey = () => createHmac("sha256", env.AUTH_SECRET).update("public-register.bulk-receipt.v1").digest();

function mac(numbers: string[], expires: number): string {
  return createHmac("sha256", receiptKey()).update(`${expires}\n${numbers.join("\n")}`).digest("base64url");
}

export function signReceipt(numbers: string[], now = Date.now()): string {
  const expires = now + RECEIPT_TTL_MS;
  return `${expires}.${mac(numbers, expires)}`;
}

export function isValidReceipt(receipt: string | null | undefined, numbers: string[], now = Date.now()): boolean {
  const m = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(receipt ?? "");
  if (!m) return false;
  const expires = Number(m[1]);
  if (expires < now) return false;
  const a = Buffer.from(m[2]!);
  const b = Buffer.from(mac(numbers, expires));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Bulk check of up to MAX_BULK_NUMBERS certificate numbers, rate-limited per client IP. A valid
 * receipt for exactly these numbers (from a check just made) skips the limit.
 */
export async function bulkCheck(numbers: string[], ip: string | null, receipt?: string | null): Promise<TBulkOutcome> {
  if (numbers.length === 0) return { ok: false, problem: "empty" };
  if (numbers.length > MAX_BULK_NUMBERS) return { ok: false, problem: "tooMany", count: numbers.length };
  if (numbers.some((n) => n.length > MAX_NUMBER_LENGTH)) return { ok: false, problem: "numberTooLong" };
  if (!isValidReceipt(receipt, numbers)) {
    const limit = await hitRateLimit(BULK_CHECK_LIMIT, ip);
    if (!limit.ok) return { ok: false, problem: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  return { ok: true, rows: await checkPublicCertificates(numbers), receipt: signReceipt(numbers) };
}
