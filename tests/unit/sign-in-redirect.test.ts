import { describe, expect, it, vi } from "vitest";

// Issue 10, hole 3: after a successful sign-in the action redirects to the form's `next`. The old
// prefix check let "/\t/example.org" through (the URL parser drops the tab: "//example.org").
// The real sign-in action, with Auth.js's signIn answering "signed in" and Next's redirect recorded.

class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => {} }), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/server/auth/config", () => ({ signIn: async () => "/", signOut: async () => {} }));

const { signInAction } = await import("@/features/auth/actions");

async function redirectAfterSignIn(next: string): Promise<string> {
  const form = new FormData();
  form.set("email", "city@demo.local");
  form.set("password", "demo-password-2026");
  form.set("next", next);
  try {
    await signInAction({ ok: false }, form);
  } catch (e) {
    if (e instanceof RedirectSignal) return e.url;
    throw e;
  }
  throw new Error("no redirect");
}

describe("the redirect after signing in", () => {
  it("goes to a path on this site", async () => {
    expect(await redirectAfterSignIn("/practitioners?q=1")).toBe("/practitioners?q=1");
  });

  it.each(["/\t/example.org", "/\n/example.org", "//example.org", "/\\example.org", "https://example.org", "javascript:alert(1)"])("never leaves the site for %j", async (next) => {
    expect(await redirectAfterSignIn(next)).toBe("/");
  });
});
