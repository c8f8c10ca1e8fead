"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { closeContractAction, decideDisbursementAction, decideMilestoneAction, replaceStaffAction, reportMilestoneAction, requestDisbursementAction } from "@/features/contracts/actions";
import { MAX_SCAN_BYTES, SCAN_ACCEPT } from "@/domain/credentials/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField, PendingSubmit, uploadSubmit, useUploadAction } from "@/components/ui/upload-form";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { useMessage } from "@/i18n/use-message";

// The forms of a contract's page: small, each with its own refusal shown in place; a success
// brings the page back with its notice (src/features/contracts/actions.ts).

function useErrors(state: TActionState, extra: Record<string, TFieldErrorCode> = {}) {
  const msg = useMessage();
  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}), ...extra };
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const formError = state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null;
  return { fe, err, formError };
}

/** The agency's milestone report: a note and the deliverable's file. */
export function ReportMilestoneForm({ milestoneId, version, number }: { milestoneId: string; version: number; number: number }) {
  const [state, action, pending] = useUploadAction(reportMilestoneAction);
  const t = useTranslations("contracts.detail");
  const [tooLarge, setTooLarge] = useState<{ code: TFieldErrorCode } | null>(null);
  const { fe, err, formError } = useErrors(state, tooLarge ? { scan: tooLarge.code } : {});
  const v = state.values ?? {};
  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="grid gap-3 sm:grid-cols-2"
      data-testid="report-form"
      onSubmit={uploadSubmit({ pending, field: "scan", maxBytes: MAX_SCAN_BYTES, onTooLarge: () => setTooLarge({ code: "scanTooLarge" }), onOk: () => setTooLarge(null), action })}
    >
      <div className="space-y-2 sm:col-span-2">
        {formError}
        <ErrorSummary errors={fe} message={err} submitted={tooLarge ?? state} />
      </div>
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="version" value={version} />
      <div className="sm:col-span-2">
        <TextField id={`note-${number}`} label={t("reportNote")} name="note" required maxLength={2000} defaultValue={v.note ?? ""} error={err("note")} />
      </div>
      <FileField name="scan" label={t("reportFileField")} hint={t("reportFileHint")} error={err("scan")} accept={SCAN_ACCEPT} />
      <div className="sm:col-span-2">
        <PendingSubmit pending={pending} label={t("submitReport")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}

/** Acceptance, or a return with its reason, of a reported milestone. */
export function DecideMilestoneForm({ milestoneId, version, number }: { milestoneId: string; version: number; number: number }) {
  const [state, action, key] = useFormAction(decideMilestoneAction);
  const t = useTranslations();
  const { fe, err, formError } = useErrors(state);
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="decide-milestone-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="version" value={version} />
      <TextField id={`reason-${number}`} label={t("contracts.detail.reason")} name="reason" maxLength={1000} hint={t("contracts.detail.reasonHint")} defaultValue={state.values?.reason ?? ""} error={err("reason")} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="ACCEPT" className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-300">
          {t("contracts.detail.accept")}
        </button>
        <button type="submit" name="decision" value="RETURN" className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-brand-300">
          {t("contracts.detail.returnIt")}
        </button>
      </div>
    </form>
  );
}

/** A payment against an accepted milestone; above the threshold it waits for a second approval. */
export function RequestPaymentForm({ milestoneId, number, max, threshold }: { milestoneId: string; number: number; max: string; threshold: string }) {
  const [state, action, key] = useFormAction(requestDisbursementAction);
  const t = useTranslations("contracts.detail");
  const { fe, err, formError } = useErrors(state);
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="request-payment-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <TextField id={`amount-${number}`} label={t("paymentAmount")} name="amount" required inputMode="decimal" maxLength={20} hint={t("paymentHint", { max, threshold })} defaultValue={state.values?.amount ?? ""} error={err("amount")} />
        </div>
        <SubmitButton pendingLabel={t("submitting")} variant="secondary">{t("requestSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

/** The second approval of a waiting payment: approve, or refuse with a reason. */
export function DecidePaymentForm({ disbursementId }: { disbursementId: string }) {
  const [state, action, key] = useFormAction(decideDisbursementAction);
  const t = useTranslations("contracts.detail");
  const { fe, err, formError } = useErrors(state);
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="decide-payment-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="disbursementId" value={disbursementId} />
      <TextField id={`refuse-${disbursementId}`} label={t("refuseReason")} name="reason" maxLength={1000} defaultValue={state.values?.reason ?? ""} error={err("reason")} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="APPROVE" className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-300">
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="REFUSE" className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-brand-300">
          {t("refuse")}
        </button>
      </div>
    </form>
  );
}

/** The agency replaces a named person by another of its register. */
export function ReplaceStaffForm({ contractStaffId, name, candidates }: { contractStaffId: string; name: string; candidates: { id: string; label: string }[] }) {
  const [state, action, key] = useFormAction(replaceStaffAction);
  const t = useTranslations();
  const { fe, err, formError } = useErrors(state);
  if (!candidates.length) return <p className="text-sm text-slate-500">{t("contracts.detail.noCandidates")}</p>;
  return (
    <form key={key} action={action} noValidate className="flex flex-wrap items-end gap-2" data-testid="replace-form">
      {formError}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="contractStaffId" value={contractStaffId} />
      <div className="w-64">
        <SelectField id={`replace-${contractStaffId}`} label={t("contracts.detail.replaceWithFor", { name })} name="practitionerId" required defaultValue={state.values?.practitionerId ?? ""} error={err("practitionerId")}>
          <option value="">{t("common.choose")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>{c.label}</option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary" size="sm">{t("contracts.detail.replaceSubmit")}</SubmitButton>
    </form>
  );
}

/** Closes a contract whose milestones are all accepted. */
export function CloseContractForm({ contractId, version }: { contractId: string; version: number }) {
  const [state, action, key] = useFormAction(closeContractAction);
  const t = useTranslations("contracts.detail");
  const { formError } = useErrors(state);
  return (
    <form key={key} action={action} className="space-y-2" data-testid="close-form">
      {formError}
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{t("closeHint")}</p>
      <SubmitButton pendingLabel={t("submitting")}>{t("close")}</SubmitButton>
    </form>
  );
}
