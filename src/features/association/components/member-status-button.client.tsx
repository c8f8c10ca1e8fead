"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { changeMemberStatusAction } from "@/features/association/actions";
import type { TActionState } from "@/domain/common/action-state";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TProps = {
  member: { id: string; version: number; number: string; name: string; joinedOn: string };
  change: "SUSPEND" | "REINSTATE" | "END";
  today: string;
  /** Where to return after the change (the list as it was, with its filters). */
  back: string;
};

/** Suspend, reinstate or end a membership, each after a confirmation dialog; ending asks for the date. */
export function MemberStatusButton({ member, change, today, back }: TProps) {
  const t = useTranslations();
  const ta = useTranslations("association");
  const msg = useMessage();
  const [state, action] = useActionState<TActionState, FormData>(changeMemberStatusAction, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const base = `member-${change.toLowerCase()}-${member.id}`;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const endError = err("endedOn");
  const labels = {
    SUSPEND: { button: ta("actions.suspend"), title: ta("actions.suspendTitle"), body: ta("actions.suspendBody", { number: member.number, name: member.name }), confirm: ta("actions.suspendConfirm") },
    REINSTATE: { button: ta("actions.reinstate"), title: ta("actions.reinstateTitle"), body: ta("actions.reinstateBody", { number: member.number, name: member.name }), confirm: ta("actions.reinstateConfirm") },
    END: { button: ta("actions.end"), title: ta("actions.endTitle"), body: ta("actions.endBody", { number: member.number, name: member.name }), confirm: ta("actions.endConfirm") },
  }[change];
  return (
    <div>
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()} aria-label={`${labels.button} ${member.number}`}>
        {labels.button}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${base}-title`} className="m-auto w-full max-w-md rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        <form action={action} noValidate className="space-y-4 p-6">
          <input type="hidden" name="id" value={member.id} />
          <input type="hidden" name="version" value={member.version} />
          <input type="hidden" name="change" value={change} />
          <input type="hidden" name="back" value={back} />
          <h2 id={`${base}-title`} className="text-lg font-semibold text-slate-900">{labels.title}</h2>
          <p className="whitespace-normal text-sm text-slate-600">{labels.body}</p>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          {change === "END" ? (
            <div className="space-y-1.5">
              <label htmlFor={`${base}-date`} className="block text-sm font-medium text-slate-700">
                {ta("fields.endedOn")}
                <span className="ml-0.5 text-red-700" aria-hidden>*</span>
              </label>
              <input
                id={`${base}-date`}
                name="endedOn"
                type="date"
                required
                min={member.joinedOn}
                max={today}
                defaultValue={state.values?.endedOn ?? today}
                aria-invalid={!!endError || undefined}
                aria-describedby={`${base}-${endError ? "error" : "hint"}`}
                className={inputClass(!!endError)}
              />
              {endError ? (
                <p id={`${base}-error`} className="text-sm text-red-700">{endError}</p>
              ) : (
                <p id={`${base}-hint`} className="text-xs text-slate-500">{ta("actions.endHint")}</p>
              )}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("common.cancel")}
            </Button>
            <SubmitButton variant={change === "REINSTATE" ? "primary" : "danger"} pendingLabel={t("common.working")}>
              {labels.confirm}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
