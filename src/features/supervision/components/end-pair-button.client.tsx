"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { endSupervisionAction } from "@/features/supervision/actions";
import type { TActionState } from "@/domain/common/action-state";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TProps = { pair: { id: string; version: number; label: string; startDate: string }; today: string; back: string };

/** Ends a pair after a confirmation dialog that asks for its last day (default today). */
export function EndPairButton({ pair, today, back }: TProps) {
  const t = useTranslations();
  const ts = useTranslations("supervision.end");
  const msg = useMessage();
  const [state, action] = useActionState<TActionState, FormData>(endSupervisionAction, { ok: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const base = `end-${pair.id}`;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <div>
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()} aria-label={ts("buttonLabel", { pair: pair.label })}>
        {ts("button")}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${base}-title`} className="m-auto w-full max-w-md rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        <form action={action} noValidate className="space-y-4 p-6">
          <input type="hidden" name="id" value={pair.id} />
          <input type="hidden" name="version" value={pair.version} />
          <input type="hidden" name="back" value={back} />
          <h2 id={`${base}-title`} className="text-lg font-semibold text-slate-900">{ts("title")}</h2>
          <p className="whitespace-normal text-sm text-slate-600">{ts("body", { pair: pair.label })}</p>
          {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
          <ErrorSummary errors={fe} message={err} submitted={state} />
          <TextField id={`${base}-date`} label={ts("endDate")} name="endDate" type="date" required min={pair.startDate} max={today} defaultValue={state.values?.endDate ?? today} error={err("endDate")} hint={ts("endDateHint")} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <SubmitButton variant="danger" pendingLabel={t("common.working")}>{ts("confirm")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
