import "server-only";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import type { TCurrentUser } from "@/server/auth/session";
import { trainingStats, trainingStatsScopeOf, type TStatsCount, type TTrainingStatsScope } from "@/server/trainings/stats";
import { trainingSubsidyLinesOfYears, type TSubsidyLine } from "@/server/funds/queries";
import { supervisionCoverageIn, supervisorLoadsIn } from "@/server/supervision/queries";
import { rotationCoverage } from "@/server/rotation/coverage";
import { examFunnel } from "@/server/exams/funnel";
import { civilServantDeadlineSummary } from "@/server/civil-servants/summary";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { trainingDashboardPeriod, type TTrainingDashboardFilter } from "@/domain/dashboards/training-filter";
import type { TNamed } from "@/i18n/local-name";
import { reuseWhileUnchanged } from "./cache";

// The "Training and development" dashboard (issue 12 §4; plan.md G2, T2, T7, S2): hours delivered,
// people trained by kind, practice field, area and department, the training subsidy against the
// lines of the period's funds, the cultivation funnel, new civil servants' deadlines, rotation
// coverage, frontline supervision coverage and supervisors' loads. Every figure
// is an SQL aggregate (trainingStats, supervisionCoverageIn) inside the scope resolved here from the
// caller's matrix row; the page reuses one result per scope and period while nothing changes
// (cache.ts, docs/decisions/005).

type TNamedId = TNamed & { id: string };

/** What the dashboard shows: the scope its figures are limited to and how to name it. */
export type TTrainingView = {
  scope: TTrainingStatsScope;
  /** The reader's own scope kind (the city may look at a district or a department). */
  own: TTrainingStatsScope["kind"];
  /** The district or department viewed (null: the whole city). */
  subject: TNamedId | null;
};

/**
 * The view for `user` and the filter's `view`: the city may look at one district or one
 * government department; a district officer sees their district, a department officer their
 * department, whatever the URL says. Null for anyone without dashboard.training.read.
 */
export async function resolveTrainingView(user: TCurrentUser, f: Pick<TTrainingDashboardFilter, "view">): Promise<TTrainingView | null> {
  const own = trainingStatsScopeOf(user);
  if (!own) return null;
  if (own.kind === "district") return { scope: own, own: own.kind, subject: user.regionId && user.regionName ? { id: user.regionId, ...user.regionName } : null };
  if (own.kind === "department") return { scope: own, own: own.kind, subject: user.organizationName ? { id: own.departmentId, ...user.organizationName } : null };
  if (f.view?.kind === "district") {
    const region = await prisma.region.findFirst({ where: { id: f.view.id, level: "DISTRICT" }, select: { ...namedSelect, path: true } });
    if (region) return { scope: { kind: "district", regionPath: region.path }, own: "city", subject: { id: region.id, name: region.name, nameHant: region.nameHant, nameEn: region.nameEn } };
  }
  if (f.view?.kind === "department") {
    const org = await prisma.organization.findFirst({ where: { id: f.view.id, kind: "GOVERNMENT_DEPARTMENT" }, select: namedSelect });
    if (org) return { scope: { kind: "department", departmentId: org.id }, own: "city", subject: org };
  }
  return { scope: own, own: own.kind, subject: null };
}

/** The city's choices of view: every district and every government department. */
export async function trainingViewOptions(view: TTrainingView) {
  if (view.own !== "city") return { districts: [], departments: [] };
  const [districts, departments] = await Promise.all([
    prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: namedSelect }),
    prisma.organization.findMany({ where: { kind: "GOVERNMENT_DEPARTMENT" }, orderBy: [{ region: { code: "asc" } }, { name: "asc" }], select: namedSelect }),
  ]);
  return { districts, departments };
}

export type TNamedCount = TStatsCount & { named: TNamedId | null };

