import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getRequestMeta } from "@/server/request-meta";
import { lookupCertificate, type TSingleOutcome } from "@/server/public-register/lookups";
import { VerifyResults, VerifySearchForm, verifyProblem } from "@/features/public-register/components/verify-search";

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
  const t = await getTranslations("publicRegister.verify");

  let outcome: TSingleOutcome | null = null;
  if (submitted) {
    try {
      outcome = await lookupCertificate({ number, name }, (await getRequestMeta()).ip);
    } catch (error) {
      console.error("[public-register] look-up failed", error);
      outcome = null;
    }
  }
  const problem = verifyProblem(submitted, outcome);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <VerifySearchForm number={number} name={name} problem={problem} />
      <VerifyResults outcome={outcome} problem={problem} />
      <p className="mt-8 text-sm">
        <Link href="/public/verify/bulk" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {t("bulkLink")}
        </Link>
      </p>
    </div>
  );
}
