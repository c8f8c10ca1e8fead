"use server";

import { recordRegistration, rejectCpdEntry, rejectRenewal, requestRenewal, submitCpdEntry, verifyCpdEntry, verifyRenewal } from "@/server/registrations/mutations";
import { formAction } from "@/features/action";
import { backToQueue, recordPaths, scanCheck, scanUpload, textFields } from "@/features/review-queue";
import { ZRecordRegistration, ZRequestRenewal, ZReviewRef, ZReviewWithReason, ZSubmitCpdEntry } from "@/domain/registrations/schemas";

export const submitCpdEntryAction = formAction({
  permission: "cpd.submit",
  schema: ZSubmitCpdEntry,
  input: textFields,
  check: scanCheck,
  run: async (input, { formData }) => submitCpdEntry(input, await scanUpload(formData)),
  revalidate: (input) => recordPaths(input.practitionerId),
});

export const verifyCpdEntryAction = formAction({
  permission: "cpd.verify",
  schema: ZReviewRef,
  echo: false,
  run: (input) => verifyCpdEntry(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectCpdEntryAction = formAction({
  permission: "cpd.verify",
  schema: ZReviewWithReason,
  run: (input) => rejectCpdEntry(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const requestRenewalAction = formAction({
  permission: "registrations.requestRenewal",
  schema: ZRequestRenewal,
  echo: false,
  run: (input) => requestRenewal(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
});

export const verifyRenewalAction = formAction({
  permission: "registrations.verifyRenewal",
  schema: ZReviewRef,
  echo: false,
  run: (input) => verifyRenewal(input),
  revalidate: (_, { practitionerId }) => [...recordPaths(practitionerId), "/public/p"],
  done: (_, __, { formData }) => backToQueue(formData, "verified"),
});

export const rejectRenewalAction = formAction({
  permission: "registrations.verifyRenewal",
  schema: ZReviewWithReason,
  run: (input) => rejectRenewal(input),
  revalidate: (_, { practitionerId }) => recordPaths(practitionerId),
  done: (_, __, { formData }) => backToQueue(formData, "rejected"),
});

export const recordRegistrationAction = formAction({
  permission: "registrations.record",
  schema: ZRecordRegistration,
  run: (input) => recordRegistration(input),
  revalidate: (_, { practitionerId }) => [...recordPaths(practitionerId), "/public/p"],
});
