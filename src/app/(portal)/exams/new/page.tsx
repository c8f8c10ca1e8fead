import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { CANDIDATE_LIMIT, sittingCandidates } from "@/server/exams/queries";
import { EXAM_LEVELS, EXAM_RESULTS, examYears } from "@/domain/exams/rules";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { SittingForm, type TSittingCandidate } from "@/features/exams/components/sitting-form";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exams.record");
  return { title: t("title") };
}

/** An official records a sitting for a practitioner in their scope, found by name or ID number. */
export default async function RecordSittingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("exams.record");
  if (scopeOf(user.role, "exams.record") === "self") redirect("/me/exams");
  const sp = await searchParams;
  const q = (typeof sp.q === "string" ? sp.q : "").trim().slice(0, 100);
  const [t, tEnums, locale, found] = await Promise.all([getTranslations("exams"), getTranslations("enums"), getLocale(), sittingCandidates(user, q)]);
  const candidates: TSittingCandidate[] = found.items.map((c) => ({
    id: c.id,
    label: c.name,
    detail: [localName(c.organization, locale), c.idNumberMasked ? t("record.idMasked", { id: c.idNumberMasked }) : null, tEnums(`qualificationLevel.${c.qualificationLevel}`)].filter(Boolean).join(" · "),
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("record.title")} description={t("record.description")} actions={<Link href="/exams" className={buttonClass("secondary")}>{t("record.back")}</Link>} />
      <Card>
        <form method="get" action="/exams/new" role="search" className="mb-6 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <div>
            <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">{t("record.search")}</label>
            <input id="q" name="q" defaultValue={q} className={inputClass()} aria-describedby="q-hint" autoComplete="off" />
            <p id="q-hint" className="mt-1 text-xs text-slate-500">{t("record.searchHint")}</p>
          </div>
          <button type="submit" className={`${buttonClass("secondary")} sm:mb-5`}>{t("record.searchButton")}</button>
        </form>
        {!q ? (
          <p className="text-sm text-slate-600">{t("record.startSearch")}</p>
        ) : candidates.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-candidates">{t("record.noCandidates")}</p>
        ) : (
          <>
            {found.more ? <p className="mb-3 text-sm text-slate-600">{t("record.more", { count: CANDIDATE_LIMIT })}</p> : null}
            <SittingForm
              key={q}
              candidates={candidates}
              years={examYears(todayInCity().getUTCFullYear())}
              levels={EXAM_LEVELS.map((l) => ({ value: l, label: tEnums(`qualificationLevel.${l}`) }))}
              results={EXAM_RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))}
            />
          </>
        )}
      </Card>
    </div>
  );
}
