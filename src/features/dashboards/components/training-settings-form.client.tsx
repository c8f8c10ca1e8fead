"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { updateTrainingSettingsAction } from "@/features/dashboards/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { TRAINING_SETTING_BOUNDS, type TTrainingNumberSetting, type TTrainingSettings } from "@/domain/plan/training-settings";
import { SUPERVISOR_LEVELS } from "@/domain/supervision/rules";

const GROUPS: { key: "civilServants" | "training" | "supervision"; numbers: TTrainingNumberSetting[] }[] = [
  { key: "civilServants", numbers: ["civilServantDeadlineYears", "civilServantDueDays"] },
  { key: "training", numbers: ["trainingCompletionPercent", "rotationCoverageYears"] },
  { key: "supervision", numbers: ["supervisorMinYears", "supervisorMaxSupervisees", "supervisionConfirmDays"] },
];

/** The city's training and supervision rules (nine settings), editable by the city administrator. */
export function TrainingSettingsForm({ settings }: { settings: TTrainingSettings & { version: number } }) {
  const t = useTranslations();
  const ts = useTranslations("trainingSettings");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(updateTrainingSettingsAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const includes = state.values ? v.civilServantDeadlineIncludesPublicInstitutions === "on" : settings.civilServantDeadlineIncludesPublicInstitutions;
  const number = (k: TTrainingNumberSetting) => (
    <TextField
      key={k}
      id={`ts-${k}`}
      label={ts(`fields.${k}`)}
      name={k}
      inputMode="numeric"
      required
      defaultValue={v[k] ?? String(settings[k])}
      error={err(k)}
      hint={ts("range", { min: TRAINING_SETTING_BOUNDS[k][0], max: TRAINING_SETTING_BOUNDS[k][1], hint: ts(`hints.${k}`) })}
    />
  );
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate data-testid="training-settings-form">
      {state.ok && state.message ? <Notice tone="success">{t(`notices.${state.message}`)}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="version" value={settings.version} />
      {GROUPS.map((g) => (
        <fieldset key={g.key} className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">{ts(`groups.${g.key}`)}</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {g.key === "supervision" ? (
              <SelectField id="ts-supervisorMinLevel" label={ts("fields.supervisorMinLevel")} name="supervisorMinLevel" required defaultValue={v.supervisorMinLevel ?? settings.supervisorMinLevel} error={err("supervisorMinLevel")} hint={ts("hints.supervisorMinLevel")}>
                {SUPERVISOR_LEVELS.map((l) => (
                  <option key={l} value={l}>{t(`enums.qualificationLevel.${l}`)}</option>
                ))}
              </SelectField>
            ) : null}
            {g.numbers.map(number)}
          </div>
          {g.key === "civilServants" ? (
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name="civilServantDeadlineIncludesPublicInstitutions" defaultChecked={includes} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
              <span>
                {ts("fields.civilServantDeadlineIncludesPublicInstitutions")}
                <span className="block text-xs text-slate-500">{ts("hints.civilServantDeadlineIncludesPublicInstitutions")}</span>
              </span>
            </label>
          ) : null}
        </fieldset>
      ))}
      <p className="text-xs text-slate-500">{ts("note")}</p>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
