"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/server/auth/config";
import { getCurrentUser } from "@/server/auth/session";
import { throttledRetryAfter } from "@/server/auth/throttled";
import { endCurrentSession, setOwnLocale, setPasswordWithToken } from "@/server/accounts/mutations";
import { LOCALE_COOKIE } from "@/lib/locales";
import { safeRedirectPath } from "@/lib/safe-path";
import { ZLocale, ZSetPassword } from "@/domain/accounts/schemas";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";

const ZSignIn = z.object({ email: z.string().trim().min(1, "required").max(320, "tooLong"), password: z.string().min(1, "required").max(1024, "tooLong") });


/** The sign-in form's state: a throttled attempt also says how long to wait. */
export type TSignInState = TActionState & { retryAfterSeconds?: number };

export const signInAction = formAction<typeof ZSignIn, unknown, TSignInState>({
  // Public: signing in is how a visitor gets a role at all.
  permission: null,
  schema: ZSignIn,
  input: (formData) => ({ email: formData.get("email"), password: formData.get("password") }),
  run: (input) => signIn("credentials", { email: input.email, password: input.password, redirect: false }),
  fail: (error, values): TSignInState => {
    if (error instanceof AuthError) {
      // Too many attempts (on this e-mail or from this address): say when to try again. It is
      // counted by e-mail whether the account exists or not, so it reveals nothing about it.
      const retryAfterSeconds = throttledRetryAfter(error);
      if (retryAfterSeconds !== null) return { ok: false, error: "signInThrottled", retryAfterSeconds, values };
      // Wrong password, unknown account and disabled account all read the same.
      if (error.type !== "CredentialsSignin") console.error("[auth] sign-in error", error.type, error.message);
      return { ok: false, error: "signInFailed", values };
    }
    throw error;
  },
  // Only a path on this site: never an open redirect (src/lib/safe-path.ts).
  done: (_, __, { formData }) => ({ redirect: safeRedirectPath(formData.get("next")) }),
});

const signOutOfSession = formAction({
  // Public: signing out must work whatever the session's state, even one that no longer counts.
  permission: null,
  echo: false,
  run: async () => {
    const user = await getCurrentUser();
    if (user) await endCurrentSession(user);
    await signOut({ redirect: false });
  },
  // Failures reach Next's error page, as from any plain form action.
  fail: (error): TActionState => {
    throw error;
  },
  done: () => ({ redirect: "/login?signedOut=1" }),
});

/** The sign-out button posts straight here (no form state). */
export async function signOutAction(): Promise<void> {
  await signOutOfSession({ ok: false }, new FormData());
}

const setLocale = formAction({
  // Public: anyone may choose a language; a signed-in user's choice is also saved on the account,
  // which setOwnLocale authorizes itself (account.updatePreferences).
  permission: null,
  schema: ZLocale,
  echo: false,
  run: async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
    const user = await getCurrentUser();
    if (user) await setOwnLocale(locale);
  },
  // Failures reach Next's error page, as from any plain form action.
  fail: (error): TActionState => {
    throw error;
  },
});

/** Saves the language on the account when signed in, and in a cookie either way. The switcher posts straight here. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  await setLocale({ ok: false }, formData);
}

export const setPasswordAction = formAction({
  // Public: the one-time token from the e-mail is the credential; setPasswordWithToken checks it.
  permission: null,
  schema: ZSetPassword,
  echo: false,
  run: (input) => setPasswordWithToken(input),
  done: () => ({ redirect: "/login?passwordSet=1" }),
});
