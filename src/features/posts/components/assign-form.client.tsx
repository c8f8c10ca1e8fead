"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { assignPractitionerAction } from "@/features/posts/actions";
import { TextField } from "@/components/ui/field";
import { PractitionerPicker, type TPractitionerOption } from "@/features/practitioners/components/practitioner-picker";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

/**
 * Assign one of the practitioners found by the search above it, from a date (default today).
 * `below`: candidates whose qualification is below the post's requirement, with the warning shown
 * when one of them is chosen.
 */
export function AssignForm({ postId, options, today, full, below = [] }: { postId: string; options: TPractitionerOption[]; today: string; full: { filled: number; required: number } | null; below?: { id: string; warning: string }[] }) {
  const t = useTranslations();
  const tp = useTranslations("posts");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(assignPractitionerAction);
  const v = state.values ?? {};
  const [chosen, setChosen] = useState<string>(v.practitionerId ?? (options.length === 1 ? options[0]!.id : ""));
  const warning = below.find((b) => b.id === chosen)?.warning ?? null;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {full ? <Notice tone="info">{tp("assign.fullWarning", { filled: full.filled, required: full.required })}</Notice> : null}
      <input type="hidden" name="postId" value={postId} />
      <div
        className="grid gap-4 sm:grid-cols-3"
        onChange={(e) => {
          const el = e.target as HTMLSelectElement;
          if (el.name === "practitionerId") setChosen(el.value);
        }}
      >
        <div className="sm:col-span-2">
          <PractitionerPicker
            label={tp("assign.practitioner")}
            chooseLabel={t("common.choose")}
            options={options}
            defaultValue={v.practitionerId ?? (options.length === 1 ? options[0]!.id : "")}
            error={err("practitionerId")}
          />
          {warning ? (
            <p role="status" data-testid="assign-below-warning" className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {warning}
            </p>
          ) : null}
        </div>
        <TextField label={tp("assign.from")} name="from" type="date" required defaultValue={v.from ?? today} error={err("from")} />
        <div className="sm:col-span-3">
          <TextField label={tp("assign.note")} name="note" maxLength={500} defaultValue={v.note ?? ""} error={err("note")} />
        </div>
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{tp("assign.submit")}</SubmitButton>
    </form>
  );
}
