// Which status changes an official may make by hand (agencies.changeStatus). PENDING belongs to
// the application workflow and is never set by hand; REVOKED is final.
import type { TAgencyStatus } from "./enums";

/** The statuses that can be set by hand, one per verb on the profile page. */
export const MANUAL_AGENCY_STATUSES = ["ACTIVE", "SUSPENDED", "REVOKED"] as const;
export type TManualAgencyStatus = (typeof MANUAL_AGENCY_STATUSES)[number];

/** The verb the UI shows for moving to a status. */
export const STATUS_VERBS = { SUSPENDED: "suspend", REVOKED: "revoke", ACTIVE: "reinstate" } as const satisfies Record<TManualAgencyStatus, string>;
export type TStatusVerb = (typeof STATUS_VERBS)[TManualAgencyStatus];

const TRANSITIONS: Record<TAgencyStatus, readonly TManualAgencyStatus[]> = {
  PENDING: [],
  ACTIVE: ["SUSPENDED", "REVOKED"],
  SUSPENDED: ["ACTIVE", "REVOKED"],
  REVOKED: [],
};

/** The statuses an agency in `from` may be moved to by hand, in the order the UI offers them. */
export function allowedStatusTransitions(from: TAgencyStatus | null | undefined): TManualAgencyStatus[] {
  return from ? [...TRANSITIONS[from]] : [];
}

export function canChangeStatus(from: TAgencyStatus | null | undefined, to: TAgencyStatus): boolean {
  return (allowedStatusTransitions(from) as TAgencyStatus[]).includes(to);
}
