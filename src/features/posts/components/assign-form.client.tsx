"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { assignPractitionerAction } from "@/features/posts/actions";
import { TextField } from "@/components/ui/field";
import { PractitionerPicker, type TPractitionerOption } from "@/features/practitioners/components/practitioner-picker";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

/** Assign one of the practitioners found by the search above it, from a date (default today). */
export function AssignForm({ postId, options, today, full }: { postId: string; options: TPractitionerOption[]; today: string; full: { filled: number; required: number } | null }) {
  const t = useTranslations();
  const tp = useTranslations("posts");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(assignPractitionerAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {full ? <Notice tone="info">{tp("assign.fullWarning", { filled: full.filled, required: full.required })}</Notice> : null}
      <input type="hidden" name="postId" value={postId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <PractitionerPicker
            label={tp("assign.practitioner")}
            chooseLabel={t("common.choose")}
            options={options}
            defaultValue={v.practitionerId ?? (options.length === 1 ? options[0]!.id : "")}
            error={err("practitionerId")}
          />
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
