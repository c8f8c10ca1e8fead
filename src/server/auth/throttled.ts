import "server-only";

// A throttled sign-in reaches the sign-in action as Auth.js's CredentialsSignin error (thrown by
// authorize() in config.ts) with this code and the wait. Recognised by shape here, so that the
// action need not load next-auth's classes beyond AuthError.

export const SIGN_IN_THROTTLED = "throttled";

/** Seconds until a throttled sign-in may be tried again, when `error` is that refusal; else null. */
export function throttledRetryAfter(error: unknown): number | null {
  if (!(error instanceof Error)) return null;
  const { code, retryAfterSeconds } = error as { code?: unknown; retryAfterSeconds?: unknown };
  return code === SIGN_IN_THROTTLED && typeof retryAfterSeconds === "number" ? retryAfterSeconds : null;
}
