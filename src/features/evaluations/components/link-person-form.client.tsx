"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { linkPersonAction } from "@/features/evaluations/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

/** Links an evaluator's account to their own register entry by ID number (blank unlinks). */
export function LinkPersonForm({ userId }: { userId: string }) {
  const t = useTranslations("evaluations.link");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(linkPersonAction);
  const problem = state.fieldErrors?.idNumber ? msg(state.fieldErrors.idNumber, "validation") : undefined;
  return (
    <form key={formKey} action={action} className="flex flex-wrap items-start gap-3" noValidate data-testid="link-person">
      <input type="hidden" name="userId" value={userId} />
      <div className="min-w-64 flex-1">
        <TextField id="person-idNumber" label={t("idNumber")} name="idNumber" autoComplete="off" maxLength={32} defaultValue={state.values?.idNumber ?? ""} error={problem} hint={t("idNumberHint")} />
      </div>
      <div className="sm:mt-7">
        <SubmitButton pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
      </div>
      {state.ok ? <div className="w-full"><Notice tone="success">{msg("saved", "notices")}</Notice></div> : null}
      {state.error && state.error !== "checkFields" ? <div className="w-full"><Notice tone="error">{msg(state.error, "errors")}</Notice></div> : null}
    </form>
  );
}
