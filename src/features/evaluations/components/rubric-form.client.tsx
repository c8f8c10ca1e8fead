"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { createRubricVersionAction } from "@/features/evaluations/actions";
import { TextField, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TCriterion = { name: string; weight: string; descriptor: string };
const FIELDS = ["name", "weight", "descriptor"] as const;

/** The rows echoed back after a refusal, else the version the form starts from. */
function initialRows(values: Record<string, string>, from: TCriterion[]): TCriterion[] {
  const n = Math.max(0, ...Object.keys(values).map((k) => Number(/^criteria\.(\d+)\./.exec(k)?.[1] ?? -1) + 1));
  if (n > 0) return Array.from({ length: n }, (_, i) => Object.fromEntries(FIELDS.map((f) => [f, values[`criteria.${i}.${f}`] ?? ""])) as TCriterion);
  return from.length ? from : [{ name: "", weight: "", descriptor: "" }];
}

/** A new version of a kind's rubric: its name and criteria, whose weights add up to 100 %. */
export function RubricForm({ kind, basedOn, name, criteria }: { kind: string; basedOn: number; name: string; criteria: TCriterion[] }) {
  const t = useTranslations("evaluations.rubrics");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(createRubricVersionAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const [rows, setRows] = useState(() => initialRows(v, criteria).map((r, i) => ({ key: i, ...r })));
  const [nextKey, setNextKey] = useState(rows.length);
  const sum = rows.reduce((s, r) => s + (/^\d{1,3}$/.test(r.weight.trim()) ? Number(r.weight) : 0), 0);
  const setRow = (key: number, field: keyof TCriterion, text: string) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: text } : r)));
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="rubric-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="basedOn" value={basedOn} />
      <TextField label={t("name")} name="name" required maxLength={200} defaultValue={v.name ?? name} error={err("name")} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("criteria")}</legend>
        {err("criteria") ? <p id="criteria" tabIndex={-1} className="text-sm text-red-700">{err("criteria")}</p> : null}
        <ol className="space-y-3">
          {rows.map((r, i) => (
            <li key={r.key} aria-label={t("criterionN", { n: i + 1 })} className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="rubric-criterion">
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-medium text-slate-800">{t("criterionN", { n: i + 1 })}</span>
                {rows.length > 1 ? (
                  <Button variant="ghost" size="sm" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    {t("removeCriterion", { n: i + 1 })}
                  </Button>
                ) : null}
              </div>
              <div className="grid gap-3 sm:grid-cols-4">
                <div className="sm:col-span-3">
                  <TextField id={`c-${r.key}-name`} label={t("criterionName")} name={`criteria.${i}.name`} required maxLength={200} value={r.name} onChange={(e) => setRow(r.key, "name", e.target.value)} error={err(`criteria.${i}.name`)} />
                </div>
                <TextField id={`c-${r.key}-weight`} label={t("weight")} name={`criteria.${i}.weight`} required inputMode="numeric" value={r.weight} onChange={(e) => setRow(r.key, "weight", e.target.value)} error={err(`criteria.${i}.weight`)} />
                <div className="space-y-1.5 sm:col-span-4">
                  <label htmlFor={`c-${r.key}-descriptor`} className="block text-sm font-medium text-slate-700">
                    {t("descriptor")}
                    <span className="ml-0.5 text-red-700" aria-hidden>*</span>
                  </label>
                  <textarea
                    id={`c-${r.key}-descriptor`}
                    name={`criteria.${i}.descriptor`}
                    rows={2}
                    maxLength={2000}
                    value={r.descriptor}
                    onChange={(e) => setRow(r.key, "descriptor", e.target.value)}
                    aria-invalid={!!err(`criteria.${i}.descriptor`) || undefined}
                    aria-describedby={err(`criteria.${i}.descriptor`) ? `c-${r.key}-descriptor-error` : undefined}
                    className={`${inputClass(!!err(`criteria.${i}.descriptor`))} h-auto py-2`}
                  />
                  {err(`criteria.${i}.descriptor`) ? <p id={`c-${r.key}-descriptor-error`} className="text-sm text-red-700">{err(`criteria.${i}.descriptor`)}</p> : null}
                </div>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setRows((rs) => [...rs, { key: nextKey, name: "", weight: "", descriptor: "" }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t("addCriterion")}
          </Button>
          <p className={sum === 100 ? "text-sm text-slate-600" : "text-sm font-medium text-amber-800"} aria-live="polite" data-testid="weights-total">
            {t("weightsTotal", { sum })}
          </p>
        </div>
      </fieldset>
      <SubmitButton pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
