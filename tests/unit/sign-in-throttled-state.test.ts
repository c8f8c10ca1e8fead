import { describe, expect, it, vi } from "vitest";

// Issue 7: a throttled sign-in (authorize() in src/server/auth/config.ts throws Auth.js's
// CredentialsSignin with code "throttled") reaches the form as its own message with the wait;
// every other refusal still reads as the one generic message.

class AuthError extends Error {
  type = "CredentialsSignin";
}
const signInError: { current: unknown } = { current: null };

vi.mock("next/navigation", () => ({ redirect: () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => {} }), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError }));
vi.mock("@/server/auth/config", () => ({
  signIn: async () => {
    throw signInError.current;
  },
  signOut: async () => {},
}));

const { signInAction } = await import("@/features/auth/actions");

function form(): FormData {
  const f = new FormData();
  f.set("email", "city@demo.local");
  f.set("password", "a guess");
  return f;
}

describe("the sign-in form's answer", () => {
  it("says how long to wait when the attempt was throttled", async () => {
    signInError.current = Object.assign(new AuthError("throttled"), { code: "throttled", retryAfterSeconds: 8 });
    expect(await signInAction({ ok: false }, form())).toEqual({ ok: false, error: "signInThrottled", retryAfterSeconds: 8, values: { email: "city@demo.local" } });
  });

  it("reads the same generic message for any other refusal", async () => {
    signInError.current = Object.assign(new AuthError("no"), { code: "credentials" });
    expect(await signInAction({ ok: false }, form())).toEqual({ ok: false, error: "signInFailed", values: { email: "city@demo.local" } });
  });
});
