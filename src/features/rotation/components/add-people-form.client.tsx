"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addAllCivilServantsAction, addToListAction, type TAddState } from "@/features/rotation/actions";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

export type TListCandidate = { id: string; label: string };

/** A refusal (a success goes to the list again, which says how many were added). */
function Answer({ state }: { state: TAddState }) {
  const msg = useMessage();
  if (!state.error) return null;
  return <Notice tone="error">{state.fieldErrors?.practitionerIds ? msg(state.fieldErrors.practitionerIds, "validation") : msg(state.error, "errors")}</Notice>;
}

/** Tick people of the department's staff (found by the search above) and add them to its list in one step. */
export function AddPeopleForm({ departmentId, candidates }: { departmentId: string; candidates: TListCandidate[] }) {
  const t = useTranslations();
  const [state, action, formKey] = useFormAction(addToListAction) as unknown as [TAddState, (fd: FormData) => void, string];
  return (
    <form key={formKey} action={action} className="space-y-3" data-testid="rotation-add">
      <input type="hidden" name="departmentId" value={departmentId} />
      <Answer state={state} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("rotation.list.choose")}</legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {candidates.map((c) => (
            <li key={c.id} className="flex items-start gap-3 px-3 py-2">
              <input id={`add-${c.id}`} type="checkbox" name="practitionerIds" value={c.id} className="mt-0.5 h-5 w-5 rounded border-slate-300" />
              <label htmlFor={`add-${c.id}`} className="text-sm text-slate-800">{c.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("common.working")}>{t("rotation.list.addChosen")}</SubmitButton>
        <button type="reset" className={buttonClass("ghost", "sm")}>{t("rotation.list.clear")}</button>
      </div>
    </form>
  );
}

/** Every active civil servant of the department not on its list yet, in one step. */
export function AddAllForm({ departmentId, count }: { departmentId: string; count: number }) {
  const t = useTranslations();
  const [state, action, formKey] = useFormAction(addAllCivilServantsAction) as unknown as [TAddState, (fd: FormData) => void, string];
  return (
    <form key={formKey} action={action} className="space-y-2" data-testid="rotation-add-all">
      <input type="hidden" name="departmentId" value={departmentId} />
      <Answer state={state} />
      <p className="text-sm text-slate-700">{count ? t("rotation.list.allIntro", { count }) : t("rotation.list.allDone")}</p>
      {count ? <SubmitButton variant="secondary" pendingLabel={t("common.working")}>{t("rotation.list.addAll", { count })}</SubmitButton> : null}
    </form>
  );
}
