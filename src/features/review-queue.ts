import type { TCheck, TOutcome } from "@/features/action";
import type { TScanUpload } from "@/server/storage/upload";
import { scanProblem } from "@/domain/credentials/schemas";
import type { TActionState } from "@/domain/common/action-state";

// Shared by the actions of the verification queue (credentials, CPD hours, renewals) and the forms
// that upload a scan or a proof.

export const QUEUE_PATH = "/credentials/verification";

/**
 * From the queue, a decided row leaves the list (and its button with its message): go back to the
 * same filtered view with a notice instead. Only the queue's own path is accepted.
 */
export function backToQueue(formData: FormData, done: "verified" | "rejected" | "revoked"): TOutcome<TActionState> {
  const back = formData.get("back");
  if (typeof back !== "string" || !(back === QUEUE_PATH || back.startsWith(`${QUEUE_PATH}?`))) return { ok: true };
  const url = new URL(back, "http://local");
  url.searchParams.set("done", done);
  url.searchParams.delete("page");
  return { redirect: `${url.pathname}${url.search}` };
}

/** The pages a decision on a practitioner's record changes: My profile, the queue, their register entry. */
export const recordPaths = (practitionerId?: string) => ["/me", QUEUE_PATH, ...(practitionerId ? [`/practitioners/${practitionerId}`] : [])];

/** The non-empty file a form sent under `field`, or null. */
export function uploadedFile(formData: FormData, field = "scan"): File | null {
  const file = formData.get(field);
  return file instanceof File && file.size > 0 ? file : null;
}

/** Refuses a missing or oversized scan under the field "scan" before anything else runs. */
export function scanCheck(formData: FormData): TCheck | null {
  const problem = scanProblem(uploadedFile(formData));
  return problem ? { fieldErrors: { scan: problem } } : null;
}

/** The scan the form sent, read for the server (its type is sniffed there). */
export async function scanUpload(formData: FormData): Promise<TScanUpload | null> {
  const file = uploadedFile(formData);
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

/** The form's text fields, for a schema (files left out). */
export const textFields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
