// Pure rules of training programmes (plan.md G2, T2, S2): the reference, approvals, the
// audience, places and the waiting list, sessions against the programme's length, completion.
import { canonicalNumber } from "@/lib/canonical-number";
import type { TTrainingScope } from "./enums";

// ─── Reference ──────────────────────────────────────────────────────────────────────────────

const REFERENCE = /^PX-(\d{4})-(\d{4,9})$/;

/** PX-<year>-<sequence>, the sequence at least four digits: PX-2027-0007. */
export function formatTrainingReference(year: number, sequence: number): string {
  return `PX-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The sequence of `reference` when it belongs to `year`, else 0. */
export function trainingReferenceSequence(reference: string, year: number): number {
  const m = REFERENCE.exec(reference);
  return m && Number(m[1]) === year ? Number(m[2]) : 0;
}

/**
 * A reference as someone types it (any case, width, spacing or dashes; the sequence with or without
 * its zeros; "PX" optional) in its stored form, or null when it cannot be one: "px 2027 7",
 * "ＰＸ－２０２７－０００７" and "PX20270007" are all PX-2027-0007.
 */
export function normaliseTrainingReference(input: string): string | null {
  const m = /^(?:PX)?(20\d{2})(\d{1,9})$/.exec(canonicalNumber(input));
  if (!m) return null;
  const sequence = Number(m[2]);
  return sequence > 0 ? formatTrainingReference(Number(m[1]), sequence) : null;
}

// ─── Approvals ──────────────────────────────────────────────────────────────────────────────

export type TApproval = { scopes: readonly string[]; validFrom: Date; validTo: Date; revokedAt: Date | null };

/** In force on `today`: not revoked, and today within its period (both ends included). */
export function isCurrentApproval(a: TApproval, today: Date): boolean {
  return a.revokedAt === null && a.validFrom.getTime() <= today.getTime() && today.getTime() <= a.validTo.getTime();
}

/** Whether one of the approvals is in force today and covers `scope`. */
export function approvalCovers(approvals: readonly TApproval[], scope: TTrainingScope, today: Date): boolean {
  return approvals.some((a) => isCurrentApproval(a, today) && a.scopes.includes(scope));
}

// ─── Audience ───────────────────────────────────────────────────────────────────────────────

/** Who a programme is for. An empty list means anyone on that count. */
export type TAudience = {
  departmentTypes: readonly string[];
  /** Materialised paths of the districts (a person's employer must be inside one). */
  districtPaths: readonly string[];
  organizationKinds: readonly string[];
  levels: readonly string[];
};

/** What the audience looks at about a person: their employer and their qualification level. */
export type TAudiencePerson = {
  employerKind: string | null;
  /** The employer's own department type (a government department) … */
  employerDepartmentType: string | null;
  /** … or that of the department supervising it (a school under the education bureau is EDUCATION). */
  supervisingDepartmentType: string | null;
  regionPath: string | null;
  qualificationLevel: string;
};

export type TAudienceMiss = "departmentTypes" | "districts" | "organizationKinds" | "levels";

/** The counts on which a person falls outside the audience; empty when they are in it. */
export function audienceMisses(a: TAudience, p: TAudiencePerson): TAudienceMiss[] {
  const misses: TAudienceMiss[] = [];
  if (a.departmentTypes.length) {
    const types = [p.employerDepartmentType, p.supervisingDepartmentType].filter((x): x is string => !!x);
    if (!types.some((x) => a.departmentTypes.includes(x))) misses.push("departmentTypes");
  }
  if (a.districtPaths.length && !(p.regionPath && a.districtPaths.some((d) => p.regionPath!.startsWith(d)))) misses.push("districts");
  if (a.organizationKinds.length && !(p.employerKind && a.organizationKinds.includes(p.employerKind))) misses.push("organizationKinds");
  if (a.levels.length && !a.levels.includes(p.qualificationLevel)) misses.push("levels");
  return misses;
}

export function inAudience(a: TAudience, p: TAudiencePerson): boolean {
  return audienceMisses(a, p).length === 0;
}

/** Whether a programme is open to anyone (no list set). */
export function audienceIsOpen(a: Pick<TAudience, "departmentTypes" | "organizationKinds" | "levels"> & { districtPaths?: readonly string[]; regionIds?: readonly string[] }): boolean {
  return !a.departmentTypes.length && !a.organizationKinds.length && !a.levels.length && !(a.districtPaths ?? a.regionIds ?? []).length;
}

// ─── Places and the waiting list ────────────────────────────────────────────────────────────

export type TPlace = { status: "ENROLLED" } | { status: "WAITLISTED"; position: number };

/**
 * Where a new enrolment goes: a place while fewer than `capacity` hold one, else the end of the
 * waiting list (the position after the last one given, never reused).
 */
export function placeFor(enrolled: number, capacity: number, lastPosition: number | null): TPlace {
  return enrolled < capacity ? { status: "ENROLLED" } : { status: "WAITLISTED", position: (lastPosition ?? 0) + 1 };
}

/** Places still free (never negative). */
export function placesLeft(capacity: number, enrolled: number): number {
  return Math.max(0, capacity - enrolled);
}

/** Who moves up when places free: the waiting list in position order, at most `free` of them. */
export function nextUp<T extends { waitlistPosition: number | null }>(waitlisted: readonly T[], free: number): T[] {
  if (free <= 0) return [];
  return [...waitlisted].sort((a, b) => (a.waitlistPosition ?? Infinity) - (b.waitlistPosition ?? Infinity)).slice(0, free);
}

// ─── Sessions, hours, completion ────────────────────────────────────────────────────────────

export function sessionsTotal(sessions: readonly { halfHours: number }[]): number {
  return sessions.reduce((sum, s) => sum + s.halfHours, 0);
}

/** Why a programme cannot be published yet, or null: sessions that make up its whole length. */
export function publishBlocker(t: { lengthHalfHours: number; sessions: readonly { halfHours: number }[] }): "noSessions" | "sessionsIncomplete" | null {
  if (t.sessions.length === 0) return "noSessions";
  if (sessionsTotal(t.sessions) !== t.lengthHalfHours) return "sessionsIncomplete";
  return null;
}

/** Sessions a person must attend for a completion: at least `percent` % of them (rounded up). */
export function sessionsNeeded(sessions: number, percent: number): number {
  return Math.ceil((sessions * percent) / 100);
}

/** Completed: sessions attended are at least `percent` % of the programme's sessions. */
export function isCompleted(attended: number, sessions: number, percent: number): boolean {
  return sessions > 0 && attended * 100 >= sessions * percent;
}

/** Half hours as the hours people read (7, 7.5). */
export const hoursOf = (halfHours: number): number => halfHours / 2;

// ─── Money ──────────────────────────────────────────────────────────────────────────────────

/** The sourceRef of an enrolment's subsidy commitment and of the hours its completion credits. */
export const enrolmentSourceRef = (enrolmentId: string): string => `training:${enrolmentId}`;

/** What a programme commits per participant from its line: the subsidy, when there is one and a line. */
export function subsidyToCommit(t: { subsidyFen: number; budgetLineId: string | null }): bigint {
  return t.subsidyFen > 0 && t.budgetLineId ? BigInt(t.subsidyFen) : 0n;
}

// ─── The attendance import's "present" cell ─────────────────────────────────────────────────

const YES = ["yes", "y", "true", "1", "present", "attended", "是", "出席", "到", "已到", "签到", "簽到", "√", "✓", "✔"];
const NO = ["no", "n", "false", "0", "absent", "否", "缺席", "未到", "缺勤", "×", "✗", "✘"];

/** A "present" cell in any of the portal's languages (yes/no, 是/否, 出席/缺席 …) → true/false, else null. */
export function parsePresent(text: string): boolean | null {
  const v = text.normalize("NFKC").trim().toLowerCase();
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  return null;
}
