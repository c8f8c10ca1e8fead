"use client";

import { useRef, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TActionState } from "@/domain/common/action-state";
import { Button, type TButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TProps = {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  /** Unique on the page: used for element ids. */
  id: string;
  hidden: Record<string, string | number>;
  triggerLabel: string;
  /** Read after the trigger's label by screen readers, when several triggers share one label (e.g. which record). */
  triggerContext?: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  variant?: TButtonVariant;
  /** The dialog's own fields; `err(name)` gives a field's localized error, `value(name, fallback)` what was typed. */
  fields?: (err: (name: string) => string | undefined, value: (name: string, fallback: string) => string) => ReactNode;
};

/**
 * A consequential change behind a button: a modal dialog asks for its details (date, reason…)
 * and for confirmation. A refusal keeps the dialog open with the reason; success navigates (the
 * action redirects), and the caller keys this component by the record's version to reset it.
 */
export function ModalForm({ action, id, hidden, triggerLabel, triggerContext, title, body, confirmLabel, variant = "danger", fields }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, formAction, formKey] = useFormAction(action);
  const dialog = useRef<HTMLDialogElement>(null);
  const fe = state.fieldErrors ?? {};
  const err = (name: string) => (fe[name] ? msg(fe[name]!, "validation") : undefined);
  const value = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  return (
    <div>
      <Button variant={variant === "danger" ? "secondary" : variant} size="sm" onClick={() => dialog.current?.showModal()}>
        {triggerLabel}
        {triggerContext ? <span className="sr-only"> {triggerContext}</span> : null}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form key={formKey} action={formAction} noValidate className="space-y-4 p-6">
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
          <div className="text-sm text-slate-600">{body}</div>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          {fields ? <div className="space-y-4">{fields(err, value)}</div> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("common.cancel")}
            </Button>
            <SubmitButton variant={variant} pendingLabel={t("common.working")}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}

const fieldClass = (invalid: boolean) =>
  `block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 ${invalid ? "border-red-600" : "border-slate-300"}`;

/**
 * A labelled field inside a dialog. Several dialogs on one page carry fields of the same name,
 * so the element id is given separately (the shared TextField uses the name as its id).
 */
export function DialogField({
  id,
  name,
  label,
  error,
  required,
  multiline,
  ...input
}: { id: string; name: string; label: string; error?: string; required?: boolean; multiline?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={3}
          required={required}
          maxLength={input.maxLength}
          defaultValue={input.defaultValue as string | undefined}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy}
          className={`${fieldClass(!!error)} py-2`}
        />
      ) : (
        <input id={id} name={name} required={required} aria-invalid={!!error || undefined} aria-describedby={describedBy} className={`${fieldClass(!!error)} h-10`} {...input} />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
