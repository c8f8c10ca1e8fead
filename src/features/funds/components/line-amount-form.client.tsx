"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { setLineAmountAction } from "@/features/funds/actions";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessage } from "@/i18n/use-message";

/** A line's amount, changed in place; never below what the line has promised and paid. */
export function LineAmountForm({ lineId, version, amount, label }: { lineId: string; version: number; amount: string; label: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(setLineAmountAction);
  const id = `amount-${lineId}`;
  const problem = state.fieldErrors?.amount ? msg(state.fieldErrors.amount, "validation") : state.error && state.error !== "checkFields" ? msg(state.error, "errors") : null;
  return (
    <form key={formKey} action={action} className="flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="lineId" value={lineId} />
      <input type="hidden" name="version" value={version} />
      <div className="w-36">
        <label htmlFor={id} className="sr-only">{label}</label>
        <input id={id} name="amount" inputMode="decimal" defaultValue={state.values?.amount ?? amount} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} className={inputClass(!!problem)} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary" size="sm" className="h-10">{t("funds.setAmount")}</SubmitButton>
      {state.ok ? <p role="status" className="w-full text-xs text-green-800">{t("funds.amountSaved")}</p> : null}
      {problem ? <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700">{problem}</p> : null}
    </form>
  );
}
