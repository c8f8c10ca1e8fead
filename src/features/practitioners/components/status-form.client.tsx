"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { changeStatusAction } from "@/features/practitioners/actions";
import { ENTRY_PATHS, PRACTITIONER_STATUSES } from "@/domain/practitioners/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TProps = { practitioner: { id: string; version: number; status: string; entryPath: string; entryDate: string }; today: string };

/** Status (added to the dated history) and entry path: practitioners.changeStatus. */
export function StatusForm({ practitioner: p, today }: TProps) {
  const t = useTranslations();
  const tp = useTranslations("practitioners");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(changeStatusAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <p className="text-sm text-slate-600">{tp("hints.statusForm")}</p>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={tp("fields.status")} name="status" required defaultValue={v.status ?? p.status} error={err("status")}>
          {PRACTITIONER_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`enums.practitionerStatus.${s}`)}</option>
          ))}
        </SelectField>
        <TextField label={tp("fields.effectiveFrom")} name="effectiveFrom" type="date" required defaultValue={v.effectiveFrom ?? today} error={err("effectiveFrom")} />
        <div className="sm:col-span-2">
          <TextField label={tp("fields.note")} name="note" maxLength={500} defaultValue={v.note ?? ""} error={err("note")} />
        </div>
        <SelectField label={tp("fields.entryPath")} name="entryPath" required defaultValue={v.entryPath ?? p.entryPath} error={err("entryPath")}>
          {ENTRY_PATHS.map((x) => (
            <option key={x} value={x}>{t(`enums.entryPath.${x}`)}</option>
          ))}
        </SelectField>
        <TextField label={tp("fields.entryDate")} name="entryDate" type="date" required defaultValue={v.entryDate ?? p.entryDate} error={err("entryDate")} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{tp("statusForm.submit")}</SubmitButton>
    </form>
  );
}
