"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { recordOwnSittingAction, recordSittingAction } from "@/features/exams/actions";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export type TSittingCandidate = { id: string; label: string; detail: string };
type TOption = { value: string; label: string };

/** A group of radio buttons with a legend, its error under it. */
function Choice({ name, legend, options, chosen, error, className }: { name: string; legend: string; options: TOption[]; chosen: string | undefined; error: string | undefined; className?: string }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined} aria-invalid={!!error || undefined} className={className}>
      <legend className="mb-2 text-sm font-medium text-slate-700">
        {legend}
        <span className="ml-0.5 text-red-700" aria-hidden>*</span>
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input id={`${name}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} className="h-4 w-4 accent-brand-700" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p id={`${name}-error`} className="mt-1.5 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/**
 * Records a sitting: year, level, result; for an official also the practitioner, picked from the
 * people their search found. A practitioner records their own (no picker).
 */
export function SittingForm({ candidates, years, levels, results }: { candidates: TSittingCandidate[] | null; years: number[]; levels: TOption[]; results: TOption[] }) {
  const t = useTranslations();
  const tr = useTranslations("exams.record");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(candidates ? recordSittingAction : recordOwnSittingAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="sitting-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {candidates ? (
        <fieldset aria-describedby={err("practitionerId") ? "practitionerId-error" : undefined} aria-invalid={!!err("practitionerId") || undefined} data-testid="sitting-candidates">
          <legend className="mb-2 text-sm font-medium text-slate-700">
            {tr("pick")}
            <span className="ml-0.5 text-red-700" aria-hidden>*</span>
          </legend>
          <ul className={cn("max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border bg-white", err("practitionerId") ? "border-red-600" : "border-slate-200")}>
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-start gap-3 px-4 py-2.5 hover:bg-slate-50">
                  <input id={`practitionerId-${c.id}`} type="radio" name="practitionerId" value={c.id} defaultChecked={v.practitionerId === c.id || candidates.length === 1} className="mt-1 h-4 w-4 accent-brand-700" />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-slate-900">{c.label}</span>
                    {c.detail ? <span className="block text-xs text-slate-600">{c.detail}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {err("practitionerId") ? <p id="practitionerId-error" className="mt-1.5 text-sm text-red-700">{err("practitionerId")}</p> : null}
        </fieldset>
      ) : null}
      <div className="grid max-w-2xl gap-5 sm:grid-cols-2">
        <SelectField label={tr("year")} name="year" required defaultValue={v.year ?? ""} error={err("year")}>
          <option value="">{tr("chooseYear")}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>{y}</option>
          ))}
        </SelectField>
        <SelectField label={tr("level")} name="level" required defaultValue={v.level ?? ""} error={err("level")}>
          <option value="">{tr("chooseLevel")}</option>
          {levels.map((l) => (
            <option key={l.value} value={l.value}>{l.label}</option>
          ))}
        </SelectField>
      </div>
      <Choice name="result" legend={tr("result")} options={results} chosen={v.result} error={err("result")} />
      <SubmitButton pendingLabel={t("common.saving")}>{candidates ? tr("submit") : t("exams.mine.submit")}</SubmitButton>
    </form>
  );
}
