"use server";

import { rejectCredential, revokeCredential, submitCredential, verifyCredential } from "@/server/credentials/mutations";
import { formAction, type TOutcome } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import { scanProblem, ZCredentialRef, ZCredentialWithReason, ZSubmitCredential } from "@/domain/credentials/schemas";

const QUEUE = "/credentials/verification";

/**
 * From the queue, a decided row leaves the list (and its button with its message): go back to
 * the same filtered queue with a notice instead. Only the queue's own path is accepted.
 */
function backToQueue(formData: FormData, done: "verified" | "rejected" | "revoked"): TOutcome<TActionState> {
  const back = formData.get("back");
  if (typeof back !== "string" || !(back === QUEUE || back.startsWith(`${QUEUE}?`))) return { ok: true };
  const url = new URL(back, "http://local");
  url.searchParams.set("done", done);
  url.searchParams.delete("page");
  return { redirect: `${url.pathname}${url.search}` };
}

const credentialPaths = (practitionerId?: string) => ["/me", "/credentials/verification", ...(practitionerId ? [`/practitioners/${practitionerId}`] : [])];

function scanOf(formData: FormData): File | null {
  const scan = formData.get("scan");
  return scan instanceof File && scan.size > 0 ? scan : null;
}

export const submitCredentialAction = formAction({
  permission: "credentials.submit",
  schema: ZSubmitCredential,
  input: (formData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  check: (formData) => {
    const problem = scanProblem(scanOf(formData));
    return problem ? { fieldErrors: { scan: problem } } : null;
  },
  run: async (input, { formData }) => {
    const file = scanOf(formData);
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    return submitCredential(input, file && bytes ? { name: file.name, bytes } : null);
  },
  revalidate: (input) => credentialPaths(input.practitionerId),
});

export const verifyCredentialAction = formAction({
  permission: "credentials.verify",
  schema: ZCredentialRef,
  echo: false,
  run: (input) => verifyCredential(input),
  revalidate: (_, { practitionerId }) => credentialPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectCredentialAction = formAction({
  permission: "credentials.verify",
  schema: ZCredentialWithReason,
  run: (input) => rejectCredential(input),
  revalidate: (_, { practitionerId }) => credentialPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const revokeCredentialAction = formAction({
  permission: "credentials.revoke",
  schema: ZCredentialWithReason,
  run: (input) => revokeCredential(input),
  revalidate: (_, { practitionerId }) => credentialPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "revoked"),
});
