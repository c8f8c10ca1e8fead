"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { logSessionAction } from "@/features/supervision/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { TOPIC_MAX } from "@/domain/supervision/rules";

/** A supervisor logs a session with one of their supervisees; the supervisee then confirms it. */
export function LogSessionForm({ pairs, today, maxPerDay }: { pairs: { id: string; label: string }[]; today: string; maxPerDay: number }) {
  const t = useTranslations();
  const tl = useTranslations("supervision.log");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(logSessionAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation", { perDay: maxPerDay }) : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="log-session-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={tl("supervisee")} name="supervisionId" required defaultValue={v.supervisionId ?? (pairs.length === 1 ? pairs[0]!.id : "")} error={err("supervisionId")}>
          <option value="">{t("common.choose")}</option>
          {pairs.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </SelectField>
        <TextField label={tl("date")} name="date" type="date" required max={today} defaultValue={v.date ?? today} error={err("date")} hint={tl("dateHint")} />
        <TextField label={tl("hours")} name="hours" inputMode="decimal" required defaultValue={v.hours ?? ""} error={err("hours")} hint={tl("hoursHint", { max: maxPerDay })} />
        <div className="sm:col-span-3">
          <TextField label={tl("topic")} name="topic" required maxLength={TOPIC_MAX} defaultValue={v.topic ?? ""} error={err("topic")} hint={tl("topicHint", { max: TOPIC_MAX })} />
        </div>
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{tl("submit")}</SubmitButton>
    </form>
  );
}
