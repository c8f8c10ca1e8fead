"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePractitionerStatus, createPractitioner, revealIdNumber, updateOwnContact, updatePractitioner } from "@/server/practitioners/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { practitionerFormInput, ZChangeStatus, ZCreatePractitioner, ZPractitionerRef, ZUpdateContact, ZUpdatePractitioner } from "@/domain/practitioners/schemas";

export async function createPractitionerAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZCreatePractitioner.safeParse(practitionerFormInput(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let id: string;
  try {
    id = (await createPractitioner(parsed.data)).id;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/practitioners");
  redirect(`/practitioners/${id}?created=1`);
}

export async function updatePractitionerAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdatePractitioner.safeParse(practitionerFormInput(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updatePractitioner(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/practitioners/${parsed.data.id}`);
  redirect(`/practitioners/${parsed.data.id}?saved=1`);
}

export async function updateContactAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdateContact.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updateOwnContact(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/practitioners/${parsed.data.id}`);
  redirect(`/practitioners/${parsed.data.id}?saved=1`);
}

export async function changeStatusAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZChangeStatus.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await changePractitionerStatus(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/practitioners/${parsed.data.id}`);
  redirect(`/practitioners/${parsed.data.id}?saved=1`);
}

export type TRevealState = { ok: boolean; idNumber?: string; error?: string };

/** Returns the full ID number to the one caller who asked; the reveal is audited. */
export async function revealIdNumberAction(_prev: TRevealState, formData: FormData): Promise<TRevealState> {
  const parsed = ZPractitionerRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "notFound" };
  try {
    return { ok: true, idNumber: await revealIdNumber(parsed.data.id) };
  } catch (error) {
    const state = failure(error);
    return { ok: false, error: state.error ?? "unexpected" };
  }
}
