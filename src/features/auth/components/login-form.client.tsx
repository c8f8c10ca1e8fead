"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/features/auth/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { messageKey } from "@/lib/message-key";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(signInAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  return (
    <form id="login-form" action={action} className="space-y-4" noValidate>
      {state.error ? <Notice tone="error">{t(messageKey(state.error, "errors"))}</Notice> : null}
      <input type="hidden" name="next" value={next} />
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.email ?? ""}
        error={fe.email ? t(messageKey(fe.email, "validation")) : undefined}
      />
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fe.password ? t(messageKey(fe.password, "validation")) : undefined}
      />
      <SubmitButton className="w-full" pendingLabel={t("auth.signingIn")}>
        {t("auth.signIn")}
      </SubmitButton>
    </form>
  );
}
