"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { submitCredentialAction } from "@/features/credentials/actions";
import { CERTIFICATE_KINDS, CREDENTIAL_KINDS, DEGREE_LEVELS, MAX_SCAN_BYTES, SCAN_ACCEPT, TITLE_LEVELS, type TCredentialKind } from "@/domain/credentials/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { FileField, PendingSubmit, uploadSubmit, useUploadAction } from "@/components/ui/upload-form";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/**
 * Submit a credential with its scan (PDF, JPEG or PNG, up to 10 MB; the server checks the content).
 * A qualification certificate is permanent; its registration (number and the day its period
 * started) may be given with it.
 */
export function CredentialForm({ practitionerId, today }: { practitionerId: string; today: string }) {
  const [state, action, pending] = useUploadAction(submitCredentialAction);
  return <CredentialFormFields key={state.round ?? 0} practitionerId={practitionerId} today={today} state={state} action={action} pending={pending} />;
}

type TFieldsProps = { practitionerId: string; today: string; state: TActionState; action: (formData: FormData) => void; pending: boolean };

function CredentialFormFields({ practitionerId, today, state, action, pending }: TFieldsProps) {
  const t = useTranslations("credentials");
  const tk = useTranslations("enums");
  const msg = useMessage();
  const v = state.values ?? {};
  const [kind, setKind] = useState<TCredentialKind | "">((v.kind as TCredentialKind) ?? "");
  // A scan refused in the browser (too large) is a refused submit: a new object each time, so the summary takes the focus again.
  const [scanError, setScanError] = useState<{ code: TFieldErrorCode } | null>(null);
  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}), ...(scanError ? { scan: scanError.code } : {}) };
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const isCertificate = kind !== "" && CERTIFICATE_KINDS.includes(kind);

  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="grid gap-4 sm:grid-cols-2"
      data-testid="credential-form"
      onSubmit={uploadSubmit({ pending, field: "scan", maxBytes: MAX_SCAN_BYTES, onTooLarge: () => setScanError({ code: "scanTooLarge" }), onOk: () => setScanError(null), action })}
    >
      <div className="sm:col-span-2 space-y-2">
        {state.ok ? <Notice tone="success">{t("submitted")}</Notice> : null}
        {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
        <ErrorSummary errors={fe} message={err} submitted={scanError ?? state} />
      </div>
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <SelectField label={t("kind")} name="kind" required value={kind} onChange={(e) => setKind(e.target.value as TCredentialKind)} error={err("kind")}>
        <option value="">{t("choose")}</option>
        {CREDENTIAL_KINDS.map((k) => (
          <option key={k} value={k}>{tk(`credentialKind.${k}`)}</option>
        ))}
      </SelectField>
      {kind === "SOCIAL_WORK_DEGREE" ? (
        <SelectField label={t("degreeLevel")} name="degreeLevel" required defaultValue={v.degreeLevel ?? ""} error={err("degreeLevel")}>
          <option value="">{t("choose")}</option>
          {DEGREE_LEVELS.map((d) => (
            <option key={d} value={d}>{tk(`degree.${d}`)}</option>
          ))}
        </SelectField>
      ) : kind === "PROFESSIONAL_TITLE" ? (
        <SelectField label={t("titleLevel")} name="titleLevel" required defaultValue={v.titleLevel ?? ""} error={err("titleLevel")}>
          <option value="">{t("choose")}</option>
          {TITLE_LEVELS.map((d) => (
            <option key={d} value={d}>{tk(`professionalTitle.${d}`)}</option>
          ))}
        </SelectField>
      ) : (
        <div className="hidden sm:block" />
      )}
      <TextField label={t("number")} name="number" required maxLength={100} defaultValue={v.number ?? ""} error={err("number")} hint={t("numberHint")} autoComplete="off" spellCheck={false} />
      <TextField label={t("issuingAuthority")} name="issuingAuthority" required maxLength={200} defaultValue={v.issuingAuthority ?? ""} error={err("issuingAuthority")} />
      <TextField label={t("issueDate")} name="issueDate" type="date" required max={today} defaultValue={v.issueDate ?? ""} error={err("issueDate")} hint={isCertificate ? t("certificatePermanentHint") : undefined} />
      {isCertificate ? (
        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("registrationLegend")}</legend>
          <p className="text-xs text-slate-500 sm:col-span-2">{t("registrationHint")}</p>
          <TextField label={t("registrationNumber")} name="registrationNumber" maxLength={100} defaultValue={v.registrationNumber ?? ""} error={err("registrationNumber")} hint={t("numberHint")} autoComplete="off" spellCheck={false} />
          <TextField label={t("registrationStart")} name="registrationStart" type="date" max={today} defaultValue={v.registrationStart ?? ""} error={err("registrationStart")} />
        </fieldset>
      ) : null}
      <FileField name="scan" label={t("scan")} hint={t("scanHint")} error={err("scan")} accept={SCAN_ACCEPT} />
      <div className="sm:col-span-2">
        <PendingSubmit pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
