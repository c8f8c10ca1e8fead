"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { decideApplicationAction } from "@/features/agencies/application-actions";
import { MAX_COMMENT_FOR_CITY_LENGTH, MAX_REASON_LENGTH } from "@/domain/agencies/application-schemas";
import { commentForCityAllowed } from "@/domain/agencies/application-rules";
import type { TActionState } from "@/domain/common/action-state";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TDecision = "APPROVE" | "REJECT" | "RETURN";
type TRef = { id: string; version: number; reference: string; name: string; step: "DISTRICT_REVIEW" | "CITY_REVIEW" };

/**
 * The reviewer's three decisions, each behind a confirmation dialog; reject and return ask for the
 * reason the applicant will read; at the district step, passing on and returning also take an
 * optional comment for the city review, which the applicant never sees.
 */
export function ApplicationReviewPanel({ application, decisions }: { application: TRef; decisions: TDecision[] }) {
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="review-panel">
      {decisions.includes("APPROVE") ? <DecisionButton application={application} decision="APPROVE" /> : null}
      {decisions.includes("RETURN") ? <DecisionButton application={application} decision="RETURN" /> : null}
      {decisions.includes("REJECT") ? <DecisionButton application={application} decision="REJECT" /> : null}
    </div>
  );
}

function DecisionButton({ application, decision }: { application: TRef; decision: TDecision }) {
  const t = useTranslations();
  const ta = useTranslations("agencyApplications.review");
  const msg = useMessage();
  const [state, action] = useActionState<TActionState, FormData>(decideApplicationAction, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const base = `${decision.toLowerCase()}-${application.id}`;
  const withReason = decision !== "APPROVE";
  const withComment = commentForCityAllowed(application.step, decision);
  // A dialog with a field stays open on submit, so a refusal shows next to what was typed.
  const withFields = withReason || withComment;
  const fe = state.fieldErrors ?? {};
  const reasonError = fe.reason;
  const commentError = fe.commentForCity;
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  const label = decision === "APPROVE" ? (application.step === "CITY_REVIEW" ? ta("approveFinal") : ta("approveDistrict")) : decision === "REJECT" ? ta("reject") : ta("return");
  const title = decision === "APPROVE" ? ta("approveTitle") : decision === "REJECT" ? ta("rejectTitle") : ta("returnTitle");
  const body =
    decision === "APPROVE"
      ? application.step === "CITY_REVIEW"
        ? ta("approveFinalBody", { name: application.name, reference: application.reference })
        : ta("approveDistrictBody", { name: application.name, reference: application.reference })
      : decision === "REJECT"
        ? ta("rejectBody", { name: application.name, reference: application.reference })
        : ta("returnBody", { name: application.name, reference: application.reference });
  const confirm = decision === "APPROVE" ? ta("confirmApprove") : decision === "REJECT" ? ta("confirmReject") : ta("confirmReturn");

  return (
    <div>
      <Button variant={decision === "APPROVE" ? "primary" : "secondary"} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      {/* A refusal that happened after the dialog closed (approve has no field to keep it open). */}
      {!withFields && state.error ? (
        <div className="mt-2 max-w-md">
          <Notice tone="error">{msg(state.error, "errors")}</Notice>
        </div>
      ) : null}
      <dialog ref={dialog} aria-labelledby={`${base}-title`} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} noValidate onSubmit={withFields ? undefined : () => dialog.current?.close()} className="space-y-4 p-6">
          <input type="hidden" name="id" value={application.id} />
          <input type="hidden" name="version" value={application.version} />
          <input type="hidden" name="decision" value={decision} />
          <h2 id={`${base}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
          <p className="text-sm text-slate-600">{body}</p>
          {withFields && state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          {withFields ? <ErrorSummary errors={fe} message={err} submitted={state} /> : null}
          {withReason ? (
            <div className="space-y-1.5">
              <label htmlFor={`${base}-reason`} className="block text-sm font-medium text-slate-700">
                {decision === "REJECT" ? ta("rejectReason") : ta("returnReason")}
                <span className="ml-0.5 text-red-700" aria-hidden>*</span>
              </label>
              <textarea
                id={`${base}-reason`}
                name="reason"
                rows={5}
                maxLength={MAX_REASON_LENGTH}
                required
                defaultValue={state.values?.reason ?? ""}
                aria-invalid={!!reasonError || undefined}
                aria-describedby={reasonError ? `${base}-reason-error` : `${base}-reason-hint`}
                className={cn(
                  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200",
                  reasonError ? "border-red-600" : "border-slate-300",
                )}
              />
              {reasonError ? (
                <p id={`${base}-reason-error`} className="text-sm text-red-700">{err("reason")}</p>
              ) : (
                <p id={`${base}-reason-hint`} className="text-xs text-slate-500">{ta("reasonHint")}</p>
              )}
            </div>
          ) : null}
          {withComment ? (
            <div className="space-y-1.5">
              <label htmlFor={`${base}-comment`} className="block text-sm font-medium text-slate-700">
                {ta("commentForCity")}
              </label>
              <textarea
                id={`${base}-comment`}
                name="commentForCity"
                rows={4}
                maxLength={MAX_COMMENT_FOR_CITY_LENGTH}
                defaultValue={state.values?.commentForCity ?? ""}
                aria-invalid={!!commentError || undefined}
                aria-describedby={commentError ? `${base}-comment-error` : `${base}-comment-hint`}
                className={cn(
                  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200",
                  commentError ? "border-red-600" : "border-slate-300",
                )}
              />
              {commentError ? (
                <p id={`${base}-comment-error`} className="text-sm text-red-700">{err("commentForCity")}</p>
              ) : (
                <p id={`${base}-comment-hint`} className="text-xs text-slate-500">{ta("commentForCityHint", { max: MAX_COMMENT_FOR_CITY_LENGTH })}</p>
              )}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <SubmitButton variant={decision === "APPROVE" ? "primary" : "danger"} pendingLabel={t("common.working")}>
              {confirm}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
