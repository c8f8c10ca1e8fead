"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { approveProviderAction } from "@/features/trainings/actions";
import { TRAINING_SCOPES } from "@/domain/trainings/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxGroup } from "@/features/practitioners/components/checkbox-group";
import { useMessage } from "@/i18n/use-message";

/** The city approves a training provider for a period and scopes. */
export function ApprovalForm({ providers, today, nextYear }: { providers: { id: string; label: string }[]; today: string; nextYear: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(approveProviderAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const [scopes, setScopes] = useState<string[]>(["THEORY", "PRACTICE"]);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="approval-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("trainings.providers.organization")} name="organizationId" required defaultValue={v.organizationId ?? ""} error={err("organizationId")}>
          <option value="">{t("common.choose")}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </SelectField>
        <TextField label={t("trainings.providers.validFrom")} name="validFrom" type="date" required defaultValue={v.validFrom ?? today} error={err("validFrom")} />
        <TextField label={t("trainings.providers.validTo")} name="validTo" type="date" required defaultValue={v.validTo ?? nextYear} error={err("validTo")} />
      </div>
      <CheckboxGroup legend={t("trainings.providers.scopes")} name="scopes" options={TRAINING_SCOPES.map((s) => ({ value: s, label: t(`trainings.scopes.${s}`) }))} value={scopes} onChange={setScopes} error={err("scopes")} />
      <SubmitButton pendingLabel={t("common.saving")}>{t("trainings.providers.approve")}</SubmitButton>
    </form>
  );
}
