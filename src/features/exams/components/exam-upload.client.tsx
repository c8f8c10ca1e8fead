"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { uploadExamImportAction, type TExamUploadState } from "@/features/exams/actions";
import type { TActionErrorCode } from "@/domain/common/action-state";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/** Upload a filled-in sheet of exam sittings (checked on the server, then previewed). */
export function ExamUpload() {
  const t = useTranslations("exams.import");
  const msg = useMessage();
  const [localError, setLocalError] = useState<{ code: TActionErrorCode } | null>(null);
  const [state, action, pending] = useActionState<TExamUploadState, FormData>(uploadExamImportAction, { ok: false });
  const error = localError?.code ?? state.error ?? null;
  const detail = localError ? {} : (state.detail ?? {});
  const columns = (detail.columns ?? []).map((c) => t(`columns.${c as "idNumber"}`)).join(t("listSeparator"));
  const message = !error ? null : msg(error, "errors", { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS, columns });
  const fileProblem = error?.startsWith("exams.import.fileErrors.") ? message : null;
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
        if (!file) return setLocalError({ code: "exams.import.fileErrors.fileRequired" });
        if (file.size > IMPORT_MAX_BYTES) return setLocalError({ code: "exams.import.fileErrors.fileTooLarge" });
        setLocalError(null);
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      {message && !fileProblem ? <Notice tone="error">{message}</Notice> : null}
      <ErrorSummary errors={{ file: fileProblem }} message={() => fileProblem ?? undefined} submitted={localError ?? state} />
      <div className="space-y-1.5">
        <label htmlFor="file" className="block text-sm font-medium text-slate-700">
          {t("file")}
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
          <p id="file-hint" className="text-xs text-slate-500">{t("fileHint", { rows: IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024 })}</p>
        )}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
        {pending ? t("checking") : t("submit")}
      </button>
    </form>
  );
}
