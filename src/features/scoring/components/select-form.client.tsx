"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { selectProposalAction } from "@/features/scoring/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { cn } from "@/components/ui/cn";
import { useMessage } from "@/i18n/use-message";

type TOption = { id: string; label: string };

/** The city's selection: one eligible proposal and the reason for it. */
export function SelectForm({ callId, version, options }: { callId: string; version: number; options: TOption[] }) {
  const t = useTranslations("scoring.select");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(selectProposalAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="select-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={err("proposalId") ? "proposalId-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {t("choose")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        <ul className={cn("divide-y divide-slate-100 rounded-md border bg-white", err("proposalId") ? "border-red-600" : "border-slate-200")}>
          {options.map((o) => (
            <li key={o.id}>
              <label className="flex cursor-pointer items-center gap-3 px-4 py-2.5 text-sm text-slate-900 hover:bg-slate-50">
                <input id={`proposalId-${o.id}`} type="radio" name="proposalId" value={o.id} defaultChecked={v.proposalId === o.id} className="h-4 w-4 accent-brand-700" />
                {o.label}
              </label>
            </li>
          ))}
        </ul>
        {err("proposalId") ? <p id="proposalId-error" className="mt-1 text-sm text-red-700">{err("proposalId")}</p> : null}
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
          {t("reason")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </label>
        <textarea
          id="reason"
          name="reason"
          rows={4}
          maxLength={2000}
          defaultValue={v.reason ?? ""}
          aria-invalid={!!err("reason") || undefined}
          aria-describedby={err("reason") ? "reason-error" : "reason-hint"}
          className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200", err("reason") ? "border-red-600" : "border-slate-300")}
        />
        {err("reason") ? <p id="reason-error" className="text-sm text-red-700">{err("reason")}</p> : <p id="reason-hint" className="text-xs text-slate-500">{t("reasonHint")}</p>}
      </div>
      <SubmitButton pendingLabel={t("submit")}>{t("submit")}</SubmitButton>
    </form>
  );
}
