"use server";

import { approveProvider, revokeApproval } from "@/server/trainings/providers";
import { addSession, cancelTraining, closeTraining, createTraining, publishTraining, removeSession, updateSession, updateTraining } from "@/server/trainings/programmes";
import { enrol, EnrolmentRefusal, withdraw } from "@/server/trainings/enrolment";
import { saveAttendance } from "@/server/trainings/attendance";
import { createAttendanceImport, discardAttendanceImport, startAttendanceImport } from "@/server/trainings/attendance-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { ZImportRef } from "@/domain/staff/schemas";
import type { TImportFileDetail } from "@/domain/staff/errors";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import { TRAINING_LIST_FIELDS, ZAddSession, ZApproveProvider, ZCreateTraining, ZEnrol, ZRemoveSession, ZRevokeApproval, ZSaveAttendance, ZTrainingRef, ZUpdateSession, ZUpdateTraining, ZWithdraw } from "@/domain/trainings/schemas";

// Server actions of training (issue 12 §1): thin, through the one pipeline (src/features/action.ts).

/** A form's entries as an object, the repeated fields as lists. */
function withLists(formData: FormData, lists: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !lists.includes(key)) out[key] = value;
  for (const key of lists) out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
  return out;
}

/** An upload's state: what the file's problem needs to be said (the limit, the missing columns). */
export type TUploadState = TActionState & { detail?: TImportFileDetail };

/** An enrolment's state: which person a refusal is about, when it is about one. */
export type TEnrolState = TActionState & { person?: string; enrolled?: number; waitlisted?: number };

export const approveProviderAction = formAction({
  permission: "trainingProviders.approve",
  schema: ZApproveProvider,
  input: (fd) => withLists(fd, ["scopes"]),
  run: (input) => approveProvider(input),
  revalidate: ["/training-providers"],
  done: () => ({ redirect: "/training-providers?approved=1" }),
});

export const revokeApprovalAction = formAction({
  permission: "trainingProviders.approve",
  schema: ZRevokeApproval,
  run: (input) => revokeApproval(input),
  revalidate: ["/training-providers"],
  done: () => ({ redirect: "/training-providers?revoked=1" }),
});

export const createTrainingAction = formAction({
  permission: "trainings.manage",
  schema: ZCreateTraining,
  input: (fd) => withLists(fd, TRAINING_LIST_FIELDS),
  run: (input) => createTraining(input),
  revalidate: ["/trainings"],
  done: (t) => ({ redirect: `/trainings/${t.id}?created=1#sessions` }),
});

export const updateTrainingAction = formAction({
  permission: "trainings.manage",
  schema: ZUpdateTraining,
  input: (fd) => withLists(fd, TRAINING_LIST_FIELDS),
  run: (input) => updateTraining(input),
  revalidate: (input) => ["/trainings", `/trainings/${input.id}`],
  done: (_, input) => ({ redirect: `/trainings/${input.id}?saved=1` }),
});

export const addSessionAction = formAction({
  permission: "trainings.manage",
  schema: ZAddSession,
  run: (input) => addSession(input),
  revalidate: (input) => [`/trainings/${input.trainingId}`],
  done: (_, input) => ({ redirect: `/trainings/${input.trainingId}?session=added#sessions` }),
});

export const updateSessionAction = formAction({
  permission: "trainings.manage",
  schema: ZUpdateSession,
  run: (input) => updateSession(input),
  revalidate: (_, r) => [`/trainings/${r.trainingId}`],
  done: (r) => ({ redirect: `/trainings/${r.trainingId}?session=saved#sessions` }),
});

export const removeSessionAction = formAction({
  permission: "trainings.manage",
  schema: ZRemoveSession,
  run: (input) => removeSession(input),
  revalidate: (_, r) => [`/trainings/${r.trainingId}`],
  done: (r) => ({ redirect: `/trainings/${r.trainingId}?session=removed#sessions` }),
});

