"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { signInAction } from "@/features/auth/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const msg = useMessage();
  const [state, action] = useActionState(signInAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const error = !state.error || state.error === "checkFields"
    ? null
    : state.error === "signInThrottled"
      ? t("errors.signInThrottled", { wait: waitText(format, state.retryAfterSeconds ?? 60) })
      : msg(state.error, "errors");
  return (
    <form id="login-form" action={action} className="space-y-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.email ?? ""}
        error={err("email")}
      />
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={err("password")}
      />
      <SubmitButton className="w-full" pendingLabel={t("auth.signingIn")}>
        {t("auth.signIn")}
      </SubmitButton>
    </form>
  );
}

/** "5 seconds" / "15 minutes" in the reader's language: seconds below a minute, else whole minutes rounded up. */
function waitText(format: ReturnType<typeof useFormatter>, seconds: number): string {
  return seconds < 60
    ? format.number(Math.max(1, Math.ceil(seconds)), { style: "unit", unit: "second", unitDisplay: "long" })
    : format.number(Math.ceil(seconds / 60), { style: "unit", unit: "minute", unitDisplay: "long" });
}
