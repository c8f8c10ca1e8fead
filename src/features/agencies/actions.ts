"use server";

import { changeAgencyStatus, updateAgencyProfile } from "@/server/agencies/mutations";
import { addIntegrityRecord, addRating, endIntegrityRecord, updateIntegrityRecord } from "@/server/agencies/integrity-mutations";
import { formAction } from "@/features/action";
import { agencyProfileInput, ZAddIntegrityRecord, ZAddRating, ZChangeAgencyStatus, ZEndIntegrityRecord, ZUpdateAgencyProfile, ZUpdateIntegrityRecord } from "@/domain/agencies/schemas";
import type { TProfileNotice } from "@/domain/agencies/notices";

/** Every change shows on the agency lists, its profile and the public directory. */
const agencyPaths = (organizationId: string) => ["/agencies", `/agencies/${organizationId}`, "/public/agencies"];

/** Back to the profile, with the notice of what was done (and the section it was done in). */
const toProfile = (organizationId: string, notice: TProfileNotice, anchor = "") => ({ redirect: `/agencies/${organizationId}?notice=${notice}${anchor}` });

export const updateAgencyProfileAction = formAction({
  permission: "agencies.updateProfile",
  schema: ZUpdateAgencyProfile,
  input: agencyProfileInput,
  run: (input) => updateAgencyProfile(input),
  revalidate: (input) => agencyPaths(input.id),
  done: (_, input) => toProfile(input.id, "profileSaved"),
});

export const changeAgencyStatusAction = formAction({
  permission: "agencies.changeStatus",
  schema: ZChangeAgencyStatus,
  run: (input) => changeAgencyStatus(input),
  revalidate: (input) => agencyPaths(input.id),
  done: (_, input) => toProfile(input.id, "statusChanged", "#status"),
});

export const addIntegrityRecordAction = formAction({
  permission: "integrity.manage",
  schema: ZAddIntegrityRecord,
  run: (input) => addIntegrityRecord(input),
  revalidate: (input) => agencyPaths(input.organizationId),
  done: (_, input) => toProfile(input.organizationId, "integrityAdded", "#integrity"),
});

export const updateIntegrityRecordAction = formAction({
  permission: "integrity.manage",
  schema: ZUpdateIntegrityRecord,
  run: (input) => updateIntegrityRecord(input),
  revalidate: (_, { organizationId }) => agencyPaths(organizationId),
  done: ({ organizationId }) => toProfile(organizationId, "integritySaved", "#integrity"),
});

export const endIntegrityRecordAction = formAction({
  permission: "integrity.manage",
  schema: ZEndIntegrityRecord,
  run: (input) => endIntegrityRecord(input),
  revalidate: (_, { organizationId }) => agencyPaths(organizationId),
  done: ({ organizationId }) => toProfile(organizationId, "integrityEnded", "#integrity"),
});

export const addRatingAction = formAction({
  permission: "integrity.manage",
  schema: ZAddRating,
  run: (input) => addRating(input),
  revalidate: (input) => agencyPaths(input.organizationId),
  done: (_, input) => toProfile(input.organizationId, "ratingAdded", "#ratings"),
});
