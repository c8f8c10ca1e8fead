// The confirmations the agency profile shows after a change (?notice=…), under agencies.notices.
export const PROFILE_NOTICES = ["profileSaved", "statusChanged", "integrityAdded", "integritySaved", "integrityEnded", "ratingAdded"] as const;
export type TProfileNotice = (typeof PROFILE_NOTICES)[number];

export function parseProfileNotice(value: unknown): TProfileNotice | null {
  return typeof value === "string" && (PROFILE_NOTICES as readonly string[]).includes(value) ? (value as TProfileNotice) : null;
}
