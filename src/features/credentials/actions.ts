"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { rejectCredential, revokeCredential, submitCredential, verifyCredential } from "@/server/credentials/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { scanProblem, ZCredentialRef, ZCredentialWithReason, ZSubmitCredential } from "@/domain/credentials/schemas";

const QUEUE = "/credentials/verification";

/**
 * From the queue, a decided row leaves the list (and its button with its message): go back to
 * the same filtered queue with a notice instead. Only the queue's own path is accepted.
 */
function backToQueue(formData: FormData, done: "verified" | "rejected" | "revoked") {
  const back = formData.get("back");
  if (typeof back !== "string" || !(back === QUEUE || back.startsWith(`${QUEUE}?`))) return;
  const url = new URL(back, "http://local");
  url.searchParams.set("done", done);
  url.searchParams.delete("page");
  redirect(`${url.pathname}${url.search}`);
}

function refresh(practitionerId?: string) {
  revalidatePath("/me");
  revalidatePath("/credentials/verification");
  if (practitionerId) revalidatePath(`/practitioners/${practitionerId}`);
}

export async function submitCredentialAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZSubmitCredential.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
  const scan = formData.get("scan");
  const file = scan instanceof File && scan.size > 0 ? scan : null;
  const scanIssue = scanProblem(file);
  if (!parsed.success) {
    const state = failure(parsed.error, values);
    if (scanIssue) state.fieldErrors = { ...state.fieldErrors, scan: scanIssue };
    return state;
  }
  try {
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    await submitCredential(parsed.data, bytes ? { name: file!.name, bytes } : null);
  } catch (error) {
    return failure(error, values);
  }
  refresh(parsed.data.practitionerId);
  return { ok: true };
}

export async function verifyCredentialAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZCredentialRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error);
  let practitionerId: string;
  try {
    practitionerId = (await verifyCredential(parsed.data)).practitionerId;
  } catch (error) {
    return failure(error);
  }
  refresh(practitionerId);
  backToQueue(formData, "verified");
  return { ok: true };
}

export async function rejectCredentialAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZCredentialWithReason.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let practitionerId: string;
  try {
    practitionerId = (await rejectCredential(parsed.data)).practitionerId;
  } catch (error) {
    return failure(error, values);
  }
  refresh(practitionerId);
  backToQueue(formData, "rejected");
  return { ok: true };
}

export async function revokeCredentialAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZCredentialWithReason.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let practitionerId: string;
  try {
    practitionerId = (await revokeCredential(parsed.data)).practitionerId;
  } catch (error) {
    return failure(error, values);
  }
  refresh(practitionerId);
  backToQueue(formData, "revoked");
  return { ok: true };
}
