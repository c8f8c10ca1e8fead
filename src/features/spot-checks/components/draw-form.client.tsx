"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { drawSpotCheckAction } from "@/features/spot-checks/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { useMessage } from "@/i18n/use-message";

/** The city's draw: a period of acceptance days, the share (at least the city's setting), the body, an optional seed. */
export function DrawForm({ bodies, minPercent, defaultStart, defaultEnd }: { bodies: { id: string; label: string }[]; minPercent: number; defaultStart: string; defaultEnd: string }) {
  const [state, action, key] = useFormAction(drawSpotCheckAction);
  const t = useTranslations("spotChecks.draw");
  const tc = useTranslations("common");
  const msg = useMessage();
  const fe: Record<string, TFieldErrorCode> = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const v = state.values ?? {};
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid="draw-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField id="periodStart" label={t("periodStart")} name="periodStart" type="date" required hint={t("periodHint")} defaultValue={v.periodStart ?? defaultStart} error={err("periodStart")} />
        <TextField id="periodEnd" label={t("periodEnd")} name="periodEnd" type="date" required defaultValue={v.periodEnd ?? defaultEnd} error={err("periodEnd")} />
        <TextField id="percent" label={t("percent")} name="percent" type="number" min={minPercent} max={100} step={1} required inputMode="numeric" hint={t("percentHint", { min: minPercent })} defaultValue={v.percent ?? String(minPercent)} error={err("percent")} />
        <SelectField id="bodyId" label={t("body")} name="bodyId" required defaultValue={v.bodyId ?? (bodies.length === 1 ? bodies[0]!.id : "")} error={err("bodyId")}>
          <option value="">{tc("choose")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>{b.label}</option>
          ))}
        </SelectField>
        <div className="lg:col-span-2">
          <TextField id="seed" label={t("seed")} name="seed" maxLength={64} autoComplete="off" spellCheck={false} hint={t("seedHint")} defaultValue={v.seed ?? ""} error={err("seed")} />
        </div>
      </div>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
