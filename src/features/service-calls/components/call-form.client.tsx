"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCallAction, updateCallAction } from "@/features/service-calls/actions";
import { SERVICE_PROJECT_TYPES } from "@/domain/service-calls/enums";
import { MAX_CRITERIA } from "@/domain/service-calls/schemas";
import { PRACTICE_FIELDS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { AGENCY_RATING_LEVELS } from "@/domain/agencies/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxGroup } from "@/features/practitioners/components/checkbox-group";
import { useMessage } from "@/i18n/use-message";

export type TOption = { id: string; label: string };

/** Element ids of a list's rows for the error summary ("criteria.1.weight" → "criterionWeight-1"); the list itself → its first field. */
export function rowIds(rows: number, fields: Record<string, string>, list: string, first: string): Record<string, string> {
  const out: Record<string, string> = { [list]: first };
  for (let i = 0; i < rows; i++) for (const [key, id] of Object.entries(fields)) out[`${list}.${i}.${key}`] = `${id}-${i}`;
  return out;
}
export type TCriterionValues = { name: string; weight: string; maxScore: string };

export type TCallFormValues = {
  id?: string;
  version?: number;
  title: string;
  description: string;
  type: string;
  practiceField: string;
  targetGroups: string[];
  departmentId: string;
  regionId: string;
  budget: string;
  budgetLineId: string;
  termStart: string;
  termEnd: string;
  minQualifiedStaff: string;
  minQualifiedPercent: string;
  minRating: string;
  deadline: string;
  criteria: TCriterionValues[];
};

type TProps = {
  values: TCallFormValues;
  /** The city chooses the department (empty list: a department officer's own, named in `ownDepartment`). */
  departments: TOption[];
  ownDepartment?: string;
  districts: TOption[];
  lines: TOption[];
};

const textareaClass = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** Create or edit a draft call: the project, who commissions it and where, budget, staffing, weighted criteria. */
export function CallForm({ values: initial, departments, ownDepartment, districts, lines }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const editing = !!initial.id;
  const [state, action, formKey] = useFormAction(editing ? updateCallAction : createCallAction);
  const v = { ...initial, ...(state.values ?? {}) } as unknown as Record<string, string>;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  // Lists live outside the keyed form, so a refused submit keeps them.
  const [groups, setGroups] = useState(initial.targetGroups);
  const [criteria, setCriteria] = useState<TCriterionValues[]>(initial.criteria.length ? initial.criteria : [{ name: "", weight: "", maxScore: "100" }]);
  const total = criteria.reduce((n, c) => n + (/^\d+$/.test(c.weight) ? Number(c.weight) : 0), 0);
  const setRow = (i: number, patch: Partial<TCriterionValues>) => setCriteria((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const choose = <option value="">{t("common.choose")}</option>;
  const f = (k: string) => t(`serviceCalls.fields.${k}` as "serviceCalls.fields.title");
  return (
    <form key={formKey} action={action} className="space-y-8" noValidate data-testid="call-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} ids={rowIds(criteria.length, { name: "criterionName", weight: "criterionWeight", maxScore: "criterionMax" }, "criteria", "criterionName-0")} />
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.form.what")}</legend>
        <TextField label={f("title")} name="title" required maxLength={200} defaultValue={v.title} error={err("title")} />
        <div>
          <label htmlFor="description" className="mb-1 block text-sm font-medium text-slate-700">{f("description")}</label>
          <textarea id="description" name="description" rows={5} maxLength={4000} required defaultValue={v.description} aria-invalid={!!err("description")} aria-describedby={err("description") ? "description-error" : undefined} className={textareaClass} />
          {err("description") ? <p id="description-error" className="mt-1 text-sm text-red-700">{err("description")}</p> : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={f("type")} name="type" required defaultValue={v.type} error={err("type")}>
            {choose}
            {SERVICE_PROJECT_TYPES.map((k) => (
              <option key={k} value={k}>{t(`serviceCalls.types.${k}`)}</option>
            ))}
          </SelectField>
          <SelectField label={f("practiceField")} name="practiceField" required defaultValue={v.practiceField} error={err("practiceField")}>
            {choose}
            {PRACTICE_FIELDS.map((k) => (
              <option key={k} value={k}>{t(`enums.practiceField.${k}`)}</option>
            ))}
          </SelectField>
        </div>
        <CheckboxGroup legend={f("targetGroups")} name="targetGroups" options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`enums.targetGroup.${g}`) }))} value={groups} onChange={setGroups} error={err("targetGroups")} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.form.where")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {departments.length ? (
            <SelectField label={f("department")} name="departmentId" defaultValue={v.departmentId} error={err("departmentId")}>
              <option value="">{t("serviceCalls.form.cityItself")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>{d.label}</option>
              ))}
            </SelectField>
          ) : (
            <p className="self-end pb-2 text-sm text-slate-700">{t("serviceCalls.form.departmentFixed", { name: ownDepartment ?? "" })}</p>
          )}
          <SelectField label={f("region")} name="regionId" required defaultValue={v.regionId} error={err("regionId")}>
            {choose}
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{d.label}</option>
            ))}
          </SelectField>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={f("termStart")} name="termStart" type="date" required defaultValue={v.termStart} error={err("termStart")} />
          <TextField label={f("termEnd")} name="termEnd" type="date" required defaultValue={v.termEnd} error={err("termEnd")} />
          <TextField label={f("deadline")} name="deadline" type="datetime-local" required defaultValue={v.deadline} error={err("deadline")} hint={t("serviceCalls.form.deadlineHint")} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.form.money")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={f("budget")} name="budget" inputMode="decimal" required defaultValue={v.budget} error={err("budget")} hint={t("serviceCalls.form.yuanHint")} />
          <SelectField label={f("budgetLine")} name="budgetLineId" defaultValue={v.budgetLineId} error={err("budgetLineId")}>
            <option value="">{t("serviceCalls.form.noLine")}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>{l.label}</option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.form.staffing")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={f("minQualifiedStaff")} name="minQualifiedStaff" inputMode="numeric" required defaultValue={v.minQualifiedStaff} error={err("minQualifiedStaff")} />
          <TextField label={f("minQualifiedPercent")} name="minQualifiedPercent" inputMode="numeric" required defaultValue={v.minQualifiedPercent} error={err("minQualifiedPercent")} />
          <SelectField label={f("minRating")} name="minRating" defaultValue={v.minRating} error={err("minRating")}>
            <option value="">{t("serviceCalls.form.noMinRating")}</option>
            {AGENCY_RATING_LEVELS.map((r) => (
              <option key={r} value={r}>{t(`enums.agencyRatingLevel.${r}`)}</option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="space-y-3" data-testid="criteria">
        <legend className="text-base font-semibold text-slate-900">{f("criteria")}</legend>
        <p className="text-sm text-slate-600">{t("serviceCalls.form.criteriaHint")}</p>
        {criteria.map((c, i) => (
          <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_8rem_8rem_auto]">
            <TextField label={t("serviceCalls.form.criterionName", { n: i + 1 })} name="criterionName" id={`criterionName-${i}`} maxLength={100} value={c.name} onChange={(e) => setRow(i, { name: e.target.value })} error={err(`criteria.${i}.name`)} />
            <TextField label={t("serviceCalls.form.criterionWeight")} name="criterionWeight" id={`criterionWeight-${i}`} inputMode="numeric" value={c.weight} onChange={(e) => setRow(i, { weight: e.target.value })} error={err(`criteria.${i}.weight`)} />
            <TextField label={t("serviceCalls.form.criterionMax")} name="criterionMax" id={`criterionMax-${i}`} inputMode="numeric" value={c.maxScore} onChange={(e) => setRow(i, { maxScore: e.target.value })} error={err(`criteria.${i}.maxScore`)} />
            <Button type="button" variant="ghost" size="sm" disabled={criteria.length === 1} onClick={() => setCriteria((rows) => rows.filter((_, j) => j !== i))} aria-label={t("serviceCalls.form.removeCriterion", { n: i + 1 })}>
              ✕
            </Button>
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="button" variant="secondary" size="sm" disabled={criteria.length >= MAX_CRITERIA} onClick={() => setCriteria((rows) => [...rows, { name: "", weight: "", maxScore: "100" }])}>
            {t("serviceCalls.form.addCriterion")}
          </Button>
          <p className={total === 100 ? "text-sm text-green-800" : "text-sm text-amber-800"} data-testid="weights-total" aria-live="polite">
            {t("serviceCalls.form.weightsTotal", { total })}
          </p>
        </div>
        {err("criteria") ? <p className="text-sm text-red-700" id="criteria-error">{err("criteria")}</p> : null}
      </fieldset>

      <SubmitButton pendingLabel={t("common.saving")}>{editing ? t("serviceCalls.form.save") : t("serviceCalls.form.create")}</SubmitButton>
    </form>
  );
}
