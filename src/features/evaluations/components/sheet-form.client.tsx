"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveSheetAction } from "@/features/evaluations/actions";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TCriterion = { id: string; number: number; name: string; weight: number; descriptor: string };

function IntentButtons() {
  const t = useTranslations("evaluations.sheet");
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>{t("submit")}</button>
      <button type="submit" name="intent" value="save" disabled={pending} aria-disabled={pending} className={buttonClass("secondary")}>{t("save")}</button>
    </div>
  );
}

/** The scorer's own sheet: a whole number 0–100 per criterion; saved as a draft, or submitted complete. */
export function SheetForm({ evaluationId, criteria, scores }: { evaluationId: string; criteria: TCriterion[]; scores: Record<string, number> }) {
  const t = useTranslations("evaluations.sheet");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(saveSheetAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="sheet-form">
      {state.ok ? <Notice tone="success">{t("saved")}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {criteria.map((c) => {
          const name = `score.${c.id}`;
          const id = `score-${c.id}`;
          const problem = err(name);
          return (
            <li key={c.id} className="grid gap-3 p-3 sm:grid-cols-[1fr_8rem] sm:items-start">
              <div>
                <label htmlFor={id} className="block text-sm font-medium text-slate-900">{t("scoreLabel", { number: c.number, name: c.name })}</label>
                <p className="mt-0.5 text-xs text-slate-500">{`${t("weight")} ${t("weightValue", { weight: c.weight })}`}</p>
                <p id={`${id}-desc`} className="mt-1 whitespace-pre-line text-sm text-slate-600">{c.descriptor}</p>
              </div>
              <div className="space-y-1">
                <input
                  id={id}
                  name={name}
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={v[name] ?? (scores[c.id] !== undefined ? String(scores[c.id]) : "")}
                  aria-invalid={!!problem || undefined}
                  aria-describedby={problem ? `${id}-error ${id}-desc` : `${id}-desc`}
                  className={inputClass(!!problem)}
                />
                {problem ? <p id={`${id}-error`} className="text-sm text-red-700">{problem}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <IntentButtons />
    </form>
  );
}
