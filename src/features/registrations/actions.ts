"use server";

import { recordRegistration, rejectCpdEntry, rejectRenewal, requestRenewal, submitCpdEntry, verifyCpdEntry, verifyRenewal } from "@/server/registrations/mutations";
import { formAction, type TOutcome } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import { scanProblem } from "@/domain/credentials/schemas";
import { ZRecordRegistration, ZRequestRenewal, ZReviewRef, ZReviewWithReason, ZSubmitCpdEntry } from "@/domain/registrations/schemas";

const QUEUE = "/credentials/verification";

const paths = (practitionerId?: string) => ["/me", QUEUE, ...(practitionerId ? [`/practitioners/${practitionerId}`] : [])];

/** From the queue, a decided row leaves the list: go back to the same tab with a notice. */
function backToQueue(formData: FormData, done: "verified" | "rejected"): TOutcome<TActionState> {
  const back = formData.get("back");
  if (typeof back !== "string" || !(back === QUEUE || back.startsWith(`${QUEUE}?`))) return { ok: true };
  const url = new URL(back, "http://local");
  url.searchParams.set("done", done);
  url.searchParams.delete("page");
  return { redirect: `${url.pathname}${url.search}` };
}

function proofOf(formData: FormData): File | null {
  const scan = formData.get("scan");
  return scan instanceof File && scan.size > 0 ? scan : null;
}

export const submitCpdEntryAction = formAction({
  permission: "cpd.submit",
  schema: ZSubmitCpdEntry,
  input: (formData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  check: (formData) => {
    const problem = scanProblem(proofOf(formData));
    return problem ? { fieldErrors: { scan: problem } } : null;
  },
  run: async (input, { formData }) => {
    const file = proofOf(formData);
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    return submitCpdEntry(input, file && bytes ? { name: file.name, bytes } : null);
  },
  revalidate: (input) => paths(input.practitionerId),
});

export const verifyCpdEntryAction = formAction({
  permission: "cpd.verify",
  schema: ZReviewRef,
  echo: false,
  run: (input) => verifyCpdEntry(input),
  revalidate: (_, { practitionerId }) => paths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectCpdEntryAction = formAction({
  permission: "cpd.verify",
  schema: ZReviewWithReason,
  run: (input) => rejectCpdEntry(input),
  revalidate: (_, { practitionerId }) => paths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const requestRenewalAction = formAction({
  permission: "registrations.requestRenewal",
  schema: ZRequestRenewal,
  echo: false,
  run: (input) => requestRenewal(input),
  revalidate: (_, { practitionerId }) => paths(practitionerId),
});

export const verifyRenewalAction = formAction({
  permission: "registrations.verifyRenewal",
  schema: ZReviewRef,
  echo: false,
  run: (input) => verifyRenewal(input),
  revalidate: (_, { practitionerId }) => [...paths(practitionerId), "/public/p"],
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectRenewalAction = formAction({
  permission: "registrations.verifyRenewal",
  schema: ZReviewWithReason,
  run: (input) => rejectRenewal(input),
  revalidate: (_, { practitionerId }) => paths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const recordRegistrationAction = formAction({
  permission: "registrations.record",
  schema: ZRecordRegistration,
  run: (input) => recordRegistration(input),
  revalidate: (_, { practitionerId }) => [...paths(practitionerId), "/public/p"],
});
