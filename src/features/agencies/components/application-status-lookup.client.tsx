"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { lookupApplicationStatusAction, type TStatusLookupState } from "@/features/agencies/application-actions";
import { publicEventKey } from "@/domain/agencies/application-rules";
import type { TApplicationStatus } from "@/domain/agencies/enums";
import { instantDayFormatter, momentFormatter } from "@/domain/common/day-format";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge, Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

const TONE = { DISTRICT_REVIEW: "amber", CITY_REVIEW: "blue", RETURNED: "slate", APPROVED: "green", REJECTED: "red" } as const satisfies Record<TApplicationStatus, string>;
const DOT = { SUBMITTED: "bg-brand-600", AMENDED: "bg-brand-600", FORWARDED: "bg-brand-600", APPROVED: "bg-emerald-600", REJECTED: "bg-red-600", RETURNED: "bg-amber-500" } as const;

/**
 * The public status look-up: reference and contact e-mail in, where the application stands out.
 * A POST (a server action), so the e-mail address never goes into a URL, a log or a Referer.
 */
export function ApplicationStatusLookup({ reference }: { reference: string }) {
  const t = useTranslations("agencyApplications.status");
  const tEnums = useTranslations("enums");
  const msg = useMessage();
  const format = useFormatter();
  // A new key for the form with every answer: React resets a form after its action, and the remount
  // brings back what was typed (the echoed values) as its defaults.
  const [state, action] = useActionState<TStatusLookupState & { n?: number }, FormData>(async (prev, formData) => ({ ...(await lookupApplicationStatusAction(prev, formData)), n: (prev.n ?? 0) + 1 }), { ok: false });
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  const notFound = state.error === "agencyApplications.errors.statusNotFound";
  const problem = state.error && state.error !== "checkFields" && !notFound ? msg(state.error, "errors") : null;
  const r = state.ok ? state.result : undefined;
  const when = momentFormatter(format);
  const day = instantDayFormatter(format);
  const values = state.values ?? { reference };

  return (
    <>
      <form action={action} noValidate className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6" key={`answer-${state.n ?? 0}`}>
        <ErrorSummary errors={fe} message={err} submitted={state} />
        <TextField
          label={t("reference")}
          name="reference"
          defaultValue={values.reference ?? ""}
          required
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          hint={t("referenceHint")}
          error={err("reference")}
        />
        <TextField label={t("email")} name="email" type="email" defaultValue={values.email ?? ""} required maxLength={254} autoComplete="email" hint={t("emailHint")} error={err("email")} />
        <SubmitButton pendingLabel={t("checking")}>{t("submit")}</SubmitButton>
      </form>

      <section aria-labelledby="status-result-title" aria-live="polite" className="mt-8">
        <h2 id="status-result-title" className={r ? "mb-3 text-lg font-semibold text-slate-900" : "sr-only"}>
          {t("resultTitle")}
        </h2>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {notFound ? (
          <div data-testid="status-not-found" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center">
            <p className="text-base font-semibold text-slate-900">{t("notFoundTitle")}</p>
            <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
          </div>
        ) : null}
        {r ? (
          <div data-testid="application-status" data-status={r.status} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-mono text-sm font-semibold tracking-wide text-brand-800">{r.reference}</p>
                <p className="mt-0.5 break-words text-base font-semibold text-slate-900">{r.agency}</p>
              </div>
              <Badge tone={TONE[r.status]}>{tEnums(`applicationStatus.${r.status}`)}</Badge>
            </div>
            <p className="text-sm text-slate-700" data-testid="status-now">
              {r.status === "DISTRICT_REVIEW"
                ? t("now.DISTRICT_REVIEW")
                : r.status === "CITY_REVIEW"
                  ? t("now.CITY_REVIEW")
                  : r.status === "RETURNED"
                    ? r.amendUntil
                      ? t("now.RETURNED", { date: when(r.amendUntil) })
                      : t("now.RETURNED_EXPIRED")
                    : r.status === "APPROVED"
                      ? t("now.APPROVED", { date: r.decidedAt ? day(r.decidedAt) : "—" })
                      : t("now.REJECTED", { date: r.decidedAt ? day(r.decidedAt) : "—" })}
            </p>
            {r.reason ? (
              <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3">
                <p className="text-sm font-medium text-amber-950">{r.status === "REJECTED" ? t("reasonRejected") : t("reasonReturned")}</p>
                <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="status-reason">{r.reason}</p>
              </div>
            ) : null}
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{t("stepsTitle")}</h3>
              <ol className="relative mt-3 space-y-4 border-l border-slate-200 pl-5" data-testid="status-steps">
                {r.steps.map((s, i) => {
                  const key = publicEventKey(s.step, s.decision);
                  return (
                    <li key={i} className="relative">
                      <span aria-hidden className={cn("absolute -left-[1.6rem] top-1 h-2.5 w-2.5 rounded-full ring-4 ring-white", DOT[key])} />
                      <p className="text-sm font-medium text-slate-900">
                        {key === "SUBMITTED"
                          ? t("events.SUBMITTED")
                          : key === "AMENDED"
                            ? t("events.AMENDED")
                            : key === "FORWARDED"
                              ? t("events.FORWARDED")
                              : key === "APPROVED"
                                ? t("events.APPROVED")
                                : key === "RETURNED"
                                  ? t("events.RETURNED", { step: tEnums(`applicationStatus.${s.step}`) })
                                  : t("events.REJECTED", { step: tEnums(`applicationStatus.${s.step}`) })}
                      </p>
                      <p className="text-xs text-slate-600">
                        <time dateTime={new Date(s.at).toISOString()}>{when(new Date(s.at))}</time>
                      </p>
                    </li>
                  );
                })}
              </ol>
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
