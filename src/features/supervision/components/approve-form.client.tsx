"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { approveSupervisorAction } from "@/features/supervision/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge, Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export type TApproveOption = { id: string; label: string; detail: string; note: string; approved: boolean; badge: string };

/** The city approves one of the practitioners found by the search above as a supervisor, saying on what grounds. */
export function ApproveForm({ options }: { options: TApproveOption[] }) {
  const t = useTranslations();
  const ta = useTranslations("supervision.approve");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(approveSupervisorAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const pickError = err("practitionerId");
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="approve-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <fieldset aria-describedby={pickError ? "practitionerId-error" : undefined} aria-invalid={!!pickError || undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {ta("pick")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        <ul className={cn("divide-y divide-slate-100 rounded-md border bg-white", pickError ? "border-red-600" : "border-slate-200")}>
          {options.map((c) => (
            <li key={c.id}>
              <label className="flex cursor-pointer items-start gap-3 px-4 py-2.5 hover:bg-slate-50">
                <input id={`practitionerId-${c.id}`} type="radio" name="practitionerId" value={c.id} defaultChecked={v.practitionerId === c.id} className="mt-1 h-4 w-4 accent-brand-700" />
                <span className="min-w-0">
                  <span className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    {c.label}
                    <Badge tone={c.approved ? "blue" : "slate"}>{c.badge}</Badge>
                  </span>
                  <span className="block text-xs text-slate-600">{c.detail}</span>
                  <span className="block text-xs text-slate-600">{c.note}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {pickError ? <p id="practitionerId-error" className="mt-1.5 text-sm text-red-700">{pickError}</p> : null}
      </fieldset>
      <TextField label={ta("note")} name="note" required maxLength={500} defaultValue={v.note ?? ""} error={err("note")} hint={ta("noteHint")} />
      <SubmitButton pendingLabel={t("common.saving")}>{ta("submit")}</SubmitButton>
    </form>
  );
}
