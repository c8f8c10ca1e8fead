"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { submitCredentialAction } from "@/features/credentials/actions";
import { CERTIFICATE_KINDS, CREDENTIAL_KINDS, DEGREE_LEVELS, MAX_SCAN_BYTES, SCAN_ACCEPT, TITLE_LEVELS, type TCredentialKind } from "@/domain/credentials/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { messageKey } from "@/lib/message-key";

/** Submit a credential with its scan (PDF, JPEG or PNG, up to 10 MB; the server checks the content). */
export function CredentialForm({ practitionerId, today }: { practitionerId: string; today: string }) {
  // Submitted from onSubmit rather than <form action>: React would reset the form after the action,
  // dropping the chosen file and the selects on a refusal. Each success gets a new key, which
  // remounts (clears) the fields; the key travels in the state so it changes in the same render.
  const [state, action, pending] = useActionState(async (prev: TFormState, formData: FormData): Promise<TFormState> => {
    let next: TActionState;
    try {
      next = await submitCredentialAction(prev, formData);
    } catch {
      // The request itself failed (connection lost, or a body over the server's upload limit).
      next = { ok: false, error: "unexpected" };
    }
    return { ...next, round: (prev.round ?? 0) + (next.ok ? 1 : 0) };
  }, { ok: false });
  return <CredentialFormFields key={state.round ?? 0} practitionerId={practitionerId} today={today} state={state} action={action} pending={pending} />;
}

type TFormState = TActionState & { round?: number };

type TFieldsProps = { practitionerId: string; today: string; state: TActionState; action: (formData: FormData) => void; pending: boolean };

function CredentialFormFields({ practitionerId, today, state, action, pending }: TFieldsProps) {
  const t = useTranslations("credentials");
  const tm = useTranslations();
  const tk = useTranslations("enums");
  const v = state.values ?? {};
  const [kind, setKind] = useState<TCredentialKind | "">((v.kind as TCredentialKind) ?? "");
  const [scanError, setScanError] = useState<TFieldErrorCode | null>(null);
  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}), ...(scanError ? { scan: scanError } : {}) };
  const err = (k: string) => (fe[k] ? tm(messageKey(fe[k], "validation")) : undefined);
  const isCertificate = kind !== "" && CERTIFICATE_KINDS.includes(kind);

  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        // Refuse an oversized scan before it is sent: the server refuses it too, but only after the upload.
        const input = e.currentTarget.elements.namedItem("scan") as HTMLInputElement | null;
        const file = input?.files?.[0];
        if (file && file.size > MAX_SCAN_BYTES) return setScanError("scanTooLarge");
        setScanError(null);
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      <div className="sm:col-span-2 space-y-2">
        {state.ok ? <Notice tone="success">{t("submitted")}</Notice> : null}
        {state.error ? <Notice tone="error">{tm(messageKey(state.error, "errors"))}</Notice> : null}
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
      <TextField label={t("number")} name="number" required maxLength={64} defaultValue={v.number ?? ""} error={err("number")} autoComplete="off" />
      <TextField label={t("issuingAuthority")} name="issuingAuthority" required maxLength={200} defaultValue={v.issuingAuthority ?? ""} error={err("issuingAuthority")} />
      <TextField label={t("issueDate")} name="issueDate" type="date" required max={today} defaultValue={v.issueDate ?? ""} error={err("issueDate")} />
      <TextField
        label={t("validUntil")}
        name="validUntil"
        type="date"
        required={isCertificate}
        defaultValue={v.validUntil ?? ""}
        error={err("validUntil")}
        hint={isCertificate ? t("validUntilRequiredHint") : t("validUntilOptionalHint")}
      />
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="scan" className="block text-sm font-medium text-slate-700">
          {t("scan")}
          <span className="ml-0.5 text-red-700" aria-hidden>*</span>
        </label>
        <input
          id="scan"
          name="scan"
          type="file"
          accept={SCAN_ACCEPT}
          required
          aria-invalid={!!fe.scan || undefined}
          aria-describedby={fe.scan ? "scan-error" : "scan-hint"}
          className={`${inputClass(!!fe.scan)} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm`}
        />
        {fe.scan ? (
          <p id="scan-error" className="text-sm text-red-700">{err("scan")}</p>
        ) : (
          <p id="scan-hint" className="text-xs text-slate-500">{t("scanHint")}</p>
        )}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
          {pending ? (
            <>
              <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
              <span>{t("submitting")}</span>
            </>
          ) : (
            t("submit")
          )}
        </button>
      </div>
    </form>
  );
}
