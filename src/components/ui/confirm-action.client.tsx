"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TActionState } from "@/domain/common/action-state";
import { Button, type TButtonVariant } from "./button";
import { SubmitButton } from "./submit-button";
import { Notice } from "./card";
import { messageKey } from "@/lib/message-key";

type TProps = {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  fields: Record<string, string>;
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  variant?: TButtonVariant;
};

/** A button for a consequential action: asks in a modal dialog first, then submits. */
export function ConfirmAction({ action, fields, label, title, body, confirmLabel, variant = "danger" }: TProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  // useId, not the label: labels in Chinese have no \w characters, so two dialogs on a page would share an id.
  const id = `confirm-${useId().replace(/:/g, "")}`;

  useEffect(() => {
    if (state.ok || state.error) dialog.current?.close();
  }, [state]);

  return (
    <div className="space-y-2">
      <Button variant={variant === "danger" ? "secondary" : variant} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      {state.ok && state.message ? <Notice tone="success">{t(messageKey(state.message, "notices"))}</Notice> : null}
      {state.error ? <Notice tone="error">{t(messageKey(state.error, "errors"))}</Notice> : null}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="space-y-4 p-6">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p className="text-sm text-slate-600">{body}</p>
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
