"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/server/auth/config";
import { getCurrentUser } from "@/server/auth/session";
import { endCurrentSession, setOwnLocale, setPasswordWithToken } from "@/server/accounts/mutations";
import { isLocale, LOCALE_COOKIE } from "@/lib/locales";
import { ZSetPassword } from "@/domain/accounts/schemas";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";

const ZSignIn = z.object({ email: z.string().trim().min(1, "required").max(320, "tooLong"), password: z.string().min(1, "required").max(1024, "tooLong") });

function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  // Only same-site paths: never an open redirect.
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signInAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData, ["password"]);
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    // Wrong password, unknown account, disabled account and throttling all read the same.
    if (error instanceof AuthError) {
      if (error.type !== "CredentialsSignin") console.error("[auth] sign-in error", error.type, error.message);
      return { ok: false, error: "signInFailed", values };
    }
    throw error;
  }
  redirect(safeNext(formData.get("next")));
}

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endCurrentSession(user);
  await signOut({ redirect: false });
  redirect("/login?signedOut=1");
}

/** Saves the language on the account when signed in, and in a cookie either way. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
  const user = await getCurrentUser();
  if (user) await setOwnLocale(locale);
}

export async function setPasswordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZSetPassword.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error);
  try {
    await setPasswordWithToken(parsed.data);
  } catch (error) {
    return failure(error);
  }
  redirect("/login?passwordSet=1");
}