export const publishTrainingAction = formAction({
  permission: "trainings.manage",
  schema: ZTrainingRef,
  invalid: "notFound",
  run: (input) => publishTraining(input),
  revalidate: (input) => ["/trainings", `/trainings/${input.id}`],
  done: (_, input) => ({ redirect: `/trainings/${input.id}?published=1` }),
});

export const cancelTrainingAction = formAction({
  permission: "trainings.manage",
  schema: ZTrainingRef,
  invalid: "notFound",
  run: (input) => cancelTraining(input),
  revalidate: (input) => ["/trainings", `/trainings/${input.id}`],
  done: (_, input) => ({ redirect: `/trainings/${input.id}?cancelled=1` }),
});

export const closeTrainingAction = formAction({
  permission: "trainings.manage",
  schema: ZTrainingRef,
  invalid: "notFound",
  run: (input) => closeTraining(input),
  revalidate: (input) => ["/trainings", `/trainings/${input.id}`],
  done: (r, input) => ({ redirect: `/trainings/${input.id}?closed=${r.completed}-${r.notCompleted}` }),
});

/** Enrol one or several people; a refusal about one of them names them. */
export const enrolAction = formAction<typeof ZEnrol, Awaited<ReturnType<typeof enrol>>, TEnrolState>({
  permission: "trainings.enrol",
  schema: ZEnrol,
  input: (fd) => withLists(fd, ["practitionerIds"]),
  run: (input) => enrol(input),
  fail: (error, values) => (error instanceof EnrolmentRefusal ? { ok: false, error: error.problem.code as TEnrolState["error"], person: error.person, values } : undefined),
  revalidate: (input) => ["/trainings", `/trainings/${input.trainingId}`, "/me"],
  done: (out) => ({ ok: true, enrolled: out.filter((o) => o.status === "ENROLLED").length, waitlisted: out.filter((o) => o.status === "WAITLISTED").length }),
});

export const withdrawAction = formAction({
  permission: "trainings.enrol",
  schema: ZWithdraw,
  invalid: "notFound",
  run: (input) => withdraw(input),
  revalidate: (_, r) => ["/trainings", `/trainings/${r.trainingId}`, "/me"],
  done: (r) => ({ redirect: `/trainings/${r.trainingId}?withdrawn=${r.promoted.length}${r.blockedByLine ? "&line=1" : ""}` }),
});

/** One session's sheet; the page stays, and says what was saved. */
export const saveAttendanceAction = formAction({
  permission: "trainings.attendance",
  schema: ZSaveAttendance,
  input: (fd) => withLists(fd, ["listed", "present"]),
  echo: false,
  run: (input) => saveAttendance(input),
  revalidate: (_, r) => [`/trainings/${r.trainingId}`, `/trainings/${r.trainingId}/attendance`],
  done: () => ({ ok: true, message: "saved" as const }),
});

/** Upload an attendance sheet; to its preview. File problems come back as trainings.import.fileErrors.*. */
export const uploadAttendanceImportAction = formAction<undefined, { id: string }, TUploadState>({
  permission: "trainings.attendance",
  echo: false,
  run: async (formData) => {
    const file = formData.get("file");
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const provider = formData.get("providerId");
    return createAttendanceImport(upload, typeof provider === "string" && provider ? provider : null);
  },
  fail: (error) => (error instanceof ImportFileError ? { ok: false, error: `trainings.import.fileErrors.${error.problem}`, detail: error.detail } : undefined),
  revalidate: ["/trainings/attendance-import"],
  done: ({ id }) => ({ redirect: `/trainings/attendance-import/${id}` }),
});

export const startAttendanceImportAction = formAction({
  permission: "trainings.attendance",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => startAttendanceImport(input),
  revalidate: (input) => [`/trainings/attendance-import/${input.jobId}`],
  done: (_, input) => ({ redirect: `/trainings/attendance-import/${input.jobId}` }),
});

export const discardAttendanceImportAction = formAction({
  permission: "trainings.attendance",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => discardAttendanceImport(input),
  revalidate: ["/trainings/attendance-import"],
  done: () => ({ redirect: "/trainings/attendance-import?discarded=1" }),
});
