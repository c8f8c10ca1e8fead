"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { startSupervisionAction } from "@/features/supervision/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge, Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export type TPickOption = { id: string; label: string; detail: string; note?: string; badge?: { text: string; tone: "green" | "amber" | "red" } };

function Picker({ name, legend, options, chosen, error, testId }: { name: string; legend: string; options: TPickOption[]; chosen: string | undefined; error: string | undefined; testId: string }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined} aria-invalid={!!error || undefined} data-testid={testId}>
      <legend className="mb-2 text-sm font-medium text-slate-700">
        {legend}
        <span className="ml-0.5 text-red-700" aria-hidden>*</span>
      </legend>
      <ul className={cn("max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border bg-white", error ? "border-red-600" : "border-slate-200")}>
        {options.map((c) => (
          <li key={c.id}>
            <label className="flex cursor-pointer items-start gap-3 px-4 py-2.5 hover:bg-slate-50">
              <input id={`${name}-${c.id}`} type="radio" name={name} value={c.id} defaultChecked={chosen === c.id} className="mt-1 h-4 w-4 accent-brand-700" />
              <span className="min-w-0">
                <span className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {c.label}
                  {c.badge ? <Badge tone={c.badge.tone}>{c.badge.text}</Badge> : null}
                </span>
                {c.detail ? <span className="block text-xs text-slate-600">{c.detail}</span> : null}
                {c.note ? <span className="block text-xs text-slate-600">{c.note}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <p id={`${name}-error`} className="mt-1.5 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/** Start a pair: one supervisor and one supervisee found by the search above, and the first day. */
export function StartPairForm({ supervisors, supervisees, today, settings }: { supervisors: TPickOption[]; supervisees: TPickOption[]; today: string; settings: { level: string; years: number; cap: number } }) {
  const t = useTranslations();
  const ts = useTranslations("supervision.start");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(startSupervisionAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation", settings) : undefined);
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="start-pair-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-5 lg:grid-cols-2">
        {supervisors.length ? <Picker name="supervisorId" legend={ts("pickSupervisor")} options={supervisors} chosen={v.supervisorId} error={err("supervisorId")} testId="supervisor-picker" /> : <p className="text-sm text-slate-600">{ts("noSupervisors")}</p>}
        {supervisees.length ? <Picker name="superviseeId" legend={ts("pickSupervisee")} options={supervisees} chosen={v.superviseeId} error={err("superviseeId")} testId="supervisee-picker" /> : <p className="text-sm text-slate-600">{ts("noSupervisees")}</p>}
      </div>
      <div className="max-w-xs">
        <TextField label={ts("startDate")} name="startDate" type="date" required max={today} defaultValue={v.startDate ?? today} error={err("startDate")} hint={ts("startDateHint")} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{ts("submit")}</SubmitButton>
    </form>
  );
}
