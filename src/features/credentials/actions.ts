"use server";

import { rejectCredential, revokeCredential, submitCredential, verifyCredential } from "@/server/credentials/mutations";
import { formAction } from "@/features/action";
import { backToQueue, recordPaths, scanCheck, scanUpload, textFields } from "@/features/review-queue";
import { ZCredentialRef, ZCredentialWithReason, ZSubmitCredential } from "@/domain/credentials/schemas";

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
