"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAttendanceAction } from "@/features/trainings/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useMessage } from "@/i18n/use-message";

export type TSheetPerson = { id: string; number: number; name: string; employer: string; present: boolean | null; attended: number; done: boolean };

/**
 * One session's attendance on a phone: each participant is one large switch (present or absent),
 * the whole sheet is saved at once. Each row says how many sessions the person has attended and
 * whether that already makes a completion.
 */
export function AttendanceSheet({ sessionId, people, sessions, needed, readOnly }: { sessionId: string; people: TSheetPerson[]; sessions: number; needed: number; readOnly: boolean }) {
  const t = useTranslations("trainings.attendance");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(saveAttendanceAction);
  const [marks, setMarks] = useState<Record<string, boolean>>(() => Object.fromEntries(people.map((p) => [p.id, p.present === true])));
  const present = people.filter((p) => marks[p.id]).length;
  return (
    <form key={formKey} action={action} className="space-y-4" data-testid="attendance-sheet">
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.ok ? <Notice tone="success">{t("saved", { present, absent: people.length - present })}</Notice> : null}
      {state.error ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="attendance-count">{t("count", { present, total: people.length })}</p>
        {!readOnly ? (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setMarks(Object.fromEntries(people.map((p) => [p.id, true])))}>{t("allPresent")}</Button>
            <Button variant="ghost" size="sm" onClick={() => setMarks(Object.fromEntries(people.map((p) => [p.id, false])))}>{t("allAbsent")}</Button>
          </div>
        ) : null}
      </div>
      <ul className="space-y-2">
        {people.map((p) => {
          const on = !!marks[p.id];
          const id = `present-${p.id}`;
          return (
            <li key={p.id} data-testid="attendance-person" data-number={p.number}>
              <input type="hidden" name="listed" value={p.id} />
              <label
                htmlFor={id}
                className={cn(
                  "flex min-h-16 cursor-pointer items-center gap-4 rounded-lg border px-4 py-3 transition-colors",
                  on ? "border-emerald-300 bg-emerald-50" : "border-slate-200 bg-white",
                  readOnly && "cursor-default",
                )}
              >
                <span className="w-10 shrink-0 text-center font-mono text-sm text-slate-500">{p.number}</span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{p.name}</span>
                  <span className="block truncate text-xs text-slate-600">{p.employer}</span>
                  <span className="mt-0.5 block text-xs text-slate-600">
                    {t("attended", { attended: p.attended, sessions })}
                    {p.done ? <span className="ml-2 font-medium text-emerald-800">{t("done")}</span> : <span className="ml-2 text-slate-500">{t("needs", { needed })}</span>}
                  </span>
                </span>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  name="present"
                  value={p.id}
                  checked={on}
                  disabled={readOnly}
                  aria-checked={on}
                  onChange={(e) => setMarks({ ...marks, [p.id]: e.target.checked })}
                  className="peer sr-only"
                />
                <span
                  aria-hidden
                  className={cn(
                    "inline-flex h-10 min-w-24 shrink-0 items-center justify-center rounded-full px-3 text-sm font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-2",
                    on ? "bg-emerald-700 text-white" : "bg-slate-200 text-slate-800",
                  )}
                >
                  {on ? t("present") : t("absent")}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
          <SubmitButton pendingLabel={tc("saving")} className="h-12 w-full sm:w-auto">{t("save")}</SubmitButton>
        </div>
      ) : null}
    </form>
  );
}
