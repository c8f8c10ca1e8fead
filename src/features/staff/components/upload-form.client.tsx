"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { uploadImportAction, type TUploadState } from "@/features/staff/actions";
import type { TActionErrorCode } from "@/domain/common/action-state";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

/** Upload a filled-in template; the server validates every row and shows the preview. */
export function UploadForm() {
  const t = useTranslations("staff.import");
  const tp = useTranslations("practitioners.fields");
  const msg = useMessage();
  // A file refused in the browser is a refused submit: a new object each time, so the summary takes the focus again.
  const [localError, setLocalError] = useState<{ code: TActionErrorCode } | null>(null);
  const [state, action, pending] = useActionState<TUploadState, FormData>(uploadImportAction, { ok: false });
  const error = localError?.code ?? state.error ?? null;
  const detail = localError ? {} : (state.detail ?? {});
  // A file problem's message names the limit or the missing columns; other codes need no values.
  const message = !error
    ? null
    : msg(error, "errors", {
        mb: IMPORT_MAX_BYTES / 1024 / 1024,
        rows: IMPORT_MAX_ROWS,
        columns: (detail.fields ?? []).map((f) => tp(f)).join("、"),
      });
  // The file's own problems belong under the field; anything else (signed out, a failure) above the form.
  const fileProblem = error?.startsWith("staff.import.fileErrors.") ? message : null;
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
        if (!file) return setLocalError({ code: "staff.import.fileErrors.fileRequired" });
        if (file.size > IMPORT_MAX_BYTES) return setLocalError({ code: "staff.import.fileErrors.fileTooLarge" });
        // Not refused by its name: the server reads what the file really is and says what is wrong with it (an old .xls, a CSV…).
        setLocalError(null);
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      {message && !fileProblem ? <Notice tone="error">{message}</Notice> : null}
      <ErrorSummary errors={{ file: fileProblem }} message={() => fileProblem ?? undefined} submitted={localError ?? state} />
      <div className="space-y-1.5">
        <label htmlFor="file" className="block text-sm font-medium text-slate-700">
          {t("upload.file")}
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
          <p id="file-hint" className="text-xs text-slate-500">{t("upload.hint", { rows: IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024 })}</p>
        )}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
        {pending ? (
          <>
            <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
            <span>{t("upload.checking")}</span>
          </>
        ) : (
          t("upload.submit")
        )}
      </button>
    </form>
  );
}
