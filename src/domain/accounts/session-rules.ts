// Sign-in throttling rules, counted from SignInAttempt rows in PostgreSQL so that every
// app instance sees the same numbers.
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const IDLE_TIMEOUT_S = 30 * 60;
export const ABSOLUTE_TIMEOUT_S = 12 * 60 * 60;
export const PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;
