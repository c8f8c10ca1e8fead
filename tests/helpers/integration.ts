// Helpers every integration test file uses (the mocks and resets are in tests/integration/setup.ts).
import { getCurrentUser, type TCurrentUser } from "@/server/auth/session";
import { actAs } from "./fake-auth";

/** The error a promise rejects with, or null when it resolves. */
export const errorOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

/** Signs in as `user` (a token for its current session version) and returns the session's user as the app reads it. */
export async function as(user: { id: string; sessionVersion: number }): Promise<TCurrentUser> {
  actAs(user);
  const me = await getCurrentUser();
  if (!me) throw new Error("test user could not sign in");
  return me;
}

/** This test file's uploads folder (tests/integration/setup.ts sets STORAGE_DIR). */
export const uploadsDir = (): string => process.env.STORAGE_DIR!;
