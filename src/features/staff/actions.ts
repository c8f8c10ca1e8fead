"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { recordLeaving } from "@/server/staff/mutations";
import { createImport, discardImport, retryImport, startImport } from "@/server/staff-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { ZImportRef, ZRecordLeaving } from "@/domain/staff/schemas";

export async function recordLeavingAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZRecordLeaving.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await recordLeaving(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/practitioners");
  // An agency no longer sees someone who left it: it finds them among its former staff.
  const user = await getCurrentUser();
  if (user && scopeOf(user.role, "staff.transfer") === "organization") redirect("/practitioners/former?recorded=1");
  redirect(`/practitioners/${parsed.data.id}?transferred=1`);
}

export type TUploadState = TActionState & { detail?: { fields?: string[]; max?: number } };

/** Upload and validate a staff file; on success, to its preview. File problems come back as staff.import.fileErrors.*. */
export async function uploadImportAction(_prev: TUploadState, formData: FormData): Promise<TUploadState> {
  const file = formData.get("file");
  const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  let id: string;
  try {
    id = (await createImport(upload)).id;
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: `staff.import.fileErrors.${error.problem}`, detail: error.detail };
    return failure(error);
  }
  revalidatePath("/practitioners/import");
  redirect(`/practitioners/import/${id}`);
}

export async function startImportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZImportRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "notFound" };
  try {
    await startImport(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/practitioners/import/${parsed.data.jobId}`);
  redirect(`/practitioners/import/${parsed.data.jobId}`);
}

export async function retryImportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZImportRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "notFound" };
  try {
    await retryImport(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/practitioners/import/${parsed.data.jobId}`);
  redirect(`/practitioners/import/${parsed.data.jobId}`);
}

export async function discardImportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZImportRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "notFound" };
  try {
    await discardImport(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/practitioners/import");
  redirect("/practitioners/import?discarded=1");
}
