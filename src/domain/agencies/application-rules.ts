// The agency-application workflow (plan.md T1, the access system) as pure rules: which decision
// is allowed at which step, by whom, and where it leads. No I/O, so the pages (which buttons to
// show) and the mutations (what to refuse) read the same answers, and unit tests pin them down.
//
//   DISTRICT_REVIEW ─approve→ CITY_REVIEW ─approve→ APPROVED (the agency is created)
//        │ reject → REJECTED                 │ reject → REJECTED
//        └ return → RETURNED ←───────────────┘ return
//   RETURNED ─amend (applicant, one-time link)→ the step that returned it (returnedFrom)

import { can, type TAction, type TPrincipal } from "@/domain/authz/matrix";
import type { TApplicationDecision, TApplicationStatus } from "@/domain/agencies/enums";
import { canonicalNumber } from "@/lib/canonical-number";

export const REVIEW_DECISIONS = ["APPROVE", "REJECT", "RETURN"] as const;
export type TReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The two review steps and the permission each needs (src/server/authz/matrix.ts). */
export const REVIEW_STEPS = {
  DISTRICT_REVIEW: "agencyApplications.reviewDistrict",
  CITY_REVIEW: "agencyApplications.reviewCity",
} as const satisfies Partial<Record<TApplicationStatus, TAction>>;
export type TReviewStep = keyof typeof REVIEW_STEPS;

/** Statuses that block another application with the same credit code. */
export const OPEN_STATUSES = ["DISTRICT_REVIEW", "CITY_REVIEW", "RETURNED"] as const satisfies readonly TApplicationStatus[];
export const FINAL_STATUSES = ["APPROVED", "REJECTED"] as const satisfies readonly TApplicationStatus[];

/** How long the amend link sent with a returned application stays valid. */
export const AMEND_TOKEN_TTL_MS = 14 * 24 * 3_600_000;

export function isReviewStep(status: string): status is TReviewStep {
  return status === "DISTRICT_REVIEW" || status === "CITY_REVIEW";
}

/** The permission a reviewer needs to decide an application in `status`, or null when nobody can. */
export function reviewPermission(status: TApplicationStatus): TAction | null {
  return isReviewStep(status) ? REVIEW_STEPS[status] : null;
}

/** Where a decision at `status` leads, or null when it is not allowed there. */
export function nextStatus(status: TApplicationStatus, decision: TReviewDecision): { status: TApplicationStatus; returnedFrom: TReviewStep | null } | null {
  if (!isReviewStep(status)) return null;
  switch (decision) {
    case "APPROVE":
      return { status: status === "DISTRICT_REVIEW" ? "CITY_REVIEW" : "APPROVED", returnedFrom: null };
    case "REJECT":
      return { status: "REJECTED", returnedFrom: null };
    case "RETURN":
      return { status: "RETURNED", returnedFrom: status };
    default:
      return null;
  }
}

/** The event recorded for a reviewer's decision. */
export function decisionEvent(decision: TReviewDecision): TApplicationDecision {
  return decision === "APPROVE" ? "APPROVED" : decision === "REJECT" ? "REJECTED" : "RETURNED";
}

/** Rejecting and returning must say why: the applicant reads it. */
export function reasonRequired(decision: TReviewDecision): boolean {
  return decision !== "APPROVE";
}

/**
 * May a decision carry a comment for the city? Only the district's, and only when the application
 * may still reach the city: passing it on, or returning it (it comes back to the district and then
 * goes on). A rejection ends the application; its reason is for the applicant (issue 11, item 10).
 */
export function commentForCityAllowed(step: TApplicationStatus, decision: TReviewDecision): boolean {
  return step === "DISTRICT_REVIEW" && decision !== "REJECT";
}

/** How the public status page names an event to the applicant (a key under agencyApplications.status.events). */
export type TPublicEventKey = "SUBMITTED" | "AMENDED" | "FORWARDED" | "APPROVED" | "RETURNED" | "REJECTED";

