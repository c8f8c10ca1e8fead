"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { amendApplicationAction, submitApplicationAction } from "@/features/agencies/application-actions";
import { CERTIFICATE_ACCEPT, MAX_REGISTRATION_SCAN_BYTES } from "@/domain/agencies/application-schemas";
import { PRACTICE_FIELDS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { CheckboxGroup } from "@/features/practitioners/components/checkbox-group";
import { isValidCreditCode } from "@/lib/credit-code";
import { canonicalNumber } from "@/lib/canonical-number";
import type { TActionState } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { EmailCodeField } from "./email-code-field.client";

/** Initial values as the form holds them (dates as YYYY-MM-DD). */
export type TApplicationFormValues = {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  address: string;
  regionId: string;
  foundedOn: string;
  isPrivate: boolean;
  serviceAreas: string[];
  targetGroups: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

type TProps = {
  districts: { id: string; label: string }[];
  /** The city's today, YYYY-MM-DD: the founding date cannot be later. */
  today: string;
  /** Amending a returned application: the one-time token, the particulars on file and the scan's name. */
  amend?: { token: string; initial: TApplicationFormValues; registrationScanName: string | null };
};

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {description ? <p className="-mt-1 mb-4 text-sm text-slate-600">{description}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** The public application form (and, with `amend`, the form behind the amend link). */
export function ApplicationForm({ districts, today, amend }: TProps) {
  const t = useTranslations();
  const ta = useTranslations("agencyApplications");
  const msg = useMessage();
  // The action itself (not a wrapper), so its redirect to the "submitted" page works natively.
  const [state, action, pending] = useActionState<TActionState, FormData>(amend ? amendApplicationAction : submitApplicationAction, { ok: false });
  const init = amend?.initial;
  const v = state.values ?? {};
  const val = (k: keyof TApplicationFormValues & string) => v[k] ?? (init ? String(init[k] ?? "") : "");

  // Checked as soon as a field is left, in the user's language; the server checks again.
  const [codeCheck, setCodeCheck] = useState<{ after: TActionState; problem: TFieldErrorCode | null } | null>(null);
  const [fileCheck, setFileCheck] = useState<{ after: TActionState; problem: TFieldErrorCode | null } | null>(null);
  const [areas, setAreas] = useState<string[]>(init?.serviceAreas ?? []);
  const [groups, setGroups] = useState<string[]>(init?.targetGroups ?? []);
  const [isPrivate, setIsPrivate] = useState<boolean>(init ? init.isPrivate : true);

  const fe: Record<string, TFieldErrorCode> = { ...(state.fieldErrors ?? {}) };
  if (codeCheck && codeCheck.after === state) {
    if (codeCheck.problem) fe.creditCode = codeCheck.problem;
    else delete fe.creditCode;
  }
  const fileRefused = !!fileCheck && fileCheck.after === state && !!fileCheck.problem;
  if (fileRefused) fe.registrationScan = fileCheck.problem!;
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  // What the last submit refused (a scan too large is refused before it is sent); the credit
  // code's check on leaving the field shows under the field only.
  const refused: Record<string, TFieldErrorCode> = { ...state.fieldErrors, ...(fileRefused ? { registrationScan: fileCheck.problem! } : {}) };

  function checkCode(input: HTMLInputElement) {
    const code = canonicalNumber(input.value);
    input.value = code;
    // An empty field keeps what the last submit said of it ("required").
    if (!code) return setCodeCheck(null);
    const problem = !/^[0-9A-Z]{18}$/.test(code) ? "agencyApplications.validation.creditCodeFormat" : !isValidCreditCode(code) ? "agencyApplications.validation.creditCodeCheck" : null;
    setCodeCheck({ after: state, problem });
  }

  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        // Refuse an oversized scan before it is sent: the server refuses it too, but only after the upload.
        const file = (e.currentTarget.elements.namedItem("registrationScan") as HTMLInputElement | null)?.files?.[0];
        if (file && file.size > MAX_REGISTRATION_SCAN_BYTES) {
          setFileCheck({ after: state, problem: "agencyApplications.validation.registrationScanTooLarge" });
          return;
        }
        setFileCheck(null);
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={refused} message={(k) => (refused[k] ? msg(refused[k], "validation") : undefined)} submitted={fileRefused ? fileCheck : state} />
      {amend ? <input type="hidden" name="token" value={amend.token} /> : null}

      <Section title={ta("sections.agency")}>
        <div className="sm:col-span-2">
          <TextField label={ta("fields.name")} name="name" required maxLength={200} defaultValue={val("name")} error={err("name")} autoComplete="organization" />
        </div>
        <TextField
          label={ta("fields.creditCode")}
          name="creditCode"
          required
          maxLength={40}
          defaultValue={val("creditCode")}
          error={err("creditCode")}
          hint={ta("hints.creditCode")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className={`${inputClass(!!fe.creditCode)} font-mono uppercase tracking-wider`}
          onBlur={(e) => checkCode(e.currentTarget)}
        />
        <TextField label={ta("fields.legalRepresentative")} name="legalRepresentative" required maxLength={100} defaultValue={val("legalRepresentative")} error={err("legalRepresentative")} autoComplete="off" />
        <SelectField label={ta("fields.district")} name="regionId" required defaultValue={val("regionId")} error={err("regionId")} hint={ta("hints.district")}>
          <option value="">{t("common.choose")}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>{d.label}</option>
          ))}
        </SelectField>
        <TextField label={ta("fields.foundedOn")} name="foundedOn" type="date" required max={today} defaultValue={val("foundedOn")} error={err("foundedOn")} />
        <div className="sm:col-span-2">
          <TextField label={ta("fields.address")} name="address" required maxLength={300} defaultValue={val("address")} error={err("address")} autoComplete="street-address" />
        </div>
        <div className="flex items-start gap-3 sm:col-span-2">
          <input
            id="isPrivate"
            name="isPrivate"
            type="checkbox"
            checked={isPrivate}
            onChange={(e) => setIsPrivate(e.target.checked)}
            aria-describedby="isPrivate-hint"
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          <div>
            <label htmlFor="isPrivate" className="text-sm font-medium text-slate-700">{ta("fields.isPrivate")}</label>
            <p id="isPrivate-hint" className="text-xs text-slate-500">{ta("hints.isPrivate")}</p>
          </div>
        </div>
      </Section>

      <Section title={ta("sections.services")} description={ta("hints.services")}>
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend={`${ta("fields.serviceAreas")} *`}
            name="serviceAreas"
            options={PRACTICE_FIELDS.map((f) => ({ value: f, label: t(`enums.practiceField.${f}`) }))}
            value={areas}
            onChange={setAreas}
            error={err("serviceAreas")}
          />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend={ta("fields.targetGroups")}
            name="targetGroups"
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`enums.targetGroup.${g}`) }))}
            value={groups}
            onChange={setGroups}
            error={err("targetGroups")}
          />
        </div>
      </Section>

      <Section title={ta("sections.contact")} description={ta("hints.contact")}>
        <TextField label={ta("fields.contactName")} name="contactName" required maxLength={100} defaultValue={val("contactName")} error={err("contactName")} autoComplete="name" />
        <TextField label={ta("fields.contactPhone")} name="contactPhone" type="tel" required maxLength={20} defaultValue={val("contactPhone")} error={err("contactPhone")} autoComplete="tel" />
        <EmailCodeField defaultEmail={val("contactEmail")} initialEmail={init?.contactEmail ?? null} emailError={err("contactEmail")} codeError={err("emailCode")} amend={!!amend} />
      </Section>

      <Section title={ta("sections.registrationScan")}>
        <div className="space-y-1.5 sm:col-span-2">
          <label htmlFor="registrationScan" className="block text-sm font-medium text-slate-700">
            {amend ? ta("fields.newRegistrationScan") : ta("fields.registrationScan")}
            {amend ? null : <span className="ml-0.5 text-red-700" aria-hidden>*</span>}
          </label>
          <input
            id="registrationScan"
            name="registrationScan"
            type="file"
            accept={CERTIFICATE_ACCEPT}
            required={!amend}
            aria-invalid={!!fe.registrationScan || undefined}
            aria-describedby={fe.registrationScan ? "registration-scan-error" : "registration-scan-hint"}
            className={`${inputClass(!!fe.registrationScan)} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm`}
          />
          {fe.registrationScan ? (
            <p id="registration-scan-error" className="text-sm text-red-700">{err("registrationScan")}</p>
          ) : (
            <p id="registration-scan-hint" className="text-xs text-slate-500">
              {amend ? ta("hints.registrationScanAmend", { file: amend.registrationScanName ?? "—" }) : ta("hints.registrationScan")}
            </p>
          )}
        </div>
      </Section>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-slate-600">{ta("apply.privacy")}</p>
        <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
          {pending ? (
            <>
              <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
              <span>{t("common.working")}</span>
            </>
          ) : amend ? (
            ta("amend.submit")
          ) : (
            ta("apply.submit")
          )}
        </button>
      </div>
    </form>
  );
}
