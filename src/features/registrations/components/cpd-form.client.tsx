"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { submitCpdEntryAction } from "@/features/registrations/actions";
import { MANUAL_CPD_KINDS } from "@/domain/registrations/schemas";
import { MAX_SCAN_BYTES, SCAN_ACCEPT } from "@/domain/credentials/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { FileField, PendingSubmit, uploadSubmit, useUploadAction } from "@/components/ui/upload-form";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/**
 * Hours of continuing education done outside the portal, with proof (PDF, JPEG or PNG), for a
 * district officer to verify. `maxPerDay`: the city's limit, shown in the hint (the server checks it).
 */
export function CpdForm({ practitionerId, today, maxPerDay }: { practitionerId: string; today: string; maxPerDay: number }) {
  const [state, action, pending] = useUploadAction(submitCpdEntryAction);
  return <CpdFormFields key={state.round ?? 0} practitionerId={practitionerId} today={today} maxPerDay={maxPerDay} state={state} action={action} pending={pending} />;
}

type TFieldsProps = { practitionerId: string; today: string; maxPerDay: number; state: TActionState; action: (formData: FormData) => void; pending: boolean };

function CpdFormFields({ practitionerId, today, maxPerDay, state, action, pending }: TFieldsProps) {
  const t = useTranslations("registrations.cpdForm");
  const tk = useTranslations("registrations.cpdKind");
  const msg = useMessage();
  const v = state.values ?? {};
  // A proof refused in the browser (too large) is a refused submit: a new object each time, so the summary takes the focus again.
  const [scanError, setScanError] = useState<{ code: TFieldErrorCode } | null>(null);
  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}), ...(scanError ? { scan: scanError.code } : {}) };
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="grid gap-4 sm:grid-cols-2"
      data-testid="cpd-form"
      onSubmit={uploadSubmit({ pending, field: "scan", maxBytes: MAX_SCAN_BYTES, onTooLarge: () => setScanError({ code: "scanTooLarge" }), onOk: () => setScanError(null), action })}
    >
      <div className="space-y-2 sm:col-span-2">
        {state.ok ? <Notice tone="success">{t("submitted")}</Notice> : null}
        {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
        <ErrorSummary errors={fe} message={err} submitted={scanError ?? state} />
      </div>
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <SelectField label={t("kind")} name="kind" id="cpd-kind" required defaultValue={v.kind ?? ""} error={err("kind")}>
        <option value="">{t("choose")}</option>
        {MANUAL_CPD_KINDS.map((k) => (
          <option key={k} value={k}>{tk(k)}</option>
        ))}
      </SelectField>
      <TextField label={t("hours")} name="hours" id="cpd-hours" required inputMode="decimal" maxLength={7} defaultValue={v.hours ?? ""} error={err("hours")} hint={t("hoursHint", { max: maxPerDay })} />
      <TextField label={t("title")} name="title" id="cpd-title" required maxLength={200} defaultValue={v.title ?? ""} error={err("title")} />
      <TextField label={t("provider")} name="provider" id="cpd-provider" required maxLength={200} defaultValue={v.provider ?? ""} error={err("provider")} />
      <TextField label={t("startDate")} name="startDate" id="cpd-startDate" type="date" required max={today} defaultValue={v.startDate ?? ""} error={err("startDate")} />
      <TextField label={t("endDate")} name="endDate" id="cpd-endDate" type="date" required max={today} defaultValue={v.endDate ?? ""} error={err("endDate")} />
      <FileField name="scan" label={t("proof")} hint={t("proofHint")} error={err("scan")} accept={SCAN_ACCEPT} />
      <div className="sm:col-span-2">
        <PendingSubmit pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
