import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { CANDIDATE_LIMIT, superviseeCandidates, supervisorCandidates } from "@/server/supervision/queries";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { StartPairForm, type TPickOption } from "@/features/supervision/components/start-pair-form";
import { eligibilityWords } from "@/features/supervision/components/eligibility-text";
import { localName } from "@/i18n/local-name";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision.start");
  return { title: t("title") };
}

export default async function StartPairPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("supervision.manage");
  const sp = await searchParams;
  const text = (k: string) => (typeof sp[k] === "string" ? sp[k] : "").trim().slice(0, 100);
  const [sq, eq] = [text("sq"), text("eq")];
  const [t, te, locale, format, words, settings, supervisors, supervisees] = await Promise.all([
    getTranslations("supervision"),
    getTranslations("enums"),
    getLocale(),
    getFormatter(),
    eligibilityWords(),
    getSupervisionSettings(),
    supervisorCandidates(user, sq),
    superviseeCandidates(user, eq),
  ]);
  const org = (o: { name: string; nameHant: string | null; nameEn: string | null } | null) => (o ? localName(o, locale) : "");
  const supervisorOptions: TPickOption[] = supervisors.items.map((c) => {
    const full = c.standing.active >= supervisors.cap;
    return {
      id: c.id,
      label: c.name,
      detail: [org(c.organization), te(`qualificationLevel.${c.qualificationLevel}`), t("start.load", { active: format.number(c.standing.active), cap: supervisors.cap })].filter(Boolean).join(" · "),
      note: words.summary(c.standing.eligibility),
      badge: !c.standing.eligibility.eligible ? { text: words.label(c.standing.eligibility), tone: "amber" } : full ? { text: t("start.atCap"), tone: "red" } : { text: words.label(c.standing.eligibility), tone: "green" },
    };
  });
  const superviseeOptions: TPickOption[] = supervisees.items.map((c) => ({
    id: c.id,
    label: c.name,
    detail: [org(c.organization), c.talentTrack ? te(`talentTrack.${c.talentTrack}`) : null, te(`qualificationLevel.${c.qualificationLevel}`)].filter(Boolean).join(" · "),
    note: c.supervisedBy.length ? t("start.currentSupervisors", { names: c.supervisedBy.map((s) => s.supervisor.name).join("、") }) : t("start.noSupervisor"),
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("start.title")} description={t("start.description")} actions={<Link href="/supervision" className={buttonClass("secondary")}>{t("start.back")}</Link>} />
      <Card>
        <p className="mb-4 text-sm text-slate-700"><span className="font-medium text-slate-900">{t("ruleTitle")}</span> {words.rule(settings)}</p>
        <form method="get" action="/supervision/new" role="search" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="sq" className="mb-1 block text-sm font-medium text-slate-700">{t("start.searchSupervisor")}</label>
            <input id="sq" name="sq" defaultValue={sq} className={inputClass()} aria-describedby="sq-hint" />
            <p id="sq-hint" className="mt-1 text-xs text-slate-500">{t("start.searchSupervisorHint")}</p>
          </div>
          <div>
            <label htmlFor="eq" className="mb-1 block text-sm font-medium text-slate-700">{t("start.searchSupervisee")}</label>
            <input id="eq" name="eq" defaultValue={eq} className={inputClass()} aria-describedby="eq-hint" />
            <p id="eq-hint" className="mt-1 text-xs text-slate-500">{t("start.searchSuperviseeHint")}</p>
          </div>
          <button type="submit" className={`${buttonClass("secondary")} sm:mb-5`}>{t("start.search")}</button>
        </form>
        {supervisors.more || supervisees.more ? <p className="mb-3 text-sm text-slate-600">{t("start.more", { count: CANDIDATE_LIMIT })}</p> : null}
        <StartPairForm
          key={`${sq}|${eq}`}
          supervisors={supervisorOptions}
          supervisees={superviseeOptions}
          today={todayInCityIso()}
          settings={{ level: te(`qualificationLevel.${settings.supervisorMinLevel}`), years: settings.supervisorMinYears, cap: settings.supervisorMaxSupervisees }}
        />
      </Card>
    </div>
  );
}
