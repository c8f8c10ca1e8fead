// Sign-in throttling rules, counted from SignInAttempt rows in PostgreSQL so that every
// app instance sees the same numbers (src/server/auth/credentials.ts).
//
// Per account: no lock-out. After ACCOUNT_FREE_FAILURES failed attempts (since the account's last
// successful sign-in, within ACCOUNT_FAILURE_WINDOW_MS), each further attempt must wait
// accountDelayMs(failures) after the latest failure; an earlier one is refused without checking
// the password. A browser holding a valid known-device cookie for the account is not delayed,
// so a guesser elsewhere cannot keep the rightful user out.
// Per client address: a hard limit of IP_MAX_FAILURES failures per IP_WINDOW_MS, device or not.

/** Failed attempts on one account before each further one is delayed. */
export const ACCOUNT_FREE_FAILURES = 5;
/** How far back an account's failures count (a successful sign-in also starts the count afresh). */
export const ACCOUNT_FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The first delay; each further failure doubles it… */
export const ACCOUNT_DELAY_BASE_MS = 1000;
/** …up to this. */
export const ACCOUNT_DELAY_MAX_MS = 15 * 60 * 1000;
/** Failed attempts from one client address within IP_WINDOW_MS before it is refused outright. */
export const IP_MAX_FAILURES = 30;
export const IP_WINDOW_MS = 15 * 60 * 1000;
/** Lifetime of the known-device cookie a successful sign-in sets (renewed at each one). */
export const KNOWN_DEVICE_TTL_S = 180 * 24 * 60 * 60;

/**
 * How long after its latest failure an account with `failures` recent failures must wait before
 * the next attempt is considered: 0 below ACCOUNT_FREE_FAILURES, then 1 s, 2 s, 4 s … capped at
 * ACCOUNT_DELAY_MAX_MS (reached at the 15th failure).
 */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  const doublings = Math.min(failures - ACCOUNT_FREE_FAILURES, 30);
  return Math.min(ACCOUNT_DELAY_MAX_MS, ACCOUNT_DELAY_BASE_MS * 2 ** doublings);
}

export const IDLE_TIMEOUT_S = 30 * 60;
export const ABSOLUTE_TIMEOUT_S = 12 * 60 * 60;
export const PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;
