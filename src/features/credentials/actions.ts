"use server";

import { rejectCredential, revokeCredential, submitCredential, verifyCredential, verifyCredentials } from "@/server/credentials/mutations";
import { formAction } from "@/features/action";
import { backToQueue, QUEUE_PATH, recordPaths, scanCheck, scanUpload, textFields } from "@/features/review-queue";
import { ZCredentialBatch, ZCredentialRef, ZCredentialWithReason, ZSubmitCredential } from "@/domain/credentials/schemas";
import type { TActionErrorCode, TActionState } from "@/domain/common/action-state";

export const submitCredentialAction = formAction({
  permission: "credentials.submit",
  schema: ZSubmitCredential,
  input: textFields,
  check: scanCheck,
  run: async (input, { formData }) => submitCredential(input, await scanUpload(formData)),
  revalidate: (input) => recordPaths(input.practitionerId),
});

export const verifyCredentialAction = formAction({
  permission: "credentials.verify",
  schema: ZCredentialRef,
  echo: false,
  run: (input) => verifyCredential(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectCredentialAction = formAction({
  permission: "credentials.verify",
  schema: ZCredentialWithReason,
  run: (input) => rejectCredential(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const revokeCredentialAction = formAction({
  permission: "credentials.revoke",
  schema: ZCredentialWithReason,
  run: (input) => revokeCredential(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "revoked"),
});

/** A batch verification's answer: how many were verified, and each one refused with its reason. */
export type TBatchVerifyState = TActionState & { verified?: number; failed?: { id: string; error: TActionErrorCode }[] };

/** Verify the credentials selected on a page of the queue: one confirmation, each verified and audited on its own. */
export const verifyCredentialsAction = formAction<typeof ZCredentialBatch, Awaited<ReturnType<typeof verifyCredentials>>, TBatchVerifyState>({
  permission: "credentials.verify",
  schema: ZCredentialBatch,
  input: (formData) => ({ credentials: formData.getAll("credential") }),
  echo: false,
  run: (input) => verifyCredentials(input.credentials),
  revalidate: (_, outcomes) => [QUEUE_PATH, "/me", ...outcomes.flatMap((o) => (o.ok ? [`/practitioners/${o.practitionerId}`] : []))],
  done: (outcomes) => ({
    ok: true,
    verified: outcomes.filter((o) => o.ok).length,
    failed: outcomes.flatMap((o) => (o.ok ? [] : [{ id: o.id, error: o.error }])),
  }),
});
