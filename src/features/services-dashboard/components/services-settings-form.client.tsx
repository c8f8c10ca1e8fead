"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateServicesSettingsAction } from "@/features/services-dashboard/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { fenToYuanInput, formatFen } from "@/lib/money";
import { DISBURSEMENT_APPROVAL_BOUNDS_FEN, SERVICES_SETTING_BOUNDS, type TServicesNumberSetting, type TServicesSettings } from "@/domain/plan/services-settings";

type TGroup = { key: "bands" | "ratings" | "windows" | "spotChecks" | "services"; numbers: TServicesNumberSetting[]; cols: string; after?: "belowPass" | "below1A" };

const GROUPS: TGroup[] = [
  { key: "bands", numbers: ["gradeExcellentMin", "gradeGoodMin", "gradePassMin"], cols: "sm:grid-cols-3", after: "belowPass" },
  { key: "ratings", numbers: ["rating5AMin", "rating4AMin", "rating3AMin", "rating2AMin", "ratingValidityYears"], cols: "sm:grid-cols-2 lg:grid-cols-4", after: "below1A" },
  { key: "windows", numbers: ["appealWorkingDays", "evaluationMinScorers", "recusalYears"], cols: "sm:grid-cols-3" },
  { key: "spotChecks", numbers: ["spotCheckPercent"], cols: "sm:grid-cols-3" },
  { key: "services", numbers: ["failedEvaluationBarDays"], cols: "sm:grid-cols-3" },
];

/** The city's evaluation and purchased-services settings (fourteen), editable by the city administrator. */
export function ServicesSettingsForm({ settings }: { settings: TServicesSettings & { version: number } }) {
  const t = useTranslations();
  const ts = useTranslations("servicesSettings");
  const locale = useLocale();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(updateServicesSettingsAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const number = (k: TServicesNumberSetting) => (
    <TextField
      key={k}
      id={`ss-${k}`}
      label={ts(`fields.${k}`)}
      name={k}
      inputMode="numeric"
      required
      defaultValue={v[k] ?? String(settings[k])}
      error={err(k)}
      hint={ts("range", { min: SERVICES_SETTING_BOUNDS[k][0], max: SERVICES_SETTING_BOUNDS[k][1], hint: ts(`hints.${k}`) })}
    />
  );
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate data-testid="services-settings-form">
      {state.ok && state.message ? <Notice tone="success">{t(`notices.${state.message}`)}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="version" value={settings.version} />
      {GROUPS.map((g) => (
        <fieldset key={g.key} className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">{ts(`groups.${g.key}`)}</legend>
          <div className={`grid gap-4 ${g.cols}`}>
            {g.numbers.map(number)}
            {g.key === "services" ? (
              <TextField
                id="ss-disbursementApprovalYuan"
                label={ts("fields.disbursementApprovalYuan")}
                name="disbursementApprovalYuan"
                inputMode="decimal"
                required
                defaultValue={v.disbursementApprovalYuan ?? fenToYuanInput(settings.disbursementApprovalFen)}
                error={err("disbursementApprovalYuan")}
                hint={ts("amountRange", { min: formatFen(DISBURSEMENT_APPROVAL_BOUNDS_FEN[0], locale), max: formatFen(DISBURSEMENT_APPROVAL_BOUNDS_FEN[1], locale), hint: ts("hints.disbursementApprovalYuan") })}
              />
            ) : null}
          </div>
          {g.after ? <p className="text-xs text-slate-500">{ts(g.after)}</p> : null}
        </fieldset>
      ))}
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
