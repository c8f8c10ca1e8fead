"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { recordRegistrationAction } from "@/features/registrations/actions";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/** Officials record the registration of a verified certificate that has none on file (a dialog asking for its number and start). */
export function RecordRegistrationButton({ credentialId, label, today }: { credentialId: string; label: string; today: string }) {
  const t = useTranslations("registrations.record");
  const msg = useMessage();
  const [state, action] = useActionState(recordRegistrationAction, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const id = `record-${credentialId}`;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  if (state.ok) return <Notice tone="success">{t("done")}</Notice>;
  return (
    <div>
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()}>{t("open")}</Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} noValidate className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="text-sm text-slate-600">{t("body", { certificate: label })}</p>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          <input type="hidden" name="credentialId" value={credentialId} />
          <TextField label={t("number")} name="number" id={`${id}-number`} required maxLength={100} defaultValue={state.values?.number ?? ""} error={err("number")} hint={t("numberHint")} autoComplete="off" spellCheck={false} />
          <TextField label={t("start")} name="start" id={`${id}-start`} type="date" required max={today} defaultValue={state.values?.start ?? ""} error={err("start")} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
            <SubmitButton pendingLabel={t("working")}>{t("confirm")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
