import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { listPairs, manageablePairs, pairFilterOptions, supervisionCoverage, supervisorLoads } from "@/server/supervision/queries";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { pairListParams, parsePairListFilter } from "@/domain/supervision/list-filter";
import { SupervisionHeader } from "@/features/supervision/components/supervision-header";
import { CoverageCard } from "@/features/supervision/components/coverage-card";
import { LoadsCard } from "@/features/supervision/components/loads-card";
import { PairList } from "@/features/supervision/components/pair-list";
import { eligibilityWords } from "@/features/supervision/components/eligibility-text";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("title") };
}

export default async function SupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("supervision.read");
  // A practitioner's supervision is their own page.
  if (scopeOf(user.role, "supervision.read") === "self") redirect("/me/supervision");
  const sp = await searchParams;
  const filter = parsePairListFilter(sp);
  const [result, options, loads, coverage, settings, words, t] = await Promise.all([
    listPairs(user, filter),
    pairFilterOptions(user),
    supervisorLoads(user),
    supervisionCoverage(user),
    getSupervisionSettings(),
    eligibilityWords(),
    getTranslations("supervision"),
  ]);
  const manage = can(user, "supervision.manage");
  const manageable = await manageablePairs(user, result.items.map((p) => p.id));
  return (
    <div className="space-y-6">
      <SupervisionHeader user={user} manage={manage} approve={can(user, "supervision.approveSupervisor")} exportParams={pairListParams(filter)} searchParams={sp} />
      <Card>
        <p className="text-sm text-slate-700" data-testid="supervisor-rule"><span className="font-medium text-slate-900">{t("ruleTitle")}</span> {words.rule(settings)}</p>
      </Card>
      {coverage ? <CoverageCard coverage={coverage} /> : null}
      <PairList filter={filter} result={result} options={options} manageable={manageable} manage={manage} />
      <LoadsCard rows={loads.rows} cap={loads.cap} manage={manage} />
    </div>
  );
}
