"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addRatingAction } from "@/features/agencies/actions";
import { AGENCY_RATING_LEVELS } from "@/domain/agencies/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { Notice } from "@/components/ui/card";

/** Records a rating (1A–5A) with its date; the agency's current rating is the latest by date. */
export function RatingForm({ organizationId, today }: { organizationId: string; today: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const tr = useTranslations("agencies.ratings");
  const [state, action, formKey] = useFormAction(addRatingAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  return (
    <form key={formKey} action={action} className="max-w-2xl space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <p className="text-sm text-slate-600">{tr("hint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={tr("fields.rating")} name="rating" required defaultValue={v.rating ?? ""} error={err("rating")}>
          <option value="">{t("common.choose")}</option>
          {AGENCY_RATING_LEVELS.map((r) => (
            <option key={r} value={r}>{t(`enums.agencyRatingLevel.${r}`)}</option>
          ))}
        </SelectField>
        <TextField label={tr("fields.ratedOn")} name="ratedOn" type="date" required max={today} defaultValue={v.ratedOn ?? today} error={err("ratedOn")} />
        <div className="sm:col-span-2">
          <TextField label={tr("fields.source")} name="source" maxLength={200} defaultValue={v.source ?? ""} error={err("source")} hint={tr("hints.source")} />
        </div>
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{tr("add")}</SubmitButton>
    </form>
  );
}
