"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { declareRecusalAction } from "@/features/evaluations/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { useMessage } from "@/i18n/use-message";

/** A scorer declares a conflict of interest, with what it is, and is recused. */
export function DeclareForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluations.declare");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(declareRecusalAction);
  const problem = state.fieldErrors?.note ? msg(state.fieldErrors.note, "validation") : undefined;
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate data-testid="declare-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div className="space-y-1.5">
        <label htmlFor="recusal-note" className="block text-sm font-medium text-slate-700">
          {t("note")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </label>
        <textarea
          id="recusal-note"
          name="note"
          rows={2}
          maxLength={500}
          defaultValue={state.values?.note ?? ""}
          aria-invalid={!!problem || undefined}
          aria-describedby={problem ? "recusal-note-error" : undefined}
          className={`${inputClass(!!problem)} h-auto py-2`}
        />
        {problem ? <p id="recusal-note-error" className="text-sm text-red-700">{problem}</p> : null}
      </div>
      <SubmitButton variant="secondary" pendingLabel={tc("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
