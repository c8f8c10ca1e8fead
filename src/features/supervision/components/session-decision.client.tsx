"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { confirmSessionAction, disputeSessionAction } from "@/features/supervision/actions";
import type { TActionState } from "@/domain/common/action-state";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { DISPUTE_REASON_MAX } from "@/domain/supervision/rules";

type TSession = { id: string; version: number; label: string };

/** Confirm (after a dialog naming the session and its hours) or dispute (a dialog that asks why) a session logged by one's supervisor. */
export function SessionDecision({ session }: { session: TSession }) {
  const t = useTranslations();
  const td = useTranslations("supervision.decide");
  const msg = useMessage();
  const [confirmState, confirm] = useActionState<TActionState, FormData>(confirmSessionAction, { ok: false });
  const [disputeState, dispute] = useActionState<TActionState, FormData>(disputeSessionAction, { ok: false });
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const disputeDialog = useRef<HTMLDialogElement>(null);
  const base = `session-${session.id}`;
  const fe = disputeState.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const reasonError = err("reason");
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" onClick={() => confirmDialog.current?.showModal()} aria-label={td("confirmLabel", { session: session.label })}>{td("confirm")}</Button>
      <Button size="sm" variant="secondary" onClick={() => disputeDialog.current?.showModal()} aria-label={td("disputeLabel", { session: session.label })}>{td("dispute")}</Button>
      {confirmState.error ? <Notice tone="error">{msg(confirmState.error, "errors")}</Notice> : null}
      <dialog ref={confirmDialog} aria-labelledby={`${base}-confirm-title`} className="m-auto w-full max-w-md rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        <form action={confirm} onSubmit={() => confirmDialog.current?.close()} className="space-y-4 p-6">
          <input type="hidden" name="id" value={session.id} />
          <input type="hidden" name="version" value={session.version} />
          <h2 id={`${base}-confirm-title`} className="text-lg font-semibold text-slate-900">{td("confirmTitle")}</h2>
          <p className="whitespace-normal text-sm text-slate-600">{td("confirmBody", { session: session.label })}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => confirmDialog.current?.close()}>{t("common.cancel")}</Button>
            <SubmitButton pendingLabel={t("common.working")}>{td("confirmSubmit")}</SubmitButton>
          </div>
        </form>
      </dialog>
      <dialog ref={disputeDialog} aria-labelledby={`${base}-dispute-title`} className="m-auto w-full max-w-md rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        <form action={dispute} noValidate className="space-y-4 p-6">
          <input type="hidden" name="id" value={session.id} />
          <input type="hidden" name="version" value={session.version} />
          <h2 id={`${base}-dispute-title`} className="text-lg font-semibold text-slate-900">{td("disputeTitle")}</h2>
          <p className="whitespace-normal text-sm text-slate-600">{td("disputeBody", { session: session.label })}</p>
          {disputeState.error && disputeState.error !== "checkFields" ? <Notice tone="error">{msg(disputeState.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={disputeState} />
          <div className="space-y-1.5">
            <label htmlFor={`${base}-reason`} className="block text-sm font-medium text-slate-700">
              {td("reason")}
              <span className="ml-0.5 text-red-700" aria-hidden>*</span>
            </label>
            <textarea
              id={`${base}-reason`}
              name="reason"
              rows={4}
              maxLength={DISPUTE_REASON_MAX}
              required
              defaultValue={disputeState.values?.reason ?? ""}
              aria-invalid={!!reasonError || undefined}
              aria-describedby={reasonError ? `${base}-reason-error` : `${base}-reason-hint`}
              className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200", reasonError ? "border-red-600" : "border-slate-300")}
            />
            {reasonError ? <p id={`${base}-reason-error`} className="text-sm text-red-700">{reasonError}</p> : <p id={`${base}-reason-hint`} className="text-xs text-slate-500">{td("reasonHint")}</p>}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => disputeDialog.current?.close()}>{t("common.cancel")}</Button>
            <SubmitButton variant="danger" pendingLabel={t("common.working")}>{td("disputeSubmit")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
