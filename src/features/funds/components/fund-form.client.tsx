"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { createFundAction } from "@/features/funds/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/** A new special fund for a year; its lines are added on its page. */
export function FundForm({ year }: { year: number }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(createFundAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="max-w-xl space-y-4" noValidate data-testid="fund-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <TextField label={t("funds.year")} name="year" type="number" inputMode="numeric" min={2000} max={2100} required defaultValue={v.year ?? String(year)} error={err("year")} />
      <TextField label={t("funds.name")} name="name" required maxLength={100} defaultValue={v.name ?? ""} error={err("name")} />
      <SubmitButton pendingLabel={t("common.saving")}>{t("funds.create")}</SubmitButton>
    </form>
  );
}
