"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeStatusAction } from "@/features/practitioners/actions";
import { ENTRY_PATHS, PRACTITIONER_STATUSES } from "@/domain/practitioners/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { messageKey } from "@/lib/message-key";

type TProps = { practitioner: { id: string; version: number; status: string; entryPath: string; entryDate: string }; today: string };

/** Status (added to the dated history) and entry path: practitioners.changeStatus. */
export function StatusForm({ practitioner: p, today }: TProps) {
  const t = useTranslations();
  const tp = useTranslations("practitioners");
  const [state, action] = useActionState(changeStatusAction, { ok: false });
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? t(messageKey(fe[k], "validation")) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">{tp("hints.statusForm")}</p>
      {state.error ? <Notice tone="error">{t(messageKey(state.error, "errors"))}</Notice> : null}
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
