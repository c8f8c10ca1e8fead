import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { CANDIDATE_LIMIT, memberCandidates } from "@/server/association/queries";
import { AddMemberForm } from "@/features/association/components/add-member-form";
import { localName } from "@/i18n/local-name";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("association");
  return { title: t("add.title") };
}

export default async function AddMemberPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("association.manage");
  const sp = await searchParams;
  const type = sp.type === "AGENCY" ? "AGENCY" : "PRACTITIONER";
  const q = (typeof sp.q === "string" ? sp.q : "").trim().slice(0, 100);
  const [t, locale, found] = await Promise.all([getTranslations(), getLocale(), memberCandidates(user, type, q)]);
  const candidates = found.items.map((c) => ({
    id: c.id,
    label: localName(c, locale),
    detail: [c.detail ? localName(c.detail, locale) : "", c.idNumberMasked ?? ""].filter(Boolean).join(" · "),
  }));
  const backTab = type === "AGENCY" ? "agencies" : "practitioners";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("association.add.title")}
        description={t("association.add.description")}
        actions={<Link href={`/association?tab=${backTab}`} className={buttonClass("secondary")}>{t("association.add.back")}</Link>}
      />
      <nav aria-label={t("association.add.typeLabel")} className="flex gap-1 border-b border-slate-200">
        {(["AGENCY", "PRACTITIONER"] as const).map((k) => (
          <Link
            key={k}
            href={`/association/new?type=${k}`}
            aria-current={k === type ? "page" : undefined}
            className={cn("-mb-px rounded-t-md border px-4 py-2 text-sm font-medium", k === type ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {k === "AGENCY" ? t("association.tabs.agencies") : t("association.tabs.practitioners")}
          </Link>
        ))}
      </nav>
      <Card>
        <form method="get" action="/association/new" role="search" className="mb-5 flex flex-wrap items-end gap-3">
          <input type="hidden" name="type" value={type} />
          <div className="min-w-64 flex-1">
            <label htmlFor="candidate-q" className="mb-1 block text-sm font-medium text-slate-700">
              {type === "AGENCY" ? t("association.add.searchAgency") : t("association.add.searchPractitioner")}
            </label>
            <input id="candidate-q" name="q" defaultValue={q} className={inputClass()} aria-describedby="candidate-q-hint" />
            <p id="candidate-q-hint" className="mt-1 text-xs text-slate-500">
              {type === "AGENCY" ? t("association.add.eligibleAgency") : t("association.add.eligiblePractitioner")}
            </p>
          </div>
          <button type="submit" className={cn(buttonClass("secondary"), "mb-5")}>{t("common.search")}</button>
        </form>
        {candidates.length === 0 ? (
          <EmptyState title={q ? t("association.add.noMatch", { q }) : t("association.add.noCandidates")}>
            {q ? t("association.add.noMatchHint") : null}
          </EmptyState>
        ) : (
          <>
            {found.more ? <p className="mb-3 text-sm text-slate-600">{t("association.add.more", { count: CANDIDATE_LIMIT })}</p> : null}
            <AddMemberForm memberType={type} candidates={candidates} today={todayInCityIso()} />
          </>
        )}
      </Card>
    </div>
  );
}
