"use server";

import { deleteSitting, recordOwnSitting, recordSitting } from "@/server/exams/mutations";
import { createExamImport, discardExamImport, startExamImport } from "@/server/exams/import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { ZImportRef } from "@/domain/staff/schemas";
import { ZRecordOwnSitting, ZRecordSitting, ZSittingRef } from "@/domain/exams/schemas";
import type { TImportFileDetail } from "@/domain/staff/errors";
import type { TActionState } from "@/domain/common/action-state";
import { formAction } from "@/features/action";

// Server actions of the exam pipeline (plan.md G2): thin, through the one pipeline (src/features/action.ts).

/** Where to go after a delete: back to the list the button was on (a local path only). */
const backTo = (value: FormDataEntryValue | null, fallback: string) => (typeof value === "string" && /^\/(me\/)?exams(\?[\w=&%.-]*)?$/.test(value) ? value : fallback);
const withFlag = (path: string, flag: string) => `${path}${path.includes("?") ? "&" : "?"}${flag}=1`;

export const recordOwnSittingAction = formAction({
  permission: "exams.record",
  schema: ZRecordOwnSitting,
  run: (input) => recordOwnSitting(input),
  revalidate: ["/me/exams", "/me"],
  done: () => ({ redirect: "/me/exams?recorded=1" }),
});

export const recordSittingAction = formAction({
  permission: "exams.record",
  schema: ZRecordSitting,
  run: (input) => recordSitting(input),
  revalidate: ["/exams"],
  done: () => ({ redirect: "/exams?recorded=1" }),
});

export const deleteSittingAction = formAction({
  permission: "exams.record",
  schema: ZSittingRef,
  invalid: "notFound",
  echo: false,
  run: (input) => deleteSitting(input),
  revalidate: ["/exams", "/me/exams"],
  done: (_r, _i, { formData }) => ({ redirect: withFlag(backTo(formData.get("back"), "/exams"), "deleted") }),
});

/** An upload's state: what the file's problem needs to be said (the limit, the missing columns). */
export type TExamUploadState = TActionState & { detail?: TImportFileDetail };

/** Upload a sheet of sittings; to its preview. File problems come back as exams.import.fileErrors.*. */
export const uploadExamImportAction = formAction<undefined, { id: string }, TExamUploadState>({
  permission: "exams.record",
  echo: false,
  run: async (formData) => {
    const file = formData.get("file");
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    return createExamImport(upload);
  },
  fail: (error) => (error instanceof ImportFileError ? { ok: false, error: `exams.import.fileErrors.${error.problem}`, detail: error.detail } : undefined),
  revalidate: ["/exams/import"],
  done: ({ id }) => ({ redirect: `/exams/import/${id}` }),
});

export const startExamImportAction = formAction({
  permission: "exams.record",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => startExamImport(input),
  revalidate: (input) => [`/exams/import/${input.jobId}`],
  done: (_, input) => ({ redirect: `/exams/import/${input.jobId}` }),
});

export const discardExamImportAction = formAction({
  permission: "exams.record",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => discardExamImport(input),
  revalidate: ["/exams/import"],
  done: () => ({ redirect: "/exams/import?discarded=1" }),
});
