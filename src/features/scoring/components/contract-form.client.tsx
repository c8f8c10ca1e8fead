"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { createContractAction } from "@/features/scoring/actions";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { formatFen, parseYuan } from "@/lib/money";

type TDefaults = { value: string; termStart: string; termEnd: string; budget: string };

const FIELDS = ["title", "deliverable", "dueDate", "amount"] as const;

/** Rows echoed back after a refusal (their count), else one empty row. */
function rowsOf(values: Record<string, string>): number[] {
  const n = Math.max(0, ...Object.keys(values).map((k) => Number(/^milestones\.(\d+)\./.exec(k)?.[1] ?? -1) + 1));
  return Array.from({ length: Math.max(1, n) }, (_, i) => i);
}

/** The contract of the selected proposal: value, term, and milestones that add up to the value exactly. */
export function ContractForm({ callId, defaults }: { callId: string; defaults: TDefaults }) {
  const t = useTranslations("scoring.contract");
  const tc = useTranslations("common");
  const locale = useLocale();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(createContractAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const [rows, setRows] = useState<{ key: number; values: Record<string, string> }[]>(() => rowsOf(v).map((i) => ({ key: i, values: Object.fromEntries(FIELDS.map((f) => [f, v[`milestones.${i}.${f}`] ?? ""])) })));
  const [value, setValue] = useState(v.value ?? defaults.value);
  const [nextKey, setNextKey] = useState(rows.length);
  const sum = rows.reduce((s, r) => s + (parseYuan(r.values.amount ?? "") ?? 0n), 0n);
  const valueFen = parseYuan(value) ?? 0n;
  const setRow = (key: number, field: string, text: string) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, values: { ...r.values, [field]: text } } : r)));
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="contract-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="callId" value={callId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("value")} name="value" required inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={err("value")} hint={t("valueHint", { budget: defaults.budget })} />
        <TextField label={t("termStart")} name="termStart" type="date" required defaultValue={v.termStart ?? defaults.termStart} error={err("termStart")} />
        <TextField label={t("termEnd")} name="termEnd" type="date" required defaultValue={v.termEnd ?? defaults.termEnd} error={err("termEnd")} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("milestones")}</legend>
        {err("milestones") ? <p id="milestones" tabIndex={-1} className="text-sm text-red-700">{err("milestones")}</p> : null}
        <ol className="space-y-3">
          {rows.map((r, i) => (
            <li key={r.key} aria-label={t("milestone", { number: i + 1 })} className="rounded-md border border-slate-200 bg-slate-50 p-3">
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-medium text-slate-800">{t("milestone", { number: i + 1 })}</span>
                {rows.length > 1 ? (
                  <Button variant="ghost" size="sm" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    {t("removeMilestone", { number: i + 1 })}
                  </Button>
                ) : null}
              </div>
              <div className="grid gap-3 sm:grid-cols-4">
                <TextField id={`m-${r.key}-title`} label={t("mTitle")} name={`milestones.${i}.title`} required maxLength={200} value={r.values.title ?? ""} onChange={(e) => setRow(r.key, "title", e.target.value)} error={err(`milestones.${i}.title`)} />
                <TextField id={`m-${r.key}-deliverable`} label={t("mDeliverable")} name={`milestones.${i}.deliverable`} required maxLength={1000} value={r.values.deliverable ?? ""} onChange={(e) => setRow(r.key, "deliverable", e.target.value)} error={err(`milestones.${i}.deliverable`)} />
                <TextField id={`m-${r.key}-dueDate`} label={t("mDue")} name={`milestones.${i}.dueDate`} type="date" required value={r.values.dueDate ?? ""} onChange={(e) => setRow(r.key, "dueDate", e.target.value)} error={err(`milestones.${i}.dueDate`)} />
                <TextField id={`m-${r.key}-amount`} label={t("mAmount")} name={`milestones.${i}.amount`} required inputMode="decimal" value={r.values.amount ?? ""} onChange={(e) => setRow(r.key, "amount", e.target.value)} error={err(`milestones.${i}.amount`)} />
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setRows((rs) => [...rs, { key: nextKey, values: {} }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t("addMilestone")}
          </Button>
          <p className={sum === valueFen ? "text-sm text-slate-600" : "text-sm font-medium text-amber-800"} aria-live="polite" data-testid="milestone-sum">
            {t("sum", { sum: formatFen(sum, locale), value: formatFen(valueFen, locale) })}
          </p>
        </div>
      </fieldset>
      <SubmitButton pendingLabel={tc("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
