"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addIntegrityRecordAction, updateIntegrityRecordAction } from "@/features/agencies/actions";
import { INTEGRITY_KINDS } from "@/domain/agencies/enums";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { Notice } from "@/components/ui/card";

type TRecord = { id: string; version: number; kind: string; occurredOn: string; source: string; description: string; endsOn: string };

/** Adds an integrity record to an agency (`organizationId`), or edits one (`record`). */
export function IntegrityRecordForm({ organizationId, record, today }: { organizationId: string; record?: TRecord; today: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const ti = useTranslations("agencies.integrity");
  const [state, action, formKey] = useFormAction(record ? updateIntegrityRecordAction : addIntegrityRecordAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  return (
    <form key={formKey} action={action} className="max-w-2xl space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      ) : (
        <input type="hidden" name="organizationId" value={organizationId} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={ti("fields.kind")} name="kind" required defaultValue={v.kind ?? record?.kind ?? ""} error={err("kind")}>
          <option value="">{t("common.choose")}</option>
          {INTEGRITY_KINDS.map((k) => (
            <option key={k} value={k}>{t(`enums.integrityKind.${k}`)}</option>
          ))}
        </SelectField>
        <TextField label={ti("fields.source")} name="source" required maxLength={200} defaultValue={v.source ?? record?.source ?? ""} error={err("source")} hint={ti("hints.source")} />
        <TextField label={ti("fields.occurredOn")} name="occurredOn" type="date" required defaultValue={v.occurredOn ?? record?.occurredOn ?? today} error={err("occurredOn")} />
        <TextField label={ti("fields.endsOn")} name="endsOn" type="date" defaultValue={v.endsOn ?? record?.endsOn ?? ""} error={err("endsOn")} hint={ti("hints.endsOn")} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="description" className="block text-sm font-medium text-slate-700">
          {ti("fields.description")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </label>
        <textarea
          id="description"
          name="description"
          rows={5}
          maxLength={2000}
          required
          defaultValue={v.description ?? record?.description ?? ""}
          aria-invalid={!!err("description") || undefined}
          aria-describedby={err("description") ? "description-error" : undefined}
          className={`block w-full rounded-md border px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 ${err("description") ? "border-red-600" : "border-slate-300"}`}
        />
        {err("description") ? <p id="description-error" className="text-sm text-red-700">{err("description")}</p> : null}
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{record ? ti("save") : ti("add")}</SubmitButton>
    </form>
  );
}
