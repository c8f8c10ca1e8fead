"use client";

import { useTranslations } from "next-intl";
import { closePostAction, endAssignmentAction } from "@/features/posts/actions";
import { DateDialogButton } from "./date-dialog-button";

/** End one holder's assignment: the row stays in the history with its end date. */
export function EndAssignmentButton({ assignment, today }: { assignment: { id: string; name: string; from: string }; today: string }) {
  const tp = useTranslations("posts");
  return (
    <DateDialogButton
      action={endAssignmentAction}
      fields={{ id: assignment.id }}
      dateName="to"
      dateLabel={tp("end.to")}
      defaultDate={today}
      label={tp("end.button")}
      title={tp("end.title", { name: assignment.name })}
      body={tp("end.body", { from: assignment.from })}
      confirmLabel={tp("end.confirm")}
    />
  );
}

/** Close the post (instead of deleting it): current holders are ended on the same day. */
export function ClosePostButton({ post, today }: { post: { id: string; version: number; title: string }; today: string }) {
  const tp = useTranslations("posts");
  return (
    <DateDialogButton
      action={closePostAction}
      fields={{ id: post.id, version: String(post.version) }}
      dateName="closedOn"
      dateLabel={tp("close.closedOn")}
      defaultDate={today}
      label={tp("close.button")}
      title={tp("close.title", { title: post.title })}
      body={tp("close.body")}
      confirmLabel={tp("close.confirm")}
      size="md"
    />
  );
}
