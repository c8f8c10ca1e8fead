"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { enrolCohortAction, type TCohortState } from "@/features/rotation/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";
import { formatFen } from "@/lib/money";
import { cohortOutlook } from "@/domain/rotation/cohort";

export type TCohortRow = { id: string; name: string; department: string; district: string; last: string | null };

type TProps = {
  trainingId: string;
  proposed: TCohortRow[];
  others: TCohortRow[];
  placesLeft: number;
  waitlisted: number;
  subsidyFen: number;
  /** What the programme's subsidy line can still promise, in fen (a decimal string); null: no line. */
  lineAvailableFen: string | null;
};

/**
 * The proposal, ticked, and the rest of the pool, unticked: the official adjusts it, reviews what
 * will happen (places, waiting list, subsidy against its line) in a dialog, and enrols everyone in
 * one step. The answer lists who got a place and who waits, or names the person the refusal is about.
 */
export function CohortBuilder({ trainingId, proposed, others, placesLeft, waitlisted, subsidyFen, lineAvailableFen }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const locale = useLocale();
  const [state, action, formKey] = useFormAction(enrolCohortAction) as unknown as [TCohortState, (fd: FormData) => void, string];
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState(proposed.length);
  // The ticks sent last: a refused cohort comes back as it was chosen, not as proposed.
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const count = () => (form.current ? new FormData(form.current).getAll("practitionerIds").length : proposed.length);
  const line = lineAvailableFen === null ? null : BigInt(lineAvailableFen);
  const outlook = cohortOutlook(chosen, placesLeft, subsidyFen, line);

  if (state.ok && state.outcomes) {
    const enrolled = state.outcomes.filter((o) => o.status === "ENROLLED");
    const waiting = state.outcomes.filter((o) => o.status === "WAITLISTED");
    return (
      <div className="space-y-4" data-testid="cohort-result">
        <Notice tone="success">{t("rotation.cohort.done", { enrolled: enrolled.length, waitlisted: waiting.length })}</Notice>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
          {state.outcomes.map((o) => (
            <li key={o.practitionerId} className="flex justify-between gap-3 px-3 py-2" data-testid="cohort-outcome">
              <span className="text-slate-900">{o.name}</span>
              <span className={o.status === "ENROLLED" ? "text-emerald-800" : "text-amber-900"}>
                {o.status === "ENROLLED" ? t("rotation.cohort.gotPlace") : t("rotation.cohort.waiting", { position: o.waitlistPosition ?? 0 })}
              </span>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-3">
          <Link href={`/trainings/${trainingId}`} className={buttonClass("primary")}>{t("rotation.cohort.toProgramme")}</Link>
          <Link href={`/rotation/cohort?training=${trainingId}`} className={buttonClass("secondary")}>{t("rotation.cohort.again")}</Link>
        </div>
      </div>
    );
  }

  const row = (r: TCohortRow, ticked: boolean) => (
    <li key={r.id} className="flex items-start gap-3 px-3 py-2" data-testid="cohort-person" data-name={r.name}>
      <input id={`cohort-${r.id}`} type="checkbox" name="practitionerIds" value={r.id} defaultChecked={picked ? picked.has(r.id) : ticked} className="mt-0.5 h-5 w-5 rounded border-slate-300" />
      <label htmlFor={`cohort-${r.id}`} className="min-w-0 text-sm text-slate-800">
        <span className="font-medium text-slate-900">{r.name}</span>
        <span className="block text-xs text-slate-600">
          {r.district} · {r.department} · {r.last ? t("rotation.cohort.lastOn", { date: r.last }) : t("rotation.cohort.never")}
        </span>
      </label>
    </li>
  );

  return (
    <form key={formKey} ref={form} action={action} onChange={() => setChosen(count())} onSubmit={(e) => setPicked(new Set(new FormData(e.currentTarget).getAll("practitionerIds").map(String)))} className="space-y-4" data-testid="cohort-form">
      <input type="hidden" name="trainingId" value={trainingId} />
      {state.error ? (
        <Notice tone="error">
          {state.person ? <span className="font-medium">{state.person}{t("rotation.cohort.personSeparator")}</span> : null}
          {state.fieldErrors?.practitionerIds ? msg(state.fieldErrors.practitionerIds, "validation") : msg(state.error, "errors")}
          {state.person !== undefined ? <span className="block">{t("rotation.cohort.noneEnrolled")}</span> : null}
        </Notice>
      ) : null}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("rotation.cohort.proposed", { count: proposed.length })}</legend>
        {proposed.length ? <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">{proposed.map((r) => row(r, true))}</ul> : <p className="text-sm text-slate-600">{t("rotation.cohort.nobody")}</p>}
      </fieldset>
      {others.length ? (
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">{t("rotation.cohort.others", { count: others.length })}</summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200">{others.map((r) => row(r, false))}</ul>
        </details>
      ) : null}
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="cohort-chosen">{t("rotation.cohort.chosen", { count: chosen })}</p>
      <Button onClick={() => { setChosen(count()); dialog.current?.showModal(); }} data-testid="cohort-review">{t("rotation.cohort.review")}</Button>
      <dialog ref={dialog} aria-labelledby="cohort-confirm-title" className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 id="cohort-confirm-title" className="text-lg font-semibold text-slate-900">{t("rotation.cohort.confirmTitle", { count: chosen })}</h2>
          {chosen === 0 ? (
            <p className="text-sm text-slate-700">{t("rotation.cohort.noneChosen")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="cohort-outlook">
              <li>{t("rotation.cohort.outlookPlaces", { places: outlook.places, left: placesLeft })}</li>
              {outlook.waiting ? <li className="font-medium text-amber-900" data-testid="cohort-outlook-waiting">{t("rotation.cohort.outlookWaiting", { waiting: outlook.waiting, ahead: waitlisted })}</li> : null}
              {subsidyFen > 0 ? <li>{t("rotation.cohort.outlookSubsidy", { amount: formatFen(outlook.needed, locale), available: line === null ? "—" : formatFen(line, locale) })}</li> : null}
            </ul>
          )}
          {outlook.beyondLine ? <Notice tone="error">{t("rotation.cohort.outlookBeyondLine")}</Notice> : null}
          <p className="text-sm text-slate-600">{t("rotation.cohort.allOrNothing")}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            {chosen > 0 ? (
              <SubmitButton pendingLabel={t("common.working")}>{t("rotation.cohort.confirm", { count: chosen })}</SubmitButton>
            ) : null}
          </div>
        </div>
      </dialog>
    </form>
  );
}
