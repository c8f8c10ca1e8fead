"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/features/accounts/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export function ChangePasswordForm() {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action] = useActionState(changePasswordAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <TextField label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={err("currentPassword")} />
      <TextField label={t("account.newPassword")} name="newPassword" type="password" autoComplete="new-password" required hint={t("account.passwordRules")} error={err("newPassword")} />
      <TextField label={t("account.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={err("confirmPassword")} />
      <p className="text-xs text-slate-500">{t("account.changeSignsOut")}</p>
      <SubmitButton pendingLabel={t("common.saving")}>{t("account.changePassword")}</SubmitButton>
    </form>
  );
}
