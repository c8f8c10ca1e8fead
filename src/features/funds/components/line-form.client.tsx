"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addBudgetLineAction } from "@/features/funds/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { BUDGET_LINE_KINDS } from "@/domain/funds/schemas";

/** Adds a budget line (kind, name, amount in yuan) to a fund. */
export function LineForm({ fundId }: { fundId: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(addBudgetLineAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="line-form">
      {state.ok ? <Notice tone="success">{t("funds.lineAdded")}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="fundId" value={fundId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("funds.kind")} name="kind" required defaultValue={v.kind ?? "TRAINING_SUBSIDY"} error={err("kind")}>
          {BUDGET_LINE_KINDS.map((k) => (
            <option key={k} value={k}>{t(`funds.lineKind.${k}`)}</option>
          ))}
        </SelectField>
        <TextField label={t("funds.name")} name="name" required maxLength={100} defaultValue={v.name ?? ""} error={err("name")} />
        <TextField label={t("funds.amount")} name="amount" required inputMode="decimal" defaultValue={v.amount ?? ""} error={err("amount")} hint={t("funds.amountHint")} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">{t("funds.addLine")}</SubmitButton>
    </form>
  );
}
