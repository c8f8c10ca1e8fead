"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/features/auth/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(signInAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  return (
    <form id="login-form" action={action} className="space-y-4" noValidate>
      {state.error ? <Notice tone="error">{t(`errors.${state.error}`)}</Notice> : null}
      <input type="hidden" name="next" value={next} />
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.email ?? ""}
        error={fe.email ? t(`validation.${fe.email}`) : undefined}
      />
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fe.password ? t(`validation.${fe.password}`) : undefined}
      />
      <SubmitButton className="w-full" pendingLabel={t("auth.signingIn")}>
        {t("auth.signIn")}
      </SubmitButton>
    </form>
  );
}
