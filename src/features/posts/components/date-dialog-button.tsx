"use client";

import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TActionState } from "@/domain/common/action-state";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

type TProps = {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  fields: Record<string, string>;
  /** The date input's form name and label, and its initial value (YYYY-MM-DD). */
  dateName: string;
  dateLabel: string;
  defaultDate: string;
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  size?: "sm" | "md";
};

/** A consequential dated step (end an assignment, close a post): asks in a modal dialog with the date, then submits. A refusal keeps the dialog open with its reason. */
export function DateDialogButton({ action, fields, dateName, dateLabel, defaultDate, label, title, body, confirmLabel, size = "sm" }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, formAction] = useActionState(action, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const inputId = `${id}-date`;
  const fe = state.fieldErrors ?? {};
  const fieldError = fe[dateName];
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <div>
      <Button size={size} variant="secondary" onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} noValidate className="space-y-4 p-6">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
          <p className="text-sm text-slate-600">{body}</p>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          <div className="space-y-1.5">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
              {dateLabel}
              <span className="ml-0.5 text-red-700" aria-hidden>*</span>
            </label>
            <input
              id={inputId}
              name={dateName}
              type="date"
              required
              defaultValue={state.values?.[dateName] ?? defaultDate}
              aria-invalid={!!fieldError || undefined}
              aria-describedby={fieldError ? `${inputId}-error` : undefined}
              className={inputClass(!!fieldError)}
            />
            {fieldError ? <p id={`${inputId}-error`} className="text-sm text-red-700">{err(dateName)}</p> : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <SubmitButton variant="danger" pendingLabel={t("common.working")}>{confirmLabel}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
