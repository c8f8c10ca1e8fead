// The public register's pure rules: what a certificate's public status is, how pasted or
// uploaded certificate numbers are read, and how the result is written as CSV. No I/O.

import { isoDay } from "@/domain/common/calendar-day";
import { canonicalNumber } from "@/lib/canonical-number";
import type { TCounting } from "@/domain/practitioners/qualification";

/** A certificate is permanent: publicly it is valid, or revoked. */
export type TPublicStatus = "valid" | "revoked";
export const PUBLIC_STATUSES: readonly TPublicStatus[] = ["valid", "revoked"];

/** The registration as the public sees it: current (also when due soon) until its end date, or lapsed. */
export type TPublicRegistrationStatus = "current" | "lapsed";
export type TPublicRegistration = { status: TPublicRegistrationStatus; periodEnd: string } | null;

/**
 * Whether a certificate's holder counts in the city's workforce, as the public may see it: the
 * counting rule's own decision and date, and a reason that tells nothing of the person's record
 * beyond what the register already shows (no dates of leaving, no pending or rejected credentials).
 */
export type TPublicCounting = { counts: boolean; since: string | null; reason: "inactive" | "noQualification" | null };

export function publicCounting(c: TCounting): TPublicCounting {
  if (c.counts) return { counts: true, since: isoDay(c.since), reason: null };
  const inactive = c.reasons.some((r) => r.code === "inactive" || r.code === "notYetActive");
  // Someone not active who still holds a qualification: their status is why. Otherwise they hold none.
  return { counts: false, since: null, reason: inactive && c.held.length > 0 ? "inactive" : "noQualification" };
}

/** Only qualification certificates are looked up publicly (degrees and titles are not certificates). */
export const PUBLIC_CREDENTIAL_KINDS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
export type TPublicCredentialKind = (typeof PUBLIC_CREDENTIAL_KINDS)[number];

/** Statuses that exist publicly; SUBMITTED and REJECTED certificates look exactly like unknown ones. */
export const PUBLIC_CREDENTIAL_STATUSES = ["VERIFIED", "REVOKED"] as const;

export const MAX_BULK_NUMBERS = 100;
export const MAX_NUMBER_LENGTH = 64;
export const MAX_NAME_LENGTH = 50;
/** Uploaded CSV files: 100 numbers fit comfortably in far less. */
export const MAX_UPLOAD_BYTES = 200_000;

/** The public status of a certificate; null means "not public" (submitted, rejected). */
export function publicStatus(status: string): TPublicStatus | null {
  switch (status) {
    case "VERIFIED":
    case "EXPIRED": // history only: certificates do not expire
      return "valid";
    case "REVOKED":
      return "revoked";
    default:
      return null;
  }
}

/** A registration's public status on `today` (YYYY-MM-DD): current through its last day inclusive. */
export function publicRegistration(periodEnd: Date | null | undefined, today: string): TPublicRegistration {
  const end = isoDay(periodEnd);
  if (end === null) return null;
  return { status: end >= today ? "current" : "lapsed", periodEnd: end };
}

/** Which of several public certificates with the same number to report: valid before revoked; latest registration first. */
export function compareForReport(a: { status: TPublicStatus; registration: TPublicRegistration }, b: { status: TPublicStatus; registration: TPublicRegistration }): number {
  const rank = PUBLIC_STATUSES.indexOf(a.status) - PUBLIC_STATUSES.indexOf(b.status);
  if (rank !== 0) return rank;
  return (b.registration?.periodEnd ?? "0000-00-00").localeCompare(a.registration?.periodEnd ?? "0000-00-00");
}

/** A name as compared publicly: trimmed, inner runs of spaces collapsed. */
export function normaliseName(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/g, " ");
}

/** Splits one CSV line into cells (RFC 4180 quotes; commas, semicolons or tabs as separators). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === ";" || c === "\t" || c === "，" || c === "、" || c === "；") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const HEADER_CELL = /certificate|number|no\.?$|证书|證書|编号|編號/i;

/**
 * Certificate numbers from pasted text or an uploaded CSV: one per line or separated by commas
 * (also full-width, semicolons, tabs). A first line without any digit is a header: if one of its
 * cells names the certificate number, only that column is read from the rows below. Each number
 * is read in its canonical form (case, full-width characters, spaces and dashes do not matter);
 * empty cells are dropped and duplicates kept once, in first-seen order.
 */
export function parseCertificateNumbers(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let column: number | null = null;
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first >= 0 && !/\p{Nd}/u.test(lines[first]!)) {
    const header = csvCells(lines[first]!).map((c) => c.trim());
    const idx = header.findIndex((c) => HEADER_CELL.test(c));
    column = idx >= 0 && header.length > 1 ? idx : null;
    lines.splice(first, 1);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const cells = csvCells(line);
    const picked = column === null ? cells : [cells[column] ?? ""];
    for (const cell of picked) {
      const n = canonicalNumber(cell);
      if (n && !seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an
 * apostrophe: the numbers come from whoever submitted them.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Chinese text correctly. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