async function withNames(rows: TStatsCount[], kind: "region" | "organization"): Promise<TNamedCount[]> {
  const ids = rows.map((r) => r.key).filter((k): k is string => !!k);
  const found = !ids.length ? [] : kind === "region" ? await prisma.region.findMany({ where: { id: { in: ids } }, select: namedSelect }) : await prisma.organization.findMany({ where: { id: { in: ids } }, select: namedSelect });
  const names = new Map(found.map((x) => [x.id, x]));
  return rows.map((r) => ({ ...r, named: r.key ? (names.get(r.key) ?? null) : null }));
}

/** The training dashboard's figures for `scope` over the filter's period, as of `now`. */
export async function getTrainingDashboard(scope: TTrainingStatsScope, f: Pick<TTrainingDashboardFilter, "year" | "from" | "to">, now = new Date()) {
  const period = trainingDashboardPeriod({ ...f, rangeInvalid: false, typed: { from: "", to: "" }, view: null });
  const years = { from: period.from.getUTCFullYear(), to: period.to.getUTCFullYear() };
  // The cultivation funnel is a calendar year's: the period's last year.
  const [stats, lines, coverage, loads, rotation, funnel, deadlines] = await Promise.all([
    trainingStats({ ...period, scope }),
    trainingSubsidyLinesOfYears(years.from, years.to),
    supervisionCoverageIn(scope),
    supervisorLoadsIn(scope, now),
    rotationCoverage(scope, todayInCity(now)),
    examFunnel({ year: years.to, scope }),
    civilServantDeadlineSummary(scope, todayInCity(now)),
  ]);
  const [byArea, byDepartment] = await Promise.all([withNames(stats.byArea, "region"), withNames(stats.byDepartment, "organization")]);
  const sum = (pick: (l: TSubsidyLine) => bigint) => lines.reduce((a, l) => a + pick(l), 0n);
  // Every month of the period up to this one (a month without attendance is a 0, not a gap), and any later month with attendance.
  const today = todayInCity(now);
  const last = Math.max(period.from.getTime(), Math.min(period.to.getTime(), today.getTime()));
  const months = new Map<string, { month: string; halfHours: number; people: number }>();
  for (let m = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1)); m.getTime() <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const key = isoDay(m).slice(0, 7);
    months.set(key, { month: key, halfHours: 0, people: 0 });
  }
  for (const m of stats.deliveredByMonth) months.set(m.month, m);
  const deliveredByMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return {
    today: isoDay(today),
    from: isoDay(period.from),
    to: isoDay(period.to),
    years,
    scope: scope.kind,
    stats: { ...stats, deliveredByMonth, byArea, byDepartment },
    subsidy: {
      lines,
      amountFen: sum((l) => l.amountFen),
      availableFen: sum((l) => l.availableFen),
      /** The whole lines' money (every participant in the city). */
      lineOutstandingFen: sum((l) => l.outstandingFen),
      lineSpentFen: sum((l) => l.spentFen),
      /** The scope's participants' share of it (the same as the lines' for the city). */
      outstandingFen: stats.subsidyOutstandingFen,
      spentFen: stats.subsidySpentFen,
    },
    coverage,
    loads,
    rotation,
    funnel,
    deadlines,
  };
}
export type TTrainingDashboard = Awaited<ReturnType<typeof getTrainingDashboard>>;

const scopeKey = (s: TTrainingStatsScope) => (s.kind === "city" ? "city" : s.kind === "district" ? `district:${s.regionPath}` : `department:${s.departmentId}`);

/** The page's read: one computation per scope and period while nothing changes (cache.ts). */
export function getTrainingDashboardCached(scope: TTrainingStatsScope, f: Pick<TTrainingDashboardFilter, "year" | "from" | "to">, now = new Date()): Promise<TTrainingDashboard> {
  const period = f.from && f.to ? `${f.from}..${f.to}` : String(f.year);
  return reuseWhileUnchanged(`training|${scopeKey(scope)}|${period}`, () => getTrainingDashboard(scope, f, now), now);
}
