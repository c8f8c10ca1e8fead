"use client";

import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitProposalAction, type TProposalState } from "@/features/service-calls/actions";
import { countsTowardStaffing, eligibilityLines, type TCallRequirements, type TEligibilityFacts } from "@/domain/service-calls/eligibility";
import { MAX_BUDGET_LINES } from "@/domain/service-calls/schemas";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { formatFen, parseYuan } from "@/lib/money";
import { EligibilityLines } from "./eligibility-lines.client";
import { rowIds } from "./call-form.client";

type TLine = { item: string; amount: string };

type TProps = {
  callId: string;
  budgetFen: bigint;
  requirements: TCallRequirements;
  /** The agency's facts with its whole active register as `staff`; the form narrows them to those ticked. */
  facts: TEligibilityFacts;
  bar: number;
  today: Date;
};

const textareaClass = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/**
 * The agency's proposal: narrative, budget lines, named staff from its register. The eligibility
 * check runs live (the same rule as the server's) as staff are ticked; the server checks again on
 * submit, and a refusal comes back with its lines.
 */
export function ProposalForm({ callId, budgetFen, requirements, facts, bar, today }: TProps) {
  const t = useTranslations();
  const locale = useLocale();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(submitProposalAction) as unknown as [TProposalState, (fd: FormData) => void, string];
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const [narrative, setNarrative] = useState("");
  const [lines, setLines] = useState<TLine[]>([{ item: "", amount: "" }]);
  const [chosen, setChosen] = useState<string[]>([]);
  const live = useMemo(() => eligibilityLines({ ...facts, staff: facts.staff.filter((s) => chosen.includes(s.id)), unknownStaff: 0 }, requirements, today, bar), [facts, chosen, requirements, today, bar]);
  const totalFen = lines.reduce((n, l) => n + (parseYuan(l.amount) ?? 0n), 0n);
  const setLine = (i: number, patch: Partial<TLine>) => setLines((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form key={formKey} action={action} className="space-y-8" noValidate data-testid="proposal-form">
      <input type="hidden" name="callId" value={callId} />
      {state.error && state.error !== "checkFields" ? (
        <div className="space-y-2" data-testid="proposal-refused">
          <Notice tone="error">{state.lines ? t("serviceCalls.propose.refused") : msg(state.error, "errors")}</Notice>
          {state.lines ? <EligibilityLines lines={state.lines} testId="refused-lines" /> : null}
        </div>
      ) : null}
      <ErrorSummary errors={fe} message={err} submitted={state} ids={rowIds(lines.length, { item: "lineItem", amount: "lineAmount" }, "lines", "lineItem-0")} />

      <div>
        <label htmlFor="narrative" className="mb-1 block text-sm font-medium text-slate-700">{t("serviceCalls.propose.narrative")}</label>
        <p id="narrative-hint" className="mb-1 text-xs text-slate-500">{t("serviceCalls.propose.narrativeHint")}</p>
        <textarea id="narrative" name="narrative" rows={8} maxLength={8000} required value={narrative} onChange={(e) => setNarrative(e.target.value)} aria-invalid={!!err("narrative")} aria-describedby={err("narrative") ? "narrative-error" : "narrative-hint"} className={textareaClass} />
        {err("narrative") ? <p id="narrative-error" className="mt-1 text-sm text-red-700">{err("narrative")}</p> : null}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.propose.lines")}</legend>
        {lines.map((l, i) => (
          <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto]">
            <TextField label={t("serviceCalls.propose.item", { n: i + 1 })} name="lineItem" id={`lineItem-${i}`} maxLength={200} value={l.item} onChange={(e) => setLine(i, { item: e.target.value })} error={err(`lines.${i}.item`)} />
            <TextField label={t("serviceCalls.propose.amount")} name="lineAmount" id={`lineAmount-${i}`} inputMode="decimal" value={l.amount} onChange={(e) => setLine(i, { amount: e.target.value })} error={err(`lines.${i}.amount`)} />
            <Button type="button" variant="ghost" size="sm" disabled={lines.length === 1} onClick={() => setLines((rows) => rows.filter((_, j) => j !== i))} aria-label={t("serviceCalls.propose.removeLine", { n: i + 1 })}>
              ✕
            </Button>
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="button" variant="secondary" size="sm" disabled={lines.length >= MAX_BUDGET_LINES} onClick={() => setLines((rows) => [...rows, { item: "", amount: "" }])}>
            {t("serviceCalls.propose.addLine")}
          </Button>
          <p className={totalFen > budgetFen ? "text-sm text-red-700" : "text-sm text-slate-700"} data-testid="proposal-total" aria-live="polite">
            {t("serviceCalls.propose.total", { amount: formatFen(totalFen, locale), budget: formatFen(budgetFen, locale) })}
          </p>
        </div>
        {err("lines") ? <p className="text-sm text-red-700" id="lines-error">{err("lines")}</p> : null}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{t("serviceCalls.propose.staff")}</legend>
        <p className="text-sm text-slate-600">{t("serviceCalls.propose.staffHint")}</p>
        {facts.staff.length ? (
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
            {facts.staff.map((s) => {
              const counts = countsTowardStaffing(s, facts.agencyId, today);
              return (
                <li key={s.id} className="flex items-center gap-3 px-3 py-2">
                  <input
                    id={`staff-${s.id}`}
                    type="checkbox"
                    name="staffIds"
                    value={s.id}
                    checked={chosen.includes(s.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))}
                    className="h-5 w-5 rounded border-slate-300"
                  />
                  <label htmlFor={`staff-${s.id}`} className="flex-1 text-sm text-slate-800">
                    {s.name}
                    <span className="ml-2 text-xs text-slate-500">{t(`enums.qualificationLevel.${s.qualificationLevel}` as "enums.qualificationLevel.NONE")}</span>
                  </label>
                  <span className={counts ? "text-xs font-medium text-green-800" : "text-xs text-slate-500"}>{counts ? t("serviceCalls.propose.counts") : t("serviceCalls.propose.doesNotCount")}</span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("serviceCalls.propose.noStaff")}</p>
        )}
      </fieldset>

      <section className="space-y-2" aria-labelledby="live-eligibility">
        <h2 id="live-eligibility" className="text-base font-semibold text-slate-900">{t("serviceCalls.eligibility.title")}</h2>
        <p className="text-sm text-slate-600">{t("serviceCalls.eligibility.liveHint")}</p>
        <EligibilityLines lines={live} testId="live-eligibility" />
      </section>

      <SubmitButton pendingLabel={t("common.working")}>{t("serviceCalls.propose.submit")}</SubmitButton>
    </form>
  );
}
