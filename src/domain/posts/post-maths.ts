// Post arithmetic (plan.md P1, P2): required headcount, fill rates, ratio compliance.
// Pure functions; the SQL aggregates in src/server follow the same definitions.

export type TPostShape =
  | { kind: "DEPARTMENT"; headcount: number }
  | { kind: "RATIO"; basisCount: number; ratioPerWorker: number };

/**
 * A department post needs its headcount. A ratio post of "one social worker per N" needs
 * ceil(basis / N): a remainder still needs a person (120 beds at 1:50 → 3), and a basis of 0
 * needs nobody.
 */
export function requiredHeadcount(post: TPostShape): number {
  if (post.kind === "DEPARTMENT") return Math.max(0, Math.floor(post.headcount));
  if (!(post.ratioPerWorker > 0) || !(post.basisCount > 0)) return 0;
  return Math.ceil(post.basisCount / post.ratioPerWorker);
}

export type TPostFill = { required: number; filled: number; qualifiedFilled: number };

/** Share of the required headcount that is filled, or null when nothing is required. Over-filling shows as more than 1. */
export function fillRate(filled: number, required: number): number | null {
  return required > 0 ? filled / required : null;
}

/** A ratio post complies when its holders reach the required headcount. */
export function isCompliant(post: Pick<TPostFill, "required" | "filled">): boolean {
  return post.filled >= post.required;
}

export type TFillSummary = {
  posts: number;
  required: number;
  /** Filled places, each post counted up to its requirement so an over-filled post cannot hide a vacancy elsewhere. */
  filled: number;
  qualifiedFilled: number;
  fillRate: number | null;
  qualifiedFillRate: number | null;
  /** Posts whose holders reach the requirement, and their share. */
  compliant: number;
  complianceRate: number | null;
};

/** Sums a group of posts (an organisation, a practice field, a district). */
export function summariseFill(posts: readonly TPostFill[]): TFillSummary {
  let required = 0;
  let filled = 0;
  let qualifiedFilled = 0;
  let compliant = 0;
  for (const p of posts) {
    required += p.required;
    filled += Math.min(p.filled, p.required);
    qualifiedFilled += Math.min(p.qualifiedFilled, p.required);
    if (isCompliant(p)) compliant++;
  }
  return {
    posts: posts.length,
    required,
    filled,
    qualifiedFilled,
    fillRate: fillRate(filled, required),
    qualifiedFillRate: fillRate(qualifiedFilled, required),
    compliant,
    complianceRate: posts.length > 0 ? compliant / posts.length : null,
  };
}

/** Whether an assignment [from, to) holds on `day` (all dates at midnight UTC). */
export function isCurrentAssignment(a: { from: Date; to: Date | null }, day: Date): boolean {
  return a.from.getTime() <= day.getTime() && (a.to === null || a.to.getTime() > day.getTime());
}
