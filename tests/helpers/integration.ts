// Helpers every integration test file uses (the mocks and resets are in tests/integration/setup.ts).
import { AuthzError, getCurrentUser, type TCurrentUser } from "@/server/auth/session";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { actAs } from "./fake-auth";

/** The error a promise rejects with, or null when it resolves. */
export const errorOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

/** How a call ended, as one comparable string: "ok", "code@field", "authz:code", "stale" or "unexpected:…". */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await errorOf(p);
  if (e instanceof DomainError) return `${e.code}${e.field ? `@${e.field}` : ""}`;
  if (e instanceof AuthzError) return `authz:${e.code}`;
  if (e instanceof StaleEditError) return "stale";
  return e === null ? "ok" : `unexpected:${String(e)}`;
}

/** Signs in as `user` (a token for its current session version) and returns the session's user as the app reads it. */
export async function as(user: { id: string; sessionVersion: number }): Promise<TCurrentUser> {
  actAs(user);
  const me = await getCurrentUser();
  if (!me) throw new Error("test user could not sign in");
  return me;
}

/** This test file's uploads folder (tests/integration/setup.ts sets STORAGE_DIR). */
export const uploadsDir = (): string => process.env.STORAGE_DIR!;
