"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { recordContributionAction } from "@/features/funds/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { CONTRIBUTION_SOURCES } from "@/domain/funds/schemas";

/** The fields' ids: the fund page has another form with an amount. */
const IDS = { lineId: "contribution-lineId", source: "contribution-source", donor: "contribution-donor", amount: "contribution-amount", receivedOn: "contribution-receivedOn", restrictions: "contribution-restrictions" } as const;

/** Records a contribution from an enterprise or a charity to one of the fund's lines (it raises the line by its amount). */
export function ContributionForm({ lines, today }: { lines: { id: string; name: string; kind: string }[]; today: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(recordContributionAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const preferred = lines.find((l) => l.kind === "CONTRIBUTIONS")?.id ?? lines[0]?.id ?? "";
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate data-testid="contribution-form">
      {state.ok ? <Notice tone="success">{t("funds.contributions.recorded")}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} ids={IDS} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("funds.line")} name="lineId" id="contribution-lineId" required defaultValue={v.lineId ?? preferred} error={err("lineId")}>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>{l.name}</option>
          ))}
        </SelectField>
        <SelectField label={t("funds.contributions.source")} name="source" id="contribution-source" required defaultValue={v.source ?? "ENTERPRISE"} error={err("source")}>
          {CONTRIBUTION_SOURCES.map((k) => (
            <option key={k} value={k}>{t(`funds.contributions.sourceKind.${k}`)}</option>
          ))}
        </SelectField>
        <TextField label={t("funds.contributions.donor")} name="donor" id="contribution-donor" required maxLength={200} defaultValue={v.donor ?? ""} error={err("donor")} />
        <TextField label={t("funds.amount")} name="amount" id="contribution-amount" required inputMode="decimal" defaultValue={v.amount ?? ""} error={err("amount")} hint={t("funds.amountHint")} />
        <TextField label={t("funds.contributions.receivedOn")} name="receivedOn" id="contribution-receivedOn" type="date" required max={today} defaultValue={v.receivedOn ?? today} error={err("receivedOn")} />
        <TextField label={t("funds.contributions.restrictions")} name="restrictions" id="contribution-restrictions" maxLength={2000} defaultValue={v.restrictions ?? ""} error={err("restrictions")} hint={t("funds.contributions.restrictionsHint")} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">{t("funds.contributions.record")}</SubmitButton>
    </form>
  );
}
