"use server";

import { signOut } from "@/server/auth/config";
import { changeOwnPassword, createUser, resetUserPassword, setUserDisabled, updateUser } from "@/server/accounts/mutations";
import { formAction } from "@/features/action";
import { ZChangePassword, ZCreateUser, ZUpdateUser, ZUserRef } from "@/domain/accounts/schemas";

export const createUserAction = formAction({
  permission: "users.create",
  schema: ZCreateUser,
  run: (input) => createUser(input),
  revalidate: ["/admin/users"],
  done: ({ id }) => ({ redirect: `/admin/users/${id}?created=1` }),
});

export const updateUserAction = formAction({
  permission: "users.update",
  schema: ZUpdateUser,
  run: (input) => updateUser(input),
  revalidate: (input) => [`/admin/users/${input.id}`],
  done: () => ({ ok: true, message: "saved" }),
});

const userPaths = (ref: { id: string }) => [`/admin/users/${ref.id}`, "/admin/users"];

export const disableUserAction = formAction({
  permission: "users.disable",
  schema: ZUserRef,
  echo: false,
  run: (ref) => setUserDisabled(ref, true),
  revalidate: userPaths,
  done: () => ({ ok: true, message: "disabled" }),
});

export const enableUserAction = formAction({
  permission: "users.disable",
  schema: ZUserRef,
  echo: false,
  run: (ref) => setUserDisabled(ref, false),
  revalidate: userPaths,
  done: () => ({ ok: true, message: "enabled" }),
});

export const resetPasswordAction = formAction({
  permission: "users.resetPassword",
  schema: ZUserRef,
  echo: false,
  run: (input) => resetUserPassword(input),
  revalidate: userPaths,
  done: () => ({ ok: true, message: "resetSent" }),
});

export const changePasswordAction = formAction({
  permission: "account.changePassword",
  schema: ZChangePassword,
  echo: false,
  run: (input) => changeOwnPassword(input),
  done: async () => {
    // Every session, this one included, ends with a password change: sign in with the new one.
    await signOut({ redirect: false });
    return { redirect: "/login?passwordChanged=1" };
  },
});
