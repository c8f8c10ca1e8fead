"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TActionState } from "@/features/action-result";
import { Button, type TButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessageKey } from "./use-message";

type TProps = {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  fields: Record<string, string>;
  id: string;
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  variant?: TButtonVariant;
};

/** Like ui/ConfirmAction, for actions whose errors may be staff.* keys: asks in a modal dialog, then submits. */
export function ConfirmButton({ action, fields, id, label, title, body, confirmLabel, variant = "primary" }: TProps) {
  const t = useTranslations("common");
  const msg = useMessageKey();
  const [state, formAction] = useActionState(action, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (state.error) dialog.current?.close();
  }, [state]);
  return (
    <div className="space-y-2">
      <Button variant={variant === "danger" ? "secondary" : variant} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      {state.error ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="space-y-4 p-6">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
          <p className="text-sm text-slate-600">{body}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
            <SubmitButton variant={variant} pendingLabel={t("working")}>{confirmLabel}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
