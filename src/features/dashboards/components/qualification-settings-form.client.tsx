"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { updateQualificationSettingsAction } from "@/features/dashboards/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import type { TQualificationSettings } from "@/domain/registrations/rules";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

const NUMBERS = ["registrationYears", "registrationDueDays", "cpdHoursAssistant", "cpdHoursSocialWorker", "cpdDegreeHours", "cpdMaxHoursPerDay"] as const;

/** The city's registration and continuing-education rules, editable by the city administrator. */
export function QualificationSettingsForm({ settings }: { settings: TQualificationSettings & { version: number } }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(updateQualificationSettingsAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const g1b = state.values ? v.seniorCertificateIsG1b === "on" : settings.seniorCertificateIsG1b;
  // The certificate levels by their names in the reader's language (enums.credentialKind).
  const level = { level: t("enums.credentialKind.ASSISTANT_SOCIAL_WORKER") };
  const senior = t("enums.credentialKind.SENIOR_SOCIAL_WORKER");
  const label = (k: (typeof NUMBERS)[number]) =>
    k === "cpdHoursAssistant"
      ? t("growth.qualificationSettings.cpdHoursAssistant", level)
      : k === "cpdHoursSocialWorker"
        ? t("growth.qualificationSettings.cpdHoursSocialWorker", { level: t("enums.credentialKind.SOCIAL_WORKER"), senior })
        : t(`growth.qualificationSettings.${k}`);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="qualification-settings-form">
      {state.ok && state.message ? <Notice tone="success">{t(`notices.${state.message}`)}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="version" value={settings.version} />
      <div className="grid gap-4 sm:grid-cols-3">
        {NUMBERS.map((k) => (
          <TextField key={k} label={label(k)} name={k} inputMode="numeric" required defaultValue={v[k] ?? String(settings[k])} error={err(k)} />
        ))}
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="seniorCertificateIsG1b" defaultChecked={g1b} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        <span>
          {t("growth.qualificationSettings.seniorCertificateIsG1b", { senior })}
          <span className="block text-xs text-slate-500">{t("growth.qualificationSettings.seniorCertificateIsG1bHint")}</span>
        </span>
      </label>
      <p className="text-xs text-slate-500">{t("growth.qualificationSettings.note")}</p>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
