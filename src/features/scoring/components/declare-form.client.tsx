"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { declareConflictAction } from "@/features/scoring/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { cn } from "@/components/ui/cn";
import { useMessage } from "@/i18n/use-message";

/** The scorer's declaration on a conflict of interest with the agencies that proposed, before scoring. */
export function DeclareForm({ callId, agencies }: { callId: string; agencies: string[] }) {
  const t = useTranslations("scoring.declare");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(declareConflictAction);
  const v = state.values ?? {};
  const [choice, setChoice] = useState(v.conflict ?? "");
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="declare-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="callId" value={callId} />
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div>
        <h3 className="text-sm font-medium text-slate-700">{t("agencies")}</h3>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
          {agencies.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </div>
      <fieldset aria-describedby={err("conflict") ? "conflict-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {t("choice")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        {(["no", "yes"] as const).map((value) => (
          <label key={value} className="flex cursor-pointer items-center gap-3 py-1.5 text-sm text-slate-900">
            <input id={`conflict-${value}`} type="radio" name="conflict" value={value} checked={choice === value} onChange={() => setChoice(value)} className="h-4 w-4 accent-brand-700" />
            {value === "no" ? t("none") : t("some")}
          </label>
        ))}
        {err("conflict") ? <p id="conflict-error" className="mt-1 text-sm text-red-700">{err("conflict")}</p> : null}
      </fieldset>
      {choice === "yes" ? (
        <div className="space-y-1.5">
          <label htmlFor="conflictNote" className="block text-sm font-medium text-slate-700">
            {t("note")}
            <span className="ml-0.5 text-red-700" aria-hidden>*</span>
          </label>
          <textarea
            id="conflictNote"
            name="conflictNote"
            rows={3}
            maxLength={500}
            defaultValue={v.conflictNote ?? ""}
            aria-invalid={!!err("conflictNote") || undefined}
            aria-describedby={err("conflictNote") ? "conflictNote-error" : undefined}
            className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200", err("conflictNote") ? "border-red-600" : "border-slate-300")}
          />
          {err("conflictNote") ? <p id="conflictNote-error" className="text-sm text-red-700">{err("conflictNote")}</p> : null}
        </div>
      ) : null}
      <p className="text-xs text-slate-500">{t("final")}</p>
      <SubmitButton pendingLabel={tc("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
