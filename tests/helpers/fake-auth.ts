// Test double for src/server/auth/config.ts: the ONLY thing integration tests fake about
// authentication is where the session token comes from. Everything after it (the user's
// row, its session version, disabled flag, role and scope) is read from the real database
// by src/server/auth/session.ts.
//
// Use in a test file:
//   vi.mock("@/server/auth/config", () => import("../helpers/fake-auth"));
//   import { actAs, signOutFake } from "../helpers/fake-auth";

type TFakeSession = { uid: string; sv: number; sid: string };

let sessions = 0;

let current: TFakeSession | null = null;

/** Acts as `user` holding a token for its current session version (as right after sign-in). */
export function actAs(user: { id: string; sessionVersion: number }, sid = `test-session-${++sessions}`): void {
  current = { uid: user.id, sv: user.sessionVersion, sid };
}

/** No session cookie at all. */
export function actAsNobody(): void {
  current = null;
}

export async function auth(): Promise<(TFakeSession & { expires: string }) | null> {
  return current ? { ...current, expires: new Date(Date.now() + 30 * 60_000).toISOString() } : null;
}

const notInTests = (name: string) => async () => {
  throw new Error(`${name}() is not available in integration tests (tests/helpers/fake-auth.ts)`);
};
export const signIn = notInTests("signIn");
export const signOut = notInTests("signOut");
export const handlers = { GET: notInTests("GET"), POST: notInTests("POST") };
export const authConfig = {};
