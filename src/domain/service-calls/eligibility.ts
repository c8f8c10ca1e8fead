import { isInForce } from "@/domain/agencies/integrity";
import { AGENCY_RATING_LEVELS } from "@/domain/agencies/enums";
import { QUALIFIED_LEVELS } from "./enums";

// The eligibility check of a proposal (资格审查), line by line, as a pure rule: the server gathers
// the facts (src/server/service-calls/eligibility.ts), the proposal form runs the same rule live as
// staff are ticked, and the call's close stores the lines on the proposal (Proposal.eligibility).

export const ELIGIBILITY_LINES = ["agencyActive", "notBlacklisted", "notAbnormal", "rating", "noFailedEvaluation", "staffEmployed", "staffing"] as const;
export type TEligibilityLineKey = (typeof ELIGIBILITY_LINES)[number];

export type TEligibilityLine = {
  key: TEligibilityLineKey;
  ok: boolean;
  /** Values the line's message shows (numbers, a rating, names). */
  params: Record<string, string | number>;
};

export type TEligibilitySnapshot = { checkedAt: string; eligible: boolean; lines: TEligibilityLine[] };

export type TStaffFacts = {
  id: string;
  name: string;
  organizationId: string | null;
  status: string;
  qualificationLevel: string;
  registrationEnd: Date | null;
};

export type TEligibilityFacts = {
  agencyId: string;
  agencyStatus: string | null;
  rating: string | null;
  integrity: readonly { kind: string; occurredOn: Date; endsOn: Date | null }[];
  /** The named staff as the register has them (a person not found is left out and counted in `unknownStaff`). */
  staff: readonly TStaffFacts[];
  /** Named ids the register does not hold for this agency's view. */
  unknownStaff: number;
};

export type TCallRequirements = { minRating: string | null; minQualifiedStaff: number; minQualifiedPercent: number };

const DAY = 86_400_000;

/** Employed by the agency now: active in the register and the agency their employer. */
export function employedBy(p: Pick<TStaffFacts, "organizationId" | "status">, agencyId: string): boolean {
  return p.status === "ACTIVE" && p.organizationId === agencyId;
}

/** Counts toward staffing: employed by the agency, a verified qualification, a current registration. */
export function countsTowardStaffing(p: TStaffFacts, agencyId: string, today: Date): boolean {
  return employedBy(p, agencyId) && (QUALIFIED_LEVELS as readonly string[]).includes(p.qualificationLevel) && p.registrationEnd !== null && p.registrationEnd.getTime() >= today.getTime();
}

const ratingRank = (r: string | null) => (r ? (AGENCY_RATING_LEVELS as readonly string[]).indexOf(r) : -1);

/** The lines of the check, in a fixed order; `today` is the city's calendar day. */
export function eligibilityLines(facts: TEligibilityFacts, call: TCallRequirements, today: Date, failedEvaluationBarDays: number): TEligibilityLine[] {
  const inForce = (kind: string) => facts.integrity.some((e) => e.kind === kind && isInForce(e, today));
  const barFrom = today.getTime() - failedEvaluationBarDays * DAY;
  const failed = facts.integrity.filter((e) => e.kind === "EVALUATION_FAILED" && e.occurredOn.getTime() <= today.getTime() && e.occurredOn.getTime() > barFrom);
  const notEmployed = facts.staff.filter((p) => !employedBy(p, facts.agencyId));
  const named = facts.staff.length + facts.unknownStaff;
  const counting = facts.staff.filter((p) => countsTowardStaffing(p, facts.agencyId, today)).length;
  const percentOk = named === 0 ? call.minQualifiedPercent === 0 : counting * 100 >= call.minQualifiedPercent * named;
  return [
    { key: "agencyActive", ok: facts.agencyStatus === "ACTIVE", params: {} },
    { key: "notBlacklisted", ok: !inForce("BLACKLIST"), params: {} },
    { key: "notAbnormal", ok: !inForce("ABNORMAL_LIST"), params: {} },
    { key: "rating", ok: call.minRating === null || ratingRank(facts.rating) >= ratingRank(call.minRating), params: { required: call.minRating ?? "", actual: facts.rating ?? "" } },
    { key: "noFailedEvaluation", ok: failed.length === 0, params: { days: failedEvaluationBarDays } },
    {
      key: "staffEmployed",
      ok: notEmployed.length === 0 && facts.unknownStaff === 0,
      // Names only of people the agency itself employs or employed; anyone else is only counted.
      params: { count: notEmployed.length + facts.unknownStaff, names: notEmployed.filter((p) => p.organizationId === facts.agencyId).map((p) => p.name).join("、") },
    },
    {
      key: "staffing",
      ok: counting >= call.minQualifiedStaff && percentOk,
      params: { counting, named, minStaff: call.minQualifiedStaff, minPercent: call.minQualifiedPercent },
    },
  ];
}

export function isEligible(lines: readonly TEligibilityLine[]): boolean {
  return lines.every((l) => l.ok);
}

/** Reads a stored snapshot leniently (JSON from the database). */
export function readSnapshot(value: unknown): TEligibilitySnapshot | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<TEligibilitySnapshot>;
  if (!Array.isArray(v.lines) || typeof v.checkedAt !== "string") return null;
  const lines = v.lines.filter((l): l is TEligibilityLine => !!l && typeof l === "object" && (ELIGIBILITY_LINES as readonly string[]).includes((l as TEligibilityLine).key));
  return { checkedAt: v.checkedAt, eligible: lines.every((l) => l.ok), lines };
}
