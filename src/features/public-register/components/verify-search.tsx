import { getTranslations } from "next-intl/server";
import type { TSingleOutcome } from "@/server/public-register/lookups";
import { MAX_NAME_LENGTH, MAX_NUMBER_LENGTH } from "@/domain/public-register/rules";
import { TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ResultCard } from "./result-card";

type TProblem = Extract<TSingleOutcome, { ok: false }>["problem"] | "unexpected";

/** What went wrong with a look-up: the outcome's problem, or "unexpected" when a submitted look-up failed. */
export function verifyProblem(submitted: boolean, outcome: TSingleOutcome | null): TProblem | null {
  if (outcome && !outcome.ok) return outcome.problem;
  return submitted && !outcome ? "unexpected" : null;
}

/** The public look-up form: a plain GET form, so it works without JavaScript and the search is in the URL. */
export async function VerifySearchForm({ number, name, problem }: { number: string; name: string; problem: TProblem | null }) {
  const t = await getTranslations("publicRegister");
  const numberError = problem === "numberRequired" || problem === "numberTooLong" ? t(`problems.${problem}`) : undefined;
  return (
    <form method="get" action="/public/verify" role="search" noValidate className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <TextField
        label={t("verify.number")}
        name="number"
        defaultValue={number}
        required
        maxLength={MAX_NUMBER_LENGTH + 20}
        autoComplete="off"
        spellCheck={false}
        inputMode="text"
        hint={t("verify.numberHint")}
        error={numberError}
      />
      <TextField label={t("verify.name")} name="name" defaultValue={name} maxLength={MAX_NAME_LENGTH + 10} autoComplete="off" hint={t("verify.nameHint")} error={problem === "nameTooLong" ? t("problems.nameTooLong") : undefined} />
      <button type="submit" className={buttonClass("primary")}>
        {t("verify.submit")}
      </button>
    </form>
  );
}

/** The look-up's result, announced politely: the matching certificates, "no match", or why there is no answer. */
export async function VerifyResults({ outcome, problem }: { outcome: TSingleOutcome | null; problem: TProblem | null }) {
  const t = await getTranslations("publicRegister");
  const pageProblem =
    problem === "rateLimited" && outcome && !outcome.ok
      ? t("problems.rateLimited", { minutes: Math.max(1, Math.ceil((outcome.retryAfterSeconds ?? 60) / 60)) })
      : problem === "unexpected"
        ? t("problems.unexpected")
        : null;
  return (
    <section aria-labelledby="results-title" aria-live="polite" className="mt-8">
      {pageProblem ? <Notice tone="error">{pageProblem}</Notice> : null}
      {outcome?.ok ? (
        <>
          <h2 id="results-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("verify.resultsTitle")}
            <span className="ml-2 text-sm font-normal text-slate-600">{outcome.matches.length ? t("verify.found", { count: outcome.matches.length }) : null}</span>
          </h2>
          {outcome.matches.length ? (
            <div className="space-y-4">
              {outcome.matches.map((m, i) => (
                <ResultCard key={`${m.certificateNumber}-${i}`} match={m} />
              ))}
            </div>
          ) : (
            <div data-testid="public-no-match" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
              <p className="text-base font-semibold text-slate-900">{t("verify.noMatchTitle")}</p>
              <p className="mt-2 text-sm text-slate-600">{t("verify.noMatchBody")}</p>
            </div>
          )}
        </>
      ) : (
        <h2 id="results-title" className="sr-only">
          {t("verify.resultsTitle")}
        </h2>
      )}
    </section>
  );
}
