"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/server/auth/config";
import { changeOwnPassword, createUser, resetUserPassword, setUserDisabled, updateUser } from "@/server/accounts/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { ZChangePassword, ZCreateUser, ZUpdateUser, ZUserRef } from "@/domain/accounts/schemas";

export async function createUserAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZCreateUser.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let id: string;
  try {
    id = (await createUser(parsed.data)).id;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users/${id}?created=1`);
}

export async function updateUserAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdateUser.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updateUser(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/admin/users/${parsed.data.id}`);
  return { ok: true, message: "saved" };
}

async function refAction(formData: FormData, run: (ref: { id: string; version: number }) => Promise<unknown>, message: string): Promise<TActionState> {
  const parsed = ZUserRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error);
  try {
    await run(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/admin/users/${parsed.data.id}`);
  revalidatePath("/admin/users");
  return { ok: true, message };
}

export async function disableUserAction(_prev: TActionState, formData: FormData) {
  return refAction(formData, (ref) => setUserDisabled(ref, true), "disabled");
}
export async function enableUserAction(_prev: TActionState, formData: FormData) {
  return refAction(formData, (ref) => setUserDisabled(ref, false), "enabled");
}
export async function resetPasswordAction(_prev: TActionState, formData: FormData) {
  return refAction(formData, resetUserPassword, "resetSent");
}

export async function changePasswordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZChangePassword.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error);
  try {
    await changeOwnPassword(parsed.data);
  } catch (error) {
    return failure(error);
  }
  // Every session, this one included, ends with a password change: sign in with the new one.
  await signOut({ redirect: false });
  redirect("/login?passwordChanged=1");
}
