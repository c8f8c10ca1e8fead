"use client";

import { useActionState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { bulkCheckAction, type TBulkState } from "@/features/public-register/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { localName } from "@/i18n/local-name";
import { dayFormatter } from "@/domain/common/day-format";
import { StatusBadge } from "./status-badge";

export function BulkForm() {
  const t = useTranslations("publicRegister");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const locale = useLocale();
  const [state, action] = useActionState<TBulkState, FormData>(bulkCheckAction, { ok: false });

  const problem = state.problem
    ? state.problem === "rateLimited"
      ? t("problems.rateLimited", { minutes: state.minutes ?? 60 })
      : state.problem === "tooMany"
        ? t("problems.tooMany", { count: state.count ?? 0 })
        : t(`problems.${state.problem}`)
    : null;
  const pasteError = state.problem === "empty" || state.problem === "tooMany" || state.problem === "numberTooLong" ? problem : null;
  const fileError = state.problem === "fileTooLarge" || state.problem === "fileUnreadable" ? problem : null;
  const rows = state.rows ?? [];
  const tally = { valid: 0, revoked: 0, notFound: 0 };
  for (const r of rows) tally[r.match?.status ?? "notFound"]++;
  const registrationText = (m: NonNullable<(typeof rows)[number]["match"]>) =>
    m.registration
      ? t(m.registration.status === "current" ? "fields.registrationCurrent" : "fields.registrationLapsed", { date: dayFormatter(format)(m.registration.periodEnd) })
      : t("fields.notRegistered");

  return (
    <>
      <form action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        {problem && !pasteError && !fileError ? <Notice tone="error">{problem}</Notice> : null}
        <div className="space-y-1.5">
          <label htmlFor="numbers" className="block text-sm font-medium text-slate-700">
            {t("bulk.paste")}
          </label>
          <textarea
            id="numbers"
            name="numbers"
            rows={6}
            defaultValue={state.text ?? ""}
            key={state.text ?? ""}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={!!pasteError || undefined}
            aria-describedby={pasteError ? "numbers-error" : "numbers-hint"}
            className={cn(inputClass(!!pasteError), "h-auto py-2 font-mono")}
          />
          {pasteError ? (
            <p id="numbers-error" className="text-sm text-red-700">
              {pasteError}
            </p>
          ) : (
            <p id="numbers-hint" className="text-xs text-slate-500">
              {t("bulk.pasteHint")}
            </p>
          )}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="file" className="block text-sm font-medium text-slate-700">
            {t("bulk.file")}
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-invalid={!!fileError || undefined}
            aria-describedby={fileError ? "file-error" : "file-hint"}
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          />
          {fileError ? (
            <p id="file-error" className="text-sm text-red-700">
              {fileError}
            </p>
          ) : (
            <p id="file-hint" className="text-xs text-slate-500">
              {t("bulk.fileHint")}
            </p>
          )}
        </div>
        <SubmitButton pendingLabel={t("bulk.checking")}>{t("bulk.submit")}</SubmitButton>
        <p className="text-xs text-slate-500">{t("bulk.limitNote")}</p>
      </form>

      {state.rows ? (
        <section aria-labelledby="bulk-results-title" className="mt-8 space-y-3">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <div>
              <h2 id="bulk-results-title" className="text-lg font-semibold text-slate-900">
                {t("bulk.resultsTitle")}
              </h2>
              <p role="status" className="text-sm text-slate-600" data-testid="bulk-summary">
                {t("bulk.summary", { total: rows.length, ...tally })}
              </p>
            </div>
            {/* A plain form: the browser saves the CSV the route returns. The receipt keeps it from counting as another check. */}
            <form method="post" action="/api/public/verify/bulk">
              <input type="hidden" name="numbers" value={(state.numbers ?? []).join("\n")} />
              <input type="hidden" name="receipt" value={state.receipt ?? ""} />
              <button type="submit" className={buttonClass("secondary")}>
                <span aria-hidden>⤓</span>
                {t("bulk.download")}
              </button>
            </form>
          </div>
          {/* Phones: one card per number; wider screens: the table. */}
          <ul className="space-y-2 sm:hidden" aria-label={t("bulk.tableCaption")}>
            {rows.map((r) => (
              <li key={r.number} data-testid="bulk-card" data-status={r.match?.status ?? "notFound"} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <span className="break-all font-mono text-slate-900">{r.number}</span>
                  <StatusBadge status={r.match?.status ?? "notFound"} label={t(`status.${r.match?.status ?? "notFound"}`)} />
                </div>
                {r.match ? (
                  <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                    <dt className="text-slate-500">{t("fields.name")}</dt>
                    <dd className="text-slate-900">{r.match.name}</dd>
                    <dt className="text-slate-500">{t("fields.qualificationLevel")}</dt>
                    <dd className="text-slate-900">{tEnums(`qualificationLevel.${r.match.qualificationLevel}`)}</dd>
                    <dt className="text-slate-500">{t("fields.registration")}</dt>
                    <dd className="text-slate-900">{registrationText(r.match)}</dd>
                    <dt className="text-slate-500">{t("fields.district")}</dt>
                    <dd className="text-slate-900">{r.match.district ? localName(r.match.district, locale) : t("fields.unknownDistrict")}</dd>
                  </dl>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table caption={t("bulk.tableCaption")}>
              <thead>
                <tr>
                  <Th>{t("fields.certificateNumber")}</Th>
                  <Th>{t("fields.status")}</Th>
                  <Th>{t("fields.name")}</Th>
                  <Th>{t("fields.qualificationLevel")}</Th>
                  <Th>{t("fields.registration")}</Th>
                  <Th>{t("fields.district")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.number} data-testid="bulk-row" data-number={r.number} data-status={r.match?.status ?? "notFound"}>
                    <Td className="font-mono whitespace-nowrap">{r.number}</Td>
                    <Td>
                      <StatusBadge status={r.match?.status ?? "notFound"} label={t(`status.${r.match?.status ?? "notFound"}`)} />
                    </Td>
                    <Td className="whitespace-nowrap">{r.match?.name ?? ""}</Td>
                    <Td>{r.match ? tEnums(`qualificationLevel.${r.match.qualificationLevel}`) : ""}</Td>
                    <Td className="whitespace-nowrap">{r.match ? registrationText(r.match) : ""}</Td>
                    <Td className="whitespace-nowrap">{r.match?.district ? localName(r.match.district, locale) : ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </section>
      ) : null}
    </>
  );
}
