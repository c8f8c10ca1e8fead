// One status, one colour, on every page (issue 11 review, item O): each badge that shows a status
// takes its tone from here, so "Active" is green in the association list and on an agency's page,
// and a registration ending in 10 days is amber on the dashboard and on the practitioner's page.
// Green: in good standing or done. Amber: waiting, due, or on hold. Red: refused, lapsed, revoked.
// Slate: over, without judgement. Blue: under way.

export type TStatusTone = "slate" | "green" | "amber" | "red" | "blue";

export const STATUS_TONE = {
  agency: { PENDING: "amber", ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" },
  membership: { ACTIVE: "green", SUSPENDED: "amber", ENDED: "slate" },
  practitioner: { ACTIVE: "green", LEFT: "slate", RETIRED: "slate" },
  credential: { SUBMITTED: "amber", VERIFIED: "green", REJECTED: "red", EXPIRED: "slate", REVOKED: "red" },
  /** CPD hours and renewal requests. */
  review: { SUBMITTED: "amber", VERIFIED: "green", REJECTED: "red" },
  registration: { current: "green", due: "amber", lapsed: "red" },
  application: { DISTRICT_REVIEW: "amber", CITY_REVIEW: "blue", RETURNED: "slate", APPROVED: "green", REJECTED: "red" },
  importJob: { PREVIEW: "amber", QUEUED: "blue", RUNNING: "blue", DONE: "green", FAILED: "red", CANCELLED: "slate" },
  auditOutcome: { SUCCESS: "green", FAILURE: "amber", DENIED: "red" },
  email: { QUEUED: "amber", SENT: "green", FAILED: "red", STORED: "blue" },
} as const satisfies Record<string, Record<string, TStatusTone>>;

/** A registration's tone from the days left until its end: lapsed once the end has passed, else due. */
export function registrationDueTone(daysLeft: number): TStatusTone {
  return STATUS_TONE.registration[daysLeft < 0 ? "lapsed" : "due"];
}
