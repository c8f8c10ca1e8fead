// Signing in without the form: a session cookie minted exactly as Auth.js mints one after a
// successful sign-in (src/server/auth/config.ts: a JWT session whose token carries the user's id,
// session version, a session id and the time of authentication), encrypted with the server's
// AUTH_SECRET and the cookie name as salt. The server then treats it like any other session: it
// re-reads role, scope and liveness from the database on every request (src/server/auth/session.ts).
// e2e/roles.spec.ts signs in through the form once per role; every other spec uses this.
import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { IDLE_TIMEOUT_S } from "../src/domain/accounts/session-rules";
import type { TDb } from "./db";

/** Auth.js's session cookie on plain http (on https it is __Secure-authjs.session-token). */
export const SESSION_COOKIE = "authjs.session-token";

export type TSessionUser = { id: string; email: string; name: string; role: string; sessionVersion: number; regionId: string | null; organizationId: string | null; practitionerId: string | null };

const userSelect = { id: true, email: true, name: true, role: true, sessionVersion: true, regionId: true, organizationId: true, practitionerId: true } as const;

function authSecret(): string {
  const secret = process.env.E2E_AUTH_SECRET;
  if (!secret) throw new Error("E2E_AUTH_SECRET is not set: run the e2e tests with `npm run test:e2e` (scripts/e2e.ts), or set it to the portal's AUTH_SECRET.");
  return secret;
}

/** The cookie value Auth.js would set for `user` signing in now (the jwt callback's fields). */
export async function sessionToken(user: TSessionUser): Promise<string> {
  return encode({
    salt: SESSION_COOKIE,
    secret: authSecret(),
    maxAge: IDLE_TIMEOUT_S,
    token: {
      name: user.name,
      email: user.email,
      sub: user.id,
      uid: user.id,
      sv: user.sessionVersion,
      role: user.role,
      regionId: user.regionId,
      organizationId: user.organizationId,
      practitionerId: user.practitionerId,
      authTime: Math.floor(Date.now() / 1000),
      sid: randomUUID(),
    },
  });
}

/** Signs `who` (an e-mail address or a user row) in to the browser context of `target`, replacing any session it had. */
export async function loginDirect(db: TDb, baseURL: string, target: Page | BrowserContext, who: string | { id: string }): Promise<TSessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: typeof who === "string" ? { email: who } : { id: who.id }, select: userSelect });
  const context = "context" in target ? target.context() : target;
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(user), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return user;
}
