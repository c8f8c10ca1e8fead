"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction } from "@/features/auth/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action] = useActionState(setPasswordAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label={t("account.newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t("account.passwordRules")}
        error={err("newPassword")}
      />
      <TextField
        label={t("account.confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <SubmitButton className="w-full" pendingLabel={t("common.saving")}>
        {t("account.setPassword")}
      </SubmitButton>
    </form>
  );
}
