"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { assignEvaluationAction } from "@/features/evaluations/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { EVALUATION_KINDS, type TEvaluationKind } from "@/domain/evaluations/enums";
import { TALENT_TRACKS } from "@/domain/practitioners/enums";

type TOption = { id: string; label: string };
type TBody = { id: string; label: string; evaluators: { id: string; name: string; email: string }[] };

/** The city's assignment: kind, what is evaluated, the body, the panel (the body's evaluators) and the due date. */
export function AssignForm({ bodies, contracts, agencies, rubrics, minScorers, defaults }: { bodies: TBody[]; contracts: TOption[]; agencies: TOption[]; rubrics: Partial<Record<TEvaluationKind, { name: string; version: number }>>; minScorers: number; defaults: { year: string; dueDate: string } }) {
  const t = useTranslations("evaluations");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(assignEvaluationAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const [kind, setKind] = useState<string>(v.kind ?? "");
  const [bodyId, setBodyId] = useState<string>(v.bodyId ?? (bodies.length === 1 ? bodies[0]!.id : ""));
  const body = bodies.find((b) => b.id === bodyId);
  const rubric = kind ? rubrics[kind as TEvaluationKind] : undefined;
  const project = kind === "PROJECT_MIDTERM" || kind === "PROJECT_FINAL";
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="assign-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <SelectField label={t("assign.kind")} name="kind" required value={kind} onChange={(e) => setKind(e.target.value)} error={err("kind")}>
            <option value="">{tc("choose")}</option>
            {EVALUATION_KINDS.map((k) => (
              <option key={k} value={k}>{te(`evaluationKind.${k}`)}</option>
            ))}
          </SelectField>
          {kind ? (
            <p className={rubric ? "mt-1 text-xs text-slate-500" : "mt-1 text-sm font-medium text-amber-800"} data-testid="assign-rubric">
              {rubric ? t("assign.rubric", { name: rubric.name, version: rubric.version }) : t("assign.noRubric")}
            </p>
          ) : null}
        </div>
        <SelectField label={t("assign.body")} name="bodyId" required value={bodyId} onChange={(e) => setBodyId(e.target.value)} error={err("bodyId")}>
          <option value="">{tc("choose")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>{b.label}</option>
          ))}
        </SelectField>
        {project ? (
          <SelectField label={t("assign.contract")} name="contractId" required defaultValue={v.contractId ?? ""} error={err("contractId")}>
            <option value="">{tc("choose")}</option>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </SelectField>
        ) : null}
        {kind === "AGENCY_GRADING" ? (
          <SelectField label={t("assign.agency")} name="organizationId" required defaultValue={v.organizationId ?? ""} error={err("organizationId")}>
            <option value="">{tc("choose")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>{a.label}</option>
            ))}
          </SelectField>
        ) : null}
        {kind === "PERSONAL_APPRAISAL" ? (
          <>
            <TextField label={t("assign.idNumber")} name="practitionerIdNumber" required autoComplete="off" maxLength={32} defaultValue={v.practitionerIdNumber ?? ""} error={err("practitionerIdNumber")} hint={t("assign.idNumberHint")} />
            <SelectField label={t("assign.track")} name="track" required defaultValue={v.track ?? ""} error={err("track")}>
              <option value="">{tc("choose")}</option>
              {TALENT_TRACKS.map((k) => (
                <option key={k} value={k}>{te(`talentTrack.${k}`)}</option>
              ))}
            </SelectField>
          </>
        ) : null}
        <TextField label={t("assign.year")} name="year" required inputMode="numeric" maxLength={4} defaultValue={v.year ?? defaults.year} error={err("year")} />
        <TextField label={t("assign.due")} name="dueDate" type="date" required defaultValue={v.dueDate ?? defaults.dueDate} error={err("dueDate")} />
      </div>
      <fieldset aria-describedby={err("scorerIds") ? "scorerIds-error" : "scorerIds-hint"}>
        <legend className="mb-1 text-sm font-medium text-slate-700">
          {t("assign.scorers")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        <p id="scorerIds-hint" className="mb-2 text-xs text-slate-500">{t("assign.scorersHint", { min: minScorers })}</p>
        {!body ? (
          <p className="text-sm text-slate-600">{t("assign.chooseBody")}</p>
        ) : body.evaluators.length === 0 ? (
          <p className="text-sm text-slate-600">{t("assign.noEvaluators")}</p>
        ) : (
          <ul className="grid gap-1 rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-2" id="scorerIds" tabIndex={-1}>
            {body.evaluators.map((u) => (
              <li key={u.id}>
                <label className="flex cursor-pointer items-center gap-3 rounded px-2 py-1.5 text-sm text-slate-900 hover:bg-slate-50">
                  <input type="checkbox" name="scorerIds" value={u.id} className="h-4 w-4 accent-brand-700" />
                  <span>
                    {u.name}
                    <span className="ml-1 text-xs text-slate-500">{u.email}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {err("scorerIds") ? <p id="scorerIds-error" className="mt-1 text-sm text-red-700">{err("scorerIds")}</p> : null}
      </fieldset>
      <SubmitButton pendingLabel={tc("saving")}>{t("assign.submit")}</SubmitButton>
    </form>
  );
}
