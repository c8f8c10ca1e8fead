"use server";

import { z } from "zod";
import { markAllRead, openNotification } from "@/server/notifications/center";
import { redirect } from "next/navigation";
import { formAction } from "@/features/action";
import { sameOriginPath } from "@/lib/safe-path";

const ZOpen = z.object({ id: z.string().trim().min(1, "required").max(64, "invalid") });


/** Opens a notification: marks it read and goes to the record it names. */
export const openNotificationAction = formAction({
  permission: "notifications.read",
  schema: ZOpen,
  invalid: "notFound",
  echo: false,
  run: (input) => openNotification(input.id),
  revalidate: ["/notifications"],
  // A stored href is ours, but a redirect never leaves the site.
  done: (href) => {
    const path = sameOriginPath(href);
    return path ? { redirect: path } : { ok: false, error: "notFound" };
  },
});

export const markAllReadAction = formAction({
  permission: "notifications.read",
  echo: false,
  run: () => markAllRead(),
  revalidate: ["/notifications"],
});

// For plain <form action> in server components (no client state): they return nothing.

/** Opens a notification; one that is gone (or not the caller's) leads back to the list. */
export async function openNotificationFromForm(formData: FormData): Promise<void> {
  await openNotificationAction({ ok: false }, formData); // redirects on success
  redirect("/notifications");
}

export async function markAllReadFromForm(formData: FormData): Promise<void> {
  await markAllReadAction({ ok: false }, formData);
}
