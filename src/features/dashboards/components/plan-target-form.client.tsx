"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { updatePlanTargetAction } from "@/features/dashboards/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TProps = { plan: { startDate: string; startValue: number; yearlyTarget: number; version: number } };

/** The plan's headline target, editable by the city administrator (the server checks again). */
export function PlanTargetForm({ plan }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(updatePlanTargetAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="plan-target-form">
      {state.ok && state.message ? <Notice tone="success">{t(`notices.${state.message}`)}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="version" value={plan.version} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("growth.settings.startDate")} name="startDate" type="date" required defaultValue={v.startDate ?? plan.startDate} error={err("startDate")} />
        <TextField label={t("growth.settings.startValue")} name="startValue" inputMode="numeric" required defaultValue={v.startValue ?? String(plan.startValue)} error={err("startValue")} hint={t("growth.settings.startValueHint")} />
        <TextField label={t("growth.settings.yearlyTarget")} name="yearlyTarget" inputMode="numeric" required defaultValue={v.yearlyTarget ?? String(plan.yearlyTarget)} error={err("yearlyTarget")} hint={t("growth.settings.yearlyTargetHint")} />
      </div>
      <p className="text-xs text-slate-500">{t("growth.settings.audited")}</p>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
