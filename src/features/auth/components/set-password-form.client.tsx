"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction } from "@/features/auth/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { messageKey } from "@/lib/message-key";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(setPasswordAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{t(messageKey(state.error, "errors"))}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label={t("account.newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t("account.passwordRules")}
        error={fe.newPassword ? t(messageKey(fe.newPassword, "validation")) : undefined}
      />
      <TextField
        label={t("account.confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fe.confirmPassword ? t(messageKey(fe.confirmPassword, "validation")) : undefined}
      />
      <SubmitButton className="w-full" pendingLabel={t("common.saving")}>
        {t("account.setPassword")}
      </SubmitButton>
    </form>
  );
}
