"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideAppealAction, fileAppealAction, finaliseEvaluationAction, publishReportAction } from "@/features/evaluation-outcome/actions";
import { MAX_SCAN_BYTES, SCAN_ACCEPT } from "@/domain/credentials/schemas";
import { REPORT_MAX, APPEAL_REASON_MAX, DECISION_REASON_MAX } from "@/domain/evaluation-outcome/schemas";
import { TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { cn } from "@/components/ui/cn";
import { PendingSubmit, uploadSubmit, useUploadAction } from "@/components/ui/upload-form";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { useMessage } from "@/i18n/use-message";

// The outcome section's forms: each shows its refusal in place; a success brings the evaluation's
// page back with its notice (src/features/evaluation-outcome/actions.ts).

function useErrors(state: TActionState, extra: Record<string, TFieldErrorCode> = {}) {
  const msg = useMessage();
  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}), ...extra };
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const formError = state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null;
  return { fe, err, formError };
}

/** A labelled multi-line text field with its hint and error tied to it. */
function TextArea({ id, name, label, hint, error, required, maxLength, rows = 4, defaultValue }: { id: string; name: string; label: string; hint?: string; error?: string; required?: boolean; maxLength: number; rows?: number; defaultValue: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200", error ? "border-red-600" : "border-slate-300")}
      />
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : hint ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** The evaluation body's report (text, optionally a file) and its publication. */
export function PublishReportForm({ evaluationId, version }: { evaluationId: string; version: number }) {
  const [state, action, pending] = useUploadAction(publishReportAction);
  const t = useTranslations("evaluationOutcome");
  const [tooLarge, setTooLarge] = useState<{ code: TFieldErrorCode } | null>(null);
  const { fe, err, formError } = useErrors(state, tooLarge ? { scan: tooLarge.code } : {});
  const fileId = `report-file-${useId().replace(/:/g, "")}`;
  const v = state.values ?? {};
  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="space-y-3"
      data-testid="publish-report-form"
      onSubmit={uploadSubmit({ pending, field: "scan", maxBytes: MAX_SCAN_BYTES, onTooLarge: () => setTooLarge({ code: "scanTooLarge" }), onOk: () => setTooLarge(null), action })}
    >
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={tooLarge ?? state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <TextArea id="report" name="report" label={t("reportLabel")} hint={t("reportHint")} error={err("report")} required maxLength={REPORT_MAX} rows={8} defaultValue={v.report ?? ""} />
      <div className="space-y-1.5">
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">{t("fileLabel")}</label>
        <input
          id={fileId}
          name="scan"
          type="file"
          accept={SCAN_ACCEPT}
          aria-invalid={!!err("scan") || undefined}
          aria-describedby={err("scan") ? `${fileId}-error` : `${fileId}-hint`}
          className={`${inputClass(!!err("scan"))} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm`}
        />
        {err("scan") ? <p id={`${fileId}-error`} className="text-sm text-red-700">{err("scan")}</p> : <p id={`${fileId}-hint`} className="text-xs text-slate-500">{t("fileHint")}</p>}
      </div>
      <p className="text-sm text-slate-600">{t("publishHint")}</p>
      <PendingSubmit pending={pending} label={t("publish")} pendingLabel={t("submitting")} />
    </form>
  );
}

/** The evaluated agency's appeal, with its reasons, while the window is open. */
export function AppealForm({ evaluationId, version }: { evaluationId: string; version: number }) {
  const [state, action, key] = useFormAction(fileAppealAction);
  const t = useTranslations("evaluationOutcome");
  const { fe, err, formError } = useErrors(state);
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="appeal-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <TextArea id="appeal-reason" name="reason" label={t("appealReason")} hint={t("appealHint")} error={err("reason")} required maxLength={APPEAL_REASON_MAX} defaultValue={state.values?.reason ?? ""} />
      <SubmitButton pendingLabel={t("submitting")}>{t("fileAppeal")}</SubmitButton>
    </form>
  );
}

/** The city's decision on an appeal: upheld with a revised score, or dismissed; reasons required. */
export function DecideAppealForm({ evaluationId, version }: { evaluationId: string; version: number }) {
  const [state, action, key] = useFormAction(decideAppealAction);
  const t = useTranslations("evaluationOutcome");
  const { fe, err, formError } = useErrors(state);
  const v = state.values ?? {};
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="decide-appeal-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-700">
          {t("decisionLabel")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        <div className="flex flex-wrap gap-4" aria-describedby={err("decision") ? "decision-error" : undefined}>
          {(["UPHELD", "DISMISSED"] as const).map((d) => (
            <label key={d} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="decision" value={d} defaultChecked={v.decision === d} required className="h-4 w-4 border-slate-300 text-brand-700 focus:ring-brand-300" />
              {t(`decisions.${d}`)}
            </label>
          ))}
        </div>
        {err("decision") ? <p id="decision-error" className="text-sm text-red-700">{err("decision")}</p> : null}
      </fieldset>
      <div className="max-w-xs">
        <TextField id="revisedScore" name="revisedScore" label={t("revisedScore")} inputMode="decimal" maxLength={10} hint={t("revisedScoreHint")} defaultValue={v.revisedScore ?? ""} error={err("revisedScore")} />
      </div>
      <TextArea id="decision-reason" name="reason" label={t("decisionReason")} error={err("reason")} required maxLength={DECISION_REASON_MAX} defaultValue={v.reason ?? ""} />
      <SubmitButton pendingLabel={t("submitting")}>{t("decide")}</SubmitButton>
    </form>
  );
}

/** The city makes the result final once the window has ended without an appeal. */
export function FinaliseForm({ evaluationId, version }: { evaluationId: string; version: number }) {
  const [state, action, key] = useFormAction(finaliseEvaluationAction);
  const t = useTranslations("evaluationOutcome");
  const { formError } = useErrors(state);
  return (
    <form key={key} action={action} className="space-y-2" data-testid="finalise-form">
      {formError}
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{t("finaliseHint")}</p>
      <SubmitButton pendingLabel={t("submitting")}>{t("finalise")}</SubmitButton>
    </form>
  );
}
