"use client";

import { startTransition, useActionState, useState, type ReactNode } from "react";
import type { TActionErrorCode, TActionState } from "@/domain/common/action-state";
import type { TImportFileDetail } from "@/domain/staff/errors";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

// The upload step every Excel import shares (staff, exam sittings, attendance): choose a file, check
// it in the browser for the obvious (none chosen, too large), send it, and show what the server
// found wrong with the file under the field. Each import gives its action, its namespace (its
// file errors are "<ns>.fileErrors.*"), its words and any fields of its own (`children`).

export type TImportUploadState = TActionState & { detail?: TImportFileDetail };

export const IMPORT_LIMITS = { rows: IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024 };

export function ImportUploadForm({
  action: serverAction,
  ns,
  labels,
  missingColumns,
  children,
}: {
  action: (previous: TImportUploadState, formData: FormData) => Promise<TImportUploadState>;
  ns: "staff.import" | "exams.import" | "trainings.import";
  labels: { file: string; hint: string; submit: string; checking: string };
  /** The missing columns a refused file names, in the reader's words. */
  missingColumns: (detail: TImportFileDetail) => string;
  children?: ReactNode;
}) {
  const msg = useMessage();
  // A file refused in the browser is a refused submit: a new object each time, so the summary takes the focus again.
  const [localError, setLocalError] = useState<{ code: TActionErrorCode } | null>(null);
  const [state, action, pending] = useActionState<TImportUploadState, FormData>(serverAction, { ok: false });
  const error = localError?.code ?? state.error ?? null;
  const detail = localError ? {} : (state.detail ?? {});
  const firstFieldError = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined;
  // A file problem's message names the limit or the missing columns; a field of the import's own its rule.
  const message = !error ? null : error === "checkFields" && firstFieldError ? msg(firstFieldError, "validation") : msg(error, "errors", { ...IMPORT_LIMITS, columns: missingColumns(detail) });
  // The file's own problems belong under the field; anything else (signed out, a failure) above the form.
  const fileProblem = error?.startsWith(`${ns}.fileErrors.`) ? message : null;
  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
        const file = input?.files?.[0];
        if (!file) return setLocalError({ code: `${ns}.fileErrors.fileRequired` });
        if (file.size > IMPORT_MAX_BYTES) return setLocalError({ code: `${ns}.fileErrors.fileTooLarge` });
        // Not refused by its name: the server reads what the file really is and says what is wrong with it (an old .xls, a CSV…).
        setLocalError(null);
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      {message && !fileProblem ? <Notice tone="error">{message}</Notice> : null}
      <ErrorSummary errors={{ file: fileProblem }} message={() => fileProblem ?? undefined} submitted={localError ?? state} />
      {children}
      <div className="space-y-1.5">
        <label htmlFor="file" className="block text-sm font-medium text-slate-700">
          {labels.file}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept={IMPORT_ACCEPT}
          required
          aria-invalid={!!fileProblem || undefined}
          aria-describedby={fileProblem ? "file-error" : "file-hint"}
          className={`${inputClass(!!fileProblem)} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm`}
        />
        {fileProblem ? (
          <p id="file-error" className="text-sm text-red-700">{fileProblem}</p>
        ) : (
          <p id="file-hint" className="text-xs text-slate-500">{labels.hint}</p>
        )}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
        {pending ? (
          <>
            <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
            <span>{labels.checking}</span>
          </>
        ) : (
          labels.submit
        )}
      </button>
    </form>
  );
}
