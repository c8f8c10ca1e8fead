"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addPanelMemberAction } from "@/features/scoring/actions";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

type TCandidate = { id: string; label: string; group: string };

/** Seats one more person on the call's panel: a city administrator, a department officer or an expert. */
export function AddMemberForm({ callId, candidates }: { callId: string; candidates: TCandidate[] }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(addPanelMemberAction);
  const groups = [...new Set(candidates.map((c) => c.group))];
  const problem = state.fieldErrors?.userId ? msg(state.fieldErrors.userId, "validation") : undefined;
  return (
    <form key={formKey} action={action} className="flex flex-wrap items-start gap-3" noValidate data-testid="add-panel-member">
      <input type="hidden" name="callId" value={callId} />
      <div className="min-w-72 flex-1">
        <SelectField label={t("scoring.panel.person")} name="userId" required defaultValue="" error={problem} hint={t("scoring.panel.personHint")}>
          <option value="">{t("common.choose")}</option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {candidates.filter((c) => c.group === g).map((c) => (
                <option key={c.id} value={c.id}>{c.label}</option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      </div>
      <div className="sm:mt-7">
        <SubmitButton pendingLabel={t("common.saving")}>{t("scoring.panel.add")}</SubmitButton>
      </div>
      {state.error && state.error !== "checkFields" ? <div className="w-full"><Notice tone="error">{msg(state.error, "errors")}</Notice></div> : null}
    </form>
  );
}