export function publicEventKey(step: TApplicationStatus, decision: TApplicationDecision): TPublicEventKey {
  // The district's approval is not the decision the applicant waits for: it passes the application on.
  if (decision === "APPROVED") return step === "DISTRICT_REVIEW" ? "FORWARDED" : "APPROVED";
  return decision;
}

/** Does approving at this step create the agency? */
export function isFinalApproval(status: TApplicationStatus, decision: TReviewDecision): boolean {
  return status === "CITY_REVIEW" && decision === "APPROVE";
}

type TAppLike = { status: TApplicationStatus; regionPath: string };

/**
 * May `principal` decide this application now? Only at a review step, only with that step's
 * permission, and only inside its scope (a district officer: their own district).
 */
export function mayReview(principal: Pick<TPrincipal, "role"> & Partial<TPrincipal>, app: TAppLike): boolean {
  const permission = reviewPermission(app.status);
  return permission !== null && can(principal, permission, { regionPath: app.regionPath });
}

/** The decisions `principal` may take on `app` (empty when it is not their turn). */
export function allowedDecisions(principal: Pick<TPrincipal, "role"> & Partial<TPrincipal>, app: TAppLike): TReviewDecision[] {
  return mayReview(principal, app) ? [...REVIEW_DECISIONS] : [];
}

/** The step a returned application goes back to once amended, or null when it cannot be amended. */
export function amendTarget(app: { status: TApplicationStatus; returnedFrom: TApplicationStatus | null }): TReviewStep | null {
  if (app.status !== "RETURNED" || !app.returnedFrom || !isReviewStep(app.returnedFrom)) return null;
  return app.returnedFrom;
}

/** Is the amend link of a returned application still usable at `now`? */
export function amendLinkLive(app: { status: TApplicationStatus; amendTokenExpiresAt: Date | null }, now = new Date()): boolean {
  return app.status === "RETURNED" && !!app.amendTokenExpiresAt && app.amendTokenExpiresAt.getTime() > now.getTime();
}

// Reference numbers shown to the applicant: SA-<year>-<five digits>, counted per year.
const REFERENCE = /^SA-(\d{4})-(\d{5,})$/;

export function formatReference(year: number, sequence: number): string {
  return `SA-${year}-${String(sequence).padStart(5, "0")}`;
}

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/**
 * What a typed reference, or the start of one, matches among stored references (each compared
 * with "contains"): typed in any case, width, spacing or dashes ("sa202600012",
 * "ＳＡ－２０２６－０００１２", "SA 2026 12") it is put back into the stored form SA-<year>-<sequence>;
 * a sequence typed without its zeros also finds the padded one. Empty when it cannot be a reference.
 */
export function referenceSearchTerms(input: string): string[] {
  const c = canonicalNumber(input);
  const m = /^(?:SA)?(\d{4})(\d{1,9})?$/.exec(c) ?? (/^SA(\d{1,3})$/.exec(c) ? [c, c.slice(2)] : null);
  if (!m) return c === "SA" ? ["SA-"] : [];
  const [, year, sequence] = m;
  const prefix = c.startsWith("SA") ? "SA-" : "";
  if (!sequence) return [`${prefix}${year}`];
  const terms = [`${prefix}${year}-${sequence}`];
  if (sequence.length < 5) terms.push(formatReference(Number(year), Number(sequence)));
  return terms;
}

/**
 * A reference as the applicant may type it (any case, width, spacing or dashes; the sequence with
 * or without its zeros; "SA" optional) in its stored form SA-<year>-<sequence>, or null when it
 * cannot be one. Used where one application is looked up by its reference (the public status page).
 */
export function normaliseReference(input: string): string | null {
  // The separators are gone once canonical: the year is the first four digits, and it is this century's.
  const m = /^(?:SA)?(20\d{2})(\d{1,9})$/.exec(canonicalNumber(input));
  if (!m) return null;
  const sequence = Number(m[2]);
  return sequence > 0 ? formatReference(Number(m[1]), sequence) : null;
}

/** The sequence number of `reference` when it belongs to `year`, else 0. */
export function referenceSequence(reference: string | null | undefined, year: number): number {
  const m = REFERENCE.exec(reference ?? "");
  return m && Number(m[1]) === year ? Number(m[2]) : 0;
}
