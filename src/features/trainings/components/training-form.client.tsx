"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { createTrainingAction, updateTrainingAction } from "@/features/trainings/actions";
import { AUDIENCE_DEPARTMENT_TYPES, AUDIENCE_ORGANIZATION_KINDS, TRAINING_KINDS, TRAINING_SCOPES } from "@/domain/trainings/enums";
import { QUALIFICATION_LEVELS } from "@/domain/practitioners/enums";
import { MAX_CAPACITY } from "@/domain/trainings/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxGroup } from "@/features/practitioners/components/checkbox-group";
import { useMessage } from "@/i18n/use-message";

export type TOption = { id: string; label: string };

/** The programme's values as the form shows them (strings; amounts in yuan, hours in hours). */
export type TTrainingFormValues = {
  id?: string;
  version?: number;
  providerId: string;
  kind: string;
  scope: string;
  title: string;
  venue: string;
  startDate: string;
  endDate: string;
  capacity: string;
  hours: string;
  cpdHours: string;
  completionPercent: string;
  audienceDepartmentTypes: string[];
  audienceRegionIds: string[];
  audienceOrganizationKinds: string[];
  audienceLevels: string[];
  cost: string;
  subsidy: string;
  budgetLineId: string;
};

type TProps = {
  values: TTrainingFormValues;
  /** The city chooses the provider; a provider's own is fixed (empty list). */
  providers: TOption[];
  lines: TOption[];
  districts: TOption[];
  /** Published: length and money are bound by the sessions and the enrolments. */
  published?: boolean;
};

/** Create or edit a programme: what, who runs it, when and where, hours, audience, money. */
export function TrainingForm({ values: initial, providers, lines, districts, published }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const editing = !!initial.id;
  const [state, action, formKey] = useFormAction(editing ? updateTrainingAction : createTrainingAction);
  const v = { ...initial, ...(state.values ?? {}) } as unknown as Record<string, string>;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  // The lists live outside the keyed form, so a refused submit keeps what was ticked.
  const [depts, setDepts] = useState(initial.audienceDepartmentTypes);
  const [regions, setRegions] = useState(initial.audienceRegionIds);
  const [kinds, setKinds] = useState(initial.audienceOrganizationKinds);
  const [levels, setLevels] = useState(initial.audienceLevels);
  const choose = <option value="">{t("common.choose")}</option>;
  return (
    <form key={formKey} action={action} className="space-y-8" noValidate data-testid="training-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("trainings.form.what")}</legend>
        <TextField label={t("trainings.fields.title")} name="title" required maxLength={200} defaultValue={v.title} error={err("title")} />
        <div className="grid gap-4 sm:grid-cols-3">
          {providers.length ? (
            <SelectField label={t("trainings.fields.provider")} name="providerId" required defaultValue={v.providerId} error={err("providerId")} disabled={editing}>
              {choose}
              {providers.map((p) => (
                <option key={p.id} value={p.id}>{p.label}</option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label={t("trainings.fields.kind")} name="kind" required defaultValue={v.kind} error={err("kind")}>
            {choose}
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>{t(`trainings.kinds.${k}`)}</option>
            ))}
          </SelectField>
          <SelectField label={t("trainings.fields.scope")} name="scope" required defaultValue={v.scope} error={err("scope")} hint={t("trainings.form.scopeHint")}>
            {choose}
            {TRAINING_SCOPES.map((k) => (
              <option key={k} value={k}>{t(`trainings.scopes.${k}`)}</option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("trainings.form.when")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("trainings.fields.startDate")} name="startDate" type="date" required defaultValue={v.startDate} error={err("startDate")} />
          <TextField label={t("trainings.fields.endDate")} name="endDate" type="date" required defaultValue={v.endDate} error={err("endDate")} />
          <TextField label={t("trainings.fields.capacity")} name="capacity" inputMode="numeric" required defaultValue={v.capacity} error={err("capacity")} hint={t("trainings.form.capacityHint", { max: MAX_CAPACITY })} />
        </div>
        <TextField label={t("trainings.fields.venue")} name="venue" required maxLength={200} defaultValue={v.venue} error={err("venue")} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("trainings.fields.hours")} name="hours" inputMode="decimal" required defaultValue={v.hours} error={err("hours")} hint={published ? t("trainings.form.hoursPublishedHint") : t("trainings.form.hoursHint")} />
          <TextField label={t("trainings.fields.cpdHours")} name="cpdHours" inputMode="decimal" required defaultValue={v.cpdHours} error={err("cpdHours")} hint={t("trainings.form.cpdHoursHint")} />
          <TextField label={t("trainings.fields.completionPercent")} name="completionPercent" inputMode="numeric" required defaultValue={v.completionPercent} error={err("completionPercent")} hint={t("trainings.form.completionHint")} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("trainings.form.audience")}</legend>
        <p className="text-sm text-slate-600">{t("trainings.form.audienceHint")}</p>
        <CheckboxGroup legend={t("trainings.fields.audienceDepartmentTypes")} name="audienceDepartmentTypes" options={AUDIENCE_DEPARTMENT_TYPES.map((d) => ({ value: d, label: t(`departmentTypes.${d}`) }))} value={depts} onChange={setDepts} error={err("audienceDepartmentTypes")} />
        <CheckboxGroup legend={t("trainings.fields.audienceRegionIds")} name="audienceRegionIds" options={districts.map((d) => ({ value: d.id, label: d.label }))} value={regions} onChange={setRegions} error={err("audienceRegionIds")} />
        <CheckboxGroup legend={t("trainings.fields.audienceOrganizationKinds")} name="audienceOrganizationKinds" options={AUDIENCE_ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} value={kinds} onChange={setKinds} error={err("audienceOrganizationKinds")} />
        <CheckboxGroup legend={t("trainings.fields.audienceLevels")} name="audienceLevels" options={QUALIFICATION_LEVELS.map((l) => ({ value: l, label: t(`enums.qualificationLevel.${l}`) }))} value={levels} onChange={setLevels} error={err("audienceLevels")} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("trainings.form.money")}</legend>
        <p className="text-sm text-slate-600">{published ? t("trainings.form.moneyPublishedHint") : t("trainings.form.moneyHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("trainings.fields.cost")} name="cost" inputMode="decimal" defaultValue={v.cost} error={err("cost")} hint={t("trainings.form.yuanHint")} />
          <TextField label={t("trainings.fields.subsidy")} name="subsidy" inputMode="decimal" defaultValue={v.subsidy} error={err("subsidy")} hint={t("trainings.form.yuanHint")} />
          <SelectField label={t("trainings.fields.budgetLine")} name="budgetLineId" defaultValue={v.budgetLineId} error={err("budgetLineId")}>
            <option value="">{t("trainings.form.noLine")}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>{l.label}</option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <SubmitButton pendingLabel={t("common.saving")}>{editing ? t("trainings.form.save") : t("trainings.form.create")}</SubmitButton>
    </form>
  );
}
