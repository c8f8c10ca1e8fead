import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env";
import { ABSOLUTE_TIMEOUT_S, IDLE_TIMEOUT_S } from "@/domain/accounts/session-rules";
import { SIGN_IN_THROTTLED } from "./throttled";

// JWT sessions: the cookie carries who and which session version; src/server/auth/session.ts
// re-checks that version against the database on every request. maxAge is the idle timeout
// (the proxy re-issues the cookie on each request); authTime enforces the absolute one.

declare module "next-auth" {
  interface User {
    role?: string;
    sessionVersion?: number;
    regionId?: string | null;
    organizationId?: string | null;
    practitionerId?: string | null;
  }
  interface Session {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

/** A throttled attempt: Auth.js passes it on to the sign-in action as it is (throttled.ts reads it). */
class SignInThrottled extends CredentialsSignin {
  override code = SIGN_IN_THROTTLED;
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const authConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_S, updateAge: 0 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an expected outcome (audited in credentials.ts), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        // Imported lazily so that the proxy, which only reads sessions, never loads Prisma or argon2.
        const { signInWithPassword } = await import("./credentials");
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || password.length > 1024) return null;
        const outcome = await signInWithPassword(email, password);
        if (outcome.ok) return outcome.user;
        if (outcome.throttled) throw new SignInThrottled(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.role = user.role;
        token.regionId = user.regionId ?? null;
        token.organizationId = user.organizationId ?? null;
        token.practitionerId = user.practitionerId ?? null;
        token.authTime = now;
        // Identifies this session alone, so that signing out ends it and nothing else.
        token.sid = crypto.randomUUID();
      }
      if (typeof token.authTime !== "number" || now - token.authTime > ABSOLUTE_TIMEOUT_S) return null;
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
