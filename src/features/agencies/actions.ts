"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeAgencyStatus, updateAgencyProfile } from "@/server/agencies/mutations";
import { addIntegrityRecord, addRating, endIntegrityRecord, updateIntegrityRecord } from "@/server/agencies/integrity-mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { agencyProfileInput, ZAddIntegrityRecord, ZAddRating, ZChangeAgencyStatus, ZEndIntegrityRecord, ZUpdateAgencyProfile, ZUpdateIntegrityRecord } from "@/domain/agencies/schemas";
import type { TProfileNotice } from "@/domain/agencies/notices";

function done(organizationId: string, notice: TProfileNotice, anchor = ""): never {
  revalidatePath("/agencies");
  revalidatePath(`/agencies/${organizationId}`);
  revalidatePath("/public/agencies");
  redirect(`/agencies/${organizationId}?notice=${notice}${anchor}`);
}

export async function updateAgencyProfileAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdateAgencyProfile.safeParse(agencyProfileInput(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updateAgencyProfile(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  done(parsed.data.id, "profileSaved");
}

export async function changeAgencyStatusAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZChangeAgencyStatus.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await changeAgencyStatus(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  done(parsed.data.id, "statusChanged", "#status");
}

export async function addIntegrityRecordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZAddIntegrityRecord.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await addIntegrityRecord(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  done(parsed.data.organizationId, "integrityAdded", "#integrity");
}

export async function updateIntegrityRecordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdateIntegrityRecord.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let organizationId: string;
  try {
    organizationId = (await updateIntegrityRecord(parsed.data)).organizationId;
  } catch (error) {
    return failure(error, values);
  }
  done(organizationId, "integritySaved", "#integrity");
}

export async function endIntegrityRecordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZEndIntegrityRecord.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let organizationId: string;
  try {
    organizationId = (await endIntegrityRecord(parsed.data)).organizationId;
  } catch (error) {
    return failure(error, values);
  }
  done(organizationId, "integrityEnded", "#integrity");
}

export async function addRatingAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZAddRating.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await addRating(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  done(parsed.data.organizationId, "ratingAdded", "#ratings");
}
