"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { enrolAction, type TEnrolState } from "@/features/trainings/actions";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

export type TCandidate = { id: string; label: string; inAudience: boolean };

/**
 * Enrol: oneself (`self`: one button), or people chosen from a list (an agency's staff, a
 * department's people, a district's) in one step. The answer says how many got a place and how
 * many went onto the waiting list; a refusal names the person it is about.
 */
export function EnrolForm({ trainingId, self, candidates = [] }: { trainingId: string; self?: string; candidates?: TCandidate[] }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(enrolAction) as unknown as [TEnrolState, (fd: FormData) => void, string];
  const answer = state.ok ? (
    <Notice tone="success">
      {t("trainings.enrol.done", { enrolled: state.enrolled ?? 0, waitlisted: state.waitlisted ?? 0 })}
    </Notice>
  ) : state.error ? (
    <Notice tone="error">
      {state.person ? <span className="font-medium">{state.person}: </span> : null}
      {state.fieldErrors?.practitionerIds ? msg(state.fieldErrors.practitionerIds, "validation") : msg(state.error, "errors")}
    </Notice>
  ) : null;
  if (self) {
    return (
      <form key={formKey} action={action} className="space-y-3" data-testid="enrol-self">
        <input type="hidden" name="trainingId" value={trainingId} />
        <input type="hidden" name="practitionerIds" value={self} />
        {answer}
        <SubmitButton pendingLabel={t("common.working")}>{t("trainings.enrol.self")}</SubmitButton>
      </form>
    );
  }
  return (
    <form key={formKey} action={action} className="space-y-3" data-testid="enrol-others">
      <input type="hidden" name="trainingId" value={trainingId} />
      {answer}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("trainings.enrol.choose")}</legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {candidates.map((c) => (
            <li key={c.id} className="flex items-start gap-3 px-3 py-2">
              {/* Uncontrolled: a box ticked before the page is interactive is still sent. */}
              <input id={`enrol-${c.id}`} type="checkbox" name="practitionerIds" value={c.id} className="mt-0.5 h-5 w-5 rounded border-slate-300" />
              <label htmlFor={`enrol-${c.id}`} className="text-sm text-slate-800">
                {c.label}
                {!c.inAudience ? <span className="mt-0.5 block text-xs text-amber-800">{t("trainings.enrol.outsideAudience")}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("common.working")}>{t("trainings.enrol.submit")}</SubmitButton>
        <button type="reset" className={buttonClass("ghost", "sm")}>
          {t("trainings.enrol.clear")}
        </button>
      </div>
    </form>
  );
}
