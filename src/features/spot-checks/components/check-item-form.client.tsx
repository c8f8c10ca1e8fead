"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { checkSpotItemAction } from "@/features/spot-checks/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { useMessage } from "@/i18n/use-message";

/** An evaluator's document check of one sampled milestone: passed, or failed with a note. */
export function CheckItemForm({ itemId, version, status, note, label }: { itemId: string; version: number; status: string; note: string | null; label: string }) {
  const [state, action, key] = useFormAction(checkSpotItemAction);
  const t = useTranslations("spotChecks.check");
  const msg = useMessage();
  const uid = useId().replace(/:/g, "");
  const fe: Record<string, TFieldErrorCode> = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const v = state.values ?? {};
  const result = v.result ?? (status === "PENDING" ? "" : status);
  return (
    <form key={key} action={action} noValidate className="space-y-2" data-testid="check-form" aria-label={label}>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} ids={{ result: `${uid}-passed` }} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("result")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["PASSED", "FAILED"] as const).map((r) => (
            <label key={r} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input id={`${uid}-${r === "PASSED" ? "passed" : "failed"}`} type="radio" name="result" value={r} defaultChecked={result === r} className="h-4 w-4" />
              {r === "PASSED" ? t("passed") : t("failed")}
            </label>
          ))}
        </div>
        {err("result") ? <p className="text-sm text-red-700">{err("result")}</p> : null}
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[12rem] flex-1">
          <TextField id={`${uid}-note`} label={t("note")} name="note" maxLength={1000} hint={t("noteHint")} defaultValue={v.note ?? note ?? ""} error={err("note")} />
        </div>
        <SubmitButton size="sm" variant="secondary" pendingLabel={t("submit")} className="mb-5">{status === "PENDING" ? t("submit") : t("change")}</SubmitButton>
      </div>
    </form>
  );
}
