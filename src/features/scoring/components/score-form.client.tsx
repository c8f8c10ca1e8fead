"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { scoreProposalAction } from "@/features/scoring/actions";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TCriterion = { id: string; name: string; maxScore: number };

/** One scorer's scores of one proposal: a whole number from 0 to each criterion's maximum. */
export function ScoreForm({ callId, proposalId, criteria, scores }: { callId: string; proposalId: string; criteria: TCriterion[]; scores: Record<string, number> }) {
  const t = useTranslations("scoring.score");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(scoreProposalAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate data-testid={`score-form-${proposalId}`}>
      {state.ok ? <Notice tone="success">{t("saved")}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {criteria.map((c) => {
          const name = `score.${c.id}`;
          const id = `score-${proposalId}-${c.id}`;
          const problem = err(name);
          return (
            <div key={c.id} className="space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">{t("scoreLabel", { name: c.name, max: c.maxScore })}</label>
              <input
                id={id}
                name={name}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={v[name] ?? (scores[c.id] !== undefined ? String(scores[c.id]) : "")}
                aria-invalid={!!problem || undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                className={inputClass(!!problem)}
              />
              {problem ? <p id={`${id}-error`} className="text-sm text-red-700">{problem}</p> : null}
            </div>
          );
        })}
      </div>
      <SubmitButton pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
