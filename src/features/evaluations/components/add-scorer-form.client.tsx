"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addScorerAction } from "@/features/evaluations/actions";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

/** The city adds one more evaluator of the body to the panel. */
export function AddScorerForm({ evaluationId, version, candidates }: { evaluationId: string; version: number; candidates: { id: string; name: string; email: string }[] }) {
  const t = useTranslations("evaluations.panel");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(addScorerAction);
  const problem = state.fieldErrors?.userId ? msg(state.fieldErrors.userId, "validation") : undefined;
  return (
    <form key={formKey} action={action} className="flex flex-wrap items-start gap-3" noValidate data-testid="add-scorer">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <div className="min-w-64 flex-1">
        <SelectField label={t("person")} name="userId" required defaultValue="" error={problem} hint={t("personHint")}>
          <option value="">{tc("choose")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>{`${c.name}（${c.email}）`}</option>
          ))}
        </SelectField>
      </div>
      <div className="sm:mt-7">
        <SubmitButton pendingLabel={tc("saving")}>{t("add")}</SubmitButton>
      </div>
      {state.error && state.error !== "checkFields" ? <div className="w-full"><Notice tone="error">{msg(state.error, "errors")}</Notice></div> : null}
    </form>
  );
}
