"use server";

import { scopeOf } from "@/domain/authz/matrix";
import { recordLeaving } from "@/server/staff/mutations";
import { createImport, discardImport, retryImport, startImport } from "@/server/staff-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import type { TImportFileDetail } from "@/domain/staff/errors";
import { ZImportRef, ZRecordLeaving } from "@/domain/staff/schemas";

export const recordLeavingAction = formAction({
  permission: "staff.transfer",
  schema: ZRecordLeaving,
  run: (input) => recordLeaving(input),
  revalidate: ["/practitioners"],
  done: (_, input, { user }) =>
    // An agency no longer sees someone who left it: it finds them among its former staff.
    user && scopeOf(user.role, "staff.transfer") === "organization"
      ? { redirect: "/practitioners/former?recorded=1" }
      : { redirect: `/practitioners/${input.id}?transferred=1` },
});

export type TUploadState = TActionState & { detail?: TImportFileDetail };

/** Upload and validate a staff file; on success, to its preview. File problems come back as staff.import.fileErrors.*. */
export const uploadImportAction = formAction<undefined, { id: string }, TUploadState>({
  permission: "staff.import",
  echo: false,
  run: async (formData) => {
    const file = formData.get("file");
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    return createImport(upload);
  },
  fail: (error) => (error instanceof ImportFileError ? { ok: false, error: `staff.import.fileErrors.${error.problem}`, detail: error.detail } : undefined),
  revalidate: ["/practitioners/import"],
  done: ({ id }) => ({ redirect: `/practitioners/import/${id}` }),
});

// A malformed job reference reads as a job that is not there.

export const startImportAction = formAction({
  permission: "staff.import",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => startImport(input),
  revalidate: (input) => [`/practitioners/import/${input.jobId}`],
  done: (_, input) => ({ redirect: `/practitioners/import/${input.jobId}` }),
});

export const retryImportAction = formAction({
  permission: "staff.import",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => retryImport(input),
  revalidate: (input) => [`/practitioners/import/${input.jobId}`],
  done: (_, input) => ({ redirect: `/practitioners/import/${input.jobId}` }),
});

export const discardImportAction = formAction({
  permission: "staff.import",
  schema: ZImportRef,
  invalid: "notFound",
  echo: false,
  run: (input) => discardImport(input),
  revalidate: ["/practitioners/import"],
  done: () => ({ redirect: "/practitioners/import?discarded=1" }),
});
