"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateContactAction, updateMyContactAction } from "@/features/practitioners/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

/** What a practitioner may change about themselves: phone and e-mail. `onMyProfile`: saved from My profile, which it returns to. */
export function ContactForm({ practitioner: p, onMyProfile = false }: { practitioner: { id: string; version: number; phone: string; email: string }; onMyProfile?: boolean }) {
  const t = useTranslations();
  const tp = useTranslations("practitioners");
  const msg = useMessage();
  const [state, action] = useActionState(onMyProfile ? updateMyContactAction : updateContactAction, { ok: false });
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <p className="text-sm text-slate-600">{tp("hints.contactOnly")}</p>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
      <TextField label={tp("fields.phone")} name="phone" type="tel" maxLength={20} defaultValue={v.phone ?? p.phone} error={err("phone")} autoComplete="tel" />
      <TextField label={tp("fields.email")} name="email" type="email" maxLength={254} defaultValue={v.email ?? p.email} error={err("email")} autoComplete="email" />
      <SubmitButton pendingLabel={t("common.saving")}>{tp("form.save")}</SubmitButton>
    </form>
  );
}
