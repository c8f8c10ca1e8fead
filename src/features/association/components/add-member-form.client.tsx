"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { addMemberAction } from "@/features/association/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export type TCandidateOption = { id: string; label: string; detail: string };

type TProps = { memberType: "AGENCY" | "PRACTITIONER"; candidates: TCandidateOption[]; today: string };

/** Adds an agency or a practitioner found by the search above it; the number is drawn on the server. */
export function AddMemberForm({ memberType, candidates, today }: TProps) {
  const t = useTranslations();
  const ta = useTranslations("association");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(addMemberAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const pickError = err("memberId");
  return (
    <form key={formKey} action={action} className="space-y-5" noValidate data-testid="add-member-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="memberType" value={memberType} />
      <fieldset aria-describedby={pickError ? "memberId-error" : undefined} aria-invalid={!!pickError || undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {memberType === "AGENCY" ? ta("add.pickAgency") : ta("add.pickPractitioner")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </legend>
        <ul className={cn("divide-y divide-slate-100 rounded-md border bg-white", pickError ? "border-red-600" : "border-slate-200")}>
          {candidates.map((c) => (
            <li key={c.id}>
              <label className="flex cursor-pointer items-start gap-3 px-4 py-2.5 hover:bg-slate-50">
                <input id={`memberId-${c.id}`} type="radio" name="memberId" value={c.id} defaultChecked={v.memberId === c.id} className="mt-1 h-4 w-4 accent-brand-700" />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{c.label}</span>
                  {c.detail ? <span className="block text-xs text-slate-600">{c.detail}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {pickError ? (
          <p id="memberId-error" className="mt-1.5 text-sm text-red-700">
            {pickError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={ta("fields.joinedOn")} name="joinedOn" type="date" required max={today} defaultValue={v.joinedOn ?? today} error={err("joinedOn")} />
        <div className="sm:col-span-2">
          <TextField label={ta("fields.note")} name="note" maxLength={500} defaultValue={v.note ?? ""} error={err("note")} hint={ta("add.noteHint")} />
        </div>
      </div>
      <p className="text-sm text-slate-600">{ta("add.numberHint")}</p>
      <SubmitButton pendingLabel={t("common.saving")}>{ta("add.submit")}</SubmitButton>
    </form>
  );
}
