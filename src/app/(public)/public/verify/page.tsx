import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getRequestMeta } from "@/server/request-meta";
import { lookupCertificate, type TSingleOutcome } from "@/server/public-register/lookups";
import { TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ResultCard } from "@/features/public-register/components/result-card";
import { MAX_NAME_LENGTH, MAX_NUMBER_LENGTH } from "@/domain/public-register/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicRegister");
  return { title: t("verify.title") };
}

type TSearch = { number?: string | string[]; name?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// A plain GET form: the search is in the URL, works without JavaScript, and each search is one
// rate-limited look-up.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const sp = await searchParams;
  const number = one(sp.number).slice(0, 200);
  const name = one(sp.name).slice(0, 200);
  const submitted = sp.number !== undefined;
  const t = await getTranslations("publicRegister");

  let outcome: TSingleOutcome | null = null;
  if (submitted) {
    try {
      outcome = await lookupCertificate({ number, name }, (await getRequestMeta()).ip);
    } catch (error) {
      console.error("[public-register] look-up failed", error);
      outcome = null;
    }
  }
  const problem = outcome && !outcome.ok ? outcome.problem : submitted && !outcome ? "unexpected" : null;
  const fieldError = (field: "number" | "name") => {
    if (field === "number" && (problem === "numberRequired" || problem === "numberTooLong")) return t(`problems.${problem}`);
    if (field === "name" && problem === "nameTooLong") return t("problems.nameTooLong");
    return undefined;
  };
  const pageProblem =
    problem === "rateLimited" && outcome && !outcome.ok
      ? t("problems.rateLimited", { minutes: Math.max(1, Math.ceil((outcome.retryAfterSeconds ?? 60) / 60)) })
      : problem === "unexpected"
        ? t("problems.unexpected")
        : null;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("verify.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("verify.intro")}</p>

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
          error={fieldError("number")}
        />
        <TextField label={t("verify.name")} name="name" defaultValue={name} maxLength={MAX_NAME_LENGTH + 10} autoComplete="off" hint={t("verify.nameHint")} error={fieldError("name")} />
        <button type="submit" className={buttonClass("primary")}>
          {t("verify.submit")}
        </button>
      </form>

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

      <p className="mt-8 text-sm">
        <Link href="/public/verify/bulk" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {t("verify.bulkLink")}
        </Link>
      </p>
    </div>
  );
}
