"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { rejectCredentialAction, revokeCredentialAction, verifyCredentialAction } from "@/features/credentials/actions";
import { rejectCpdEntryAction, rejectRenewalAction, verifyCpdEntryAction, verifyRenewalAction } from "@/features/registrations/actions";
import type { TActionState } from "@/domain/common/action-state";
import { messageKey } from "@/lib/message-key";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/** `back`: the queue URL to return to after a decision (the row leaves the queue). */
type TRef = { id: string; version: number; label: string; back?: string };

/** What is decided: a credential, an entry of continuing-education hours, or a renewal request. */
export type TDecisionSubject = "credential" | "cpd" | "renewal";

const VERIFY = { credential: verifyCredentialAction, cpd: verifyCpdEntryAction, renewal: verifyRenewalAction } as const;
const REJECT = { credential: rejectCredentialAction, cpd: rejectCpdEntryAction, renewal: rejectRenewalAction } as const;

/** Verify: one click, after a confirmation dialog naming the record. */
export function VerifyButton({ credential, subject = "credential" }: { credential: TRef; subject?: TDecisionSubject }) {
  const t = useTranslations("credentials");
  const tr = useTranslations("registrations.decide");
  const tm = useTranslations();
  const [state, action] = useActionState(VERIFY[subject], { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `verify-${credential.id}-title`;
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => dialog.current?.showModal()}>{t("verify")}</Button>
      {state.ok ? <Notice tone="success">{t("verified")}</Notice> : null}
      {state.error ? <Notice tone="error">{tm(messageKey(state.error, "errors"))}</Notice> : null}
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} onSubmit={() => dialog.current?.close()} className="space-y-4 p-6">
          <input type="hidden" name="id" value={credential.id} />
          <input type="hidden" name="version" value={credential.version} />
          {credential.back ? <input type="hidden" name="back" value={credential.back} /> : null}
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {subject === "credential" ? t("verifyTitle") : subject === "cpd" ? tr("cpdVerifyTitle") : tr("renewalVerifyTitle")}
          </h2>
          <p className="text-sm text-slate-600">
            {subject === "credential"
              ? t("verifyBody", { credential: credential.label })
              : subject === "cpd"
                ? tr("cpdVerifyBody", { entry: credential.label })
                : tr("renewalVerifyBody", { registration: credential.label })}
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
            <SubmitButton pendingLabel={t("working")}>{t("verifyConfirm")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/** Reject or revoke: a dialog that requires a reason (the practitioner reads it); it stays open to show a refusal. */
export function ReasonButton({ credential, kind, subject = "credential" }: { credential: TRef; kind: "reject" | "revoke"; subject?: TDecisionSubject }) {
  const t = useTranslations("credentials");
  const tr = useTranslations("registrations.decide");
  const msg = useMessage();
  const [state, action] = useActionState<TActionState, FormData>(kind === "reject" ? REJECT[subject] : revokeCredentialAction, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${kind}-${credential.id}-title`;
  const reasonId = `${kind}-reason-${credential.id}`;
  const fe = state.fieldErrors ?? {};
  const reasonError = fe.reason;
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  if (state.ok) return <Notice tone="success">{kind === "reject" ? t("rejected") : t("revoked")}</Notice>;
  return (
    <div>
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()}>
        {kind === "reject" ? t("reject") : t("revoke")}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} noValidate className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {kind === "revoke" ? t("revokeTitle") : subject === "credential" ? t("rejectTitle") : subject === "cpd" ? tr("cpdRejectTitle") : tr("renewalRejectTitle")}
          </h2>
          <p className="text-sm text-slate-600">{credential.label}</p>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          <input type="hidden" name="id" value={credential.id} />
          <input type="hidden" name="version" value={credential.version} />
          {credential.back ? <input type="hidden" name="back" value={credential.back} /> : null}
          <div className="space-y-1.5">
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
              {kind === "reject" ? t("rejectReason") : t("revokeReason")}
              <span className="ml-0.5 text-red-700" aria-hidden>*</span>
            </label>
            <textarea
              id={reasonId}
              name="reason"
              rows={4}
              maxLength={500}
              required
              defaultValue={state.values?.reason ?? ""}
              aria-invalid={!!reasonError || undefined}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
              className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200", reasonError ? "border-red-600" : "border-slate-300")}
            />
            {reasonError ? <p id={`${reasonId}-error`} className="text-sm text-red-700">{err("reason")}</p> : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
            <SubmitButton variant="danger" pendingLabel={t("working")}>
              {kind === "revoke" ? t("revokeConfirm") : subject === "credential" ? t("rejectConfirm") : tr("rejectConfirm")}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
