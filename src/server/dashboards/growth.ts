import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect, nameOnlySelect } from "@/server/select";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import { practitionerScope } from "@/server/authz/scope";
import { getPlanTarget, type TPlanSettings } from "@/server/plan/queries";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { forecast, neededPerMonth, planYear, targetAt } from "@/domain/plan/target-line";
import { isoDay as iso, todayInCity } from "@/domain/common/calendar-day";
import { ENTRY_PATHS, G1_FLAGS, PRACTICE_FIELDS, type TEntryPath, type TG1Flag, type TPracticeField, type TQualificationLevel } from "@/domain/practitioners/enums";
import type { TCredentialKind } from "@/domain/credentials/schemas";

// The growth dashboard (issue 3 item 7, plan.md G1–G2). Every figure is an SQL aggregate over
// QualifiedPeriod (who counted when) and the derived Practitioner columns; JavaScript only
// shapes the handful of aggregate rows and draws the target line and the forecast from them.

const ACTION = "dashboard.growth.read" as const;
const DAY = 86_400_000;
export const REGISTRATIONS_DUE_LIST_LIMIT = 20;


const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const monthEnd = (d: Date) => new Date(addMonths(d, 1).getTime() - DAY);

/** The caller's scope as a region-path prefix: "" for the whole city, null for nothing. */
export function growthPrefix(principal: TPrincipal): string | null {
  const scope = scopeOf(principal.role, ACTION);
  if (scope === "city") return "";
  if (scope === "district") return principal.regionPath || null;
  return null;
}

/** `alias."regionPath"` inside the scope (a LIKE prefix with the wildcards escaped: ids hold "_"). */
function scopeSql(prefix: string | null, alias: string): Prisma.Sql {
  if (prefix === null) return Prisma.sql`FALSE`;
  if (prefix === "") return Prisma.sql`TRUE`;
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`${Prisma.raw(`${alias}."regionPath"`)} LIKE ${pattern}`;
}

export type TSeriesPoint = { month: string; at: string; actual: number; baseline: number; recruited: number; cultivated: number; target: number };
export type TForecastPoint = { month: string; at: string; forecast: number; target: number };
export type TCount<K extends string = string> = { key: K; count: number };
export type TAreaCount = { id: string; name: string; nameHant: string | null; nameEn: string | null; count: number };
/** A registration whose period ends within the city's "due" window (the certificate stays valid). */
export type TRegistrationDue = {
  id: string;
  kind: TCredentialKind;
  number: string;
  periodEnd: string;
  daysLeft: number;
  practitioner: { id: string; name: string; organization: { name: string; nameHant: string | null; nameEn: string | null } | null };
};

export type TGrowthDashboard = {
  today: string;
  scope: "city" | "district";
  plan: Omit<TPlanSettings, "startDate" | "updatedAt"> & { startDate: string };
  kpi: {
    qualifiedNow: number;
    atStart: number;
    /** targetAt(plan, today): fractional; people = ceil. */
    targetToDate: number;
    targetToDatePeople: number;
    gap: number;
    neededPerMonth: number;
    planYear: number;
    yearEndTarget: number;
    monthsLeft: number;
    /** The forecast's value at the end of the current plan year. */
    forecastYearEnd: number;
    /** People counted for the first time this plan year (new to the workforce). */
    joinedThisPlanYear: number;
    /** People who had counted before, stopped (left the city, a revoked credential) and count again. */
    returnedThisPlanYear: number;
  };
  series: TSeriesPoint[];
  forecast: TForecastPoint[];
  breakdowns: {
    entryPath: TCount<TEntryPath>[];
    level: TCount<TQualificationLevel>[];
    practiceField: TCount<TPracticeField>[];
    g1: TCount<TG1Flag>[];
    areaLevel: "district" | "street";
    area: TAreaCount[];
    /** Counted people whose employer sits directly at the scope's own level (city bureaus, a district's own units). */
    areaDirect: number;
  };
  registrationsDue: { total: number; days: number; items: TRegistrationDue[] };
};

type TSeriesRow = { month: Date; actual: number; baseline: number; recruited: number; cultivated: number };

/**
 * Monthly cumulative series: for each month from the plan's start month to today's, how many
 * QualifiedPeriods cover the month's last day (today for the current month). One pass over the
 * periods: each start is +1 and each end (exclusive) −1 in the month it happens (earlier ones in
 * the first month), and a running sum over the months gives the count on each month end.
 */
async function monthlySeries(prefix: string | null, start: Date, today: Date): Promise<TSeriesRow[]> {
  if (today.getTime() < start.getTime()) return [];
  const s = iso(start);
  const t = iso(today);
  return prisma.$queryRaw<TSeriesRow[]>`
    WITH months AS (
      SELECT m::date AS month
        FROM generate_series(date_trunc('month', ${s}::date), date_trunc('month', ${t}::date), interval '1 month') AS m
    ), events AS (
      SELECT q."from" AS d, q."entryPath" AS path, 1 AS delta
        FROM "QualifiedPeriod" q
       WHERE q."from" <= ${t}::date AND ${scopeSql(prefix, "q")}
      UNION ALL
      SELECT q."to", q."entryPath", -1
        FROM "QualifiedPeriod" q
       WHERE q."to" IS NOT NULL AND q."to" <= ${t}::date AND ${scopeSql(prefix, "q")}
    ), per_month AS (
      SELECT GREATEST(date_trunc('month', d), date_trunc('month', ${s}::date))::date AS month,
             sum(delta) AS actual,
             sum(delta) FILTER (WHERE path = 'BASELINE') AS baseline,
             sum(delta) FILTER (WHERE path = 'RECRUITED') AS recruited,
             sum(delta) FILTER (WHERE path = 'CULTIVATED') AS cultivated
        FROM events
       GROUP BY 1
    )
    SELECT months.month,
           (sum(coalesce(pm.actual, 0)) OVER w)::int AS actual,
           (sum(coalesce(pm.baseline, 0)) OVER w)::int AS baseline,
           (sum(coalesce(pm.recruited, 0)) OVER w)::int AS recruited,
           (sum(coalesce(pm.cultivated, 0)) OVER w)::int AS cultivated
      FROM months LEFT JOIN per_month pm ON pm.month = months.month
    WINDOW w AS (ORDER BY months.month)
     ORDER BY months.month`;
}

/**
 * Counted today and on the plan's first day; people whose current period opened in this plan
 * year, split into first periods (new) and later ones (returns after a gap).
 */
async function headline(prefix: string | null, start: Date, today: Date, yearStart: Date) {
  const s = iso(start);
  const t = iso(today);
  const y = iso(yearStart);
  const [row] = await prisma.$queryRaw<{ now: number; at_start: number; joined: number; returned: number }[]>`
    SELECT count(*) FILTER (WHERE q."from" <= ${t}::date AND (q."to" IS NULL OR q."to" > ${t}::date))::int AS now,
           count(*) FILTER (WHERE q."from" <= ${s}::date AND (q."to" IS NULL OR q."to" > ${s}::date))::int AS at_start,
           count(DISTINCT q."practitionerId") FILTER (WHERE q."isFirst" AND q."from" >= ${y}::date AND q."from" <= ${t}::date AND (q."to" IS NULL OR q."to" > ${t}::date))::int AS joined,
           count(DISTINCT q."practitionerId") FILTER (WHERE NOT q."isFirst" AND q."from" >= ${y}::date AND q."from" <= ${t}::date AND (q."to" IS NULL OR q."to" > ${t}::date))::int AS returned
      FROM "QualifiedPeriod" q
     WHERE ${scopeSql(prefix, "q")}`;
  return { now: row?.now ?? 0, atStart: row?.at_start ?? 0, joined: row?.joined ?? 0, returned: row?.returned ?? 0 };
}

type TBreakdownRow = { dim: string; key: string | null; count: number };

/** Breakdowns of the people counted today, in one pass (the CTE is materialised once). */
async function breakdowns(prefix: string | null, today: Date, areaIndex: number): Promise<TBreakdownRow[]> {
  const t = iso(today);
  return prisma.$queryRaw<TBreakdownRow[]>`
    WITH cur AS MATERIALIZED (
      SELECT p."entryPath", p."qualificationLevel", p."practiceFields", p."regionPath",
             p."g1Msw", p."g1DeputySenior", p."g1SocialWorker", p."g1ProvincialAward", p."g1KeyPost"
        FROM "Practitioner" p
        JOIN "QualifiedPeriod" q ON q."practitionerId" = p.id
       WHERE q."from" <= ${t}::date AND (q."to" IS NULL OR q."to" > ${t}::date) AND ${scopeSql(prefix, "q")}
    )
    SELECT 'entryPath' AS dim, "entryPath"::text AS key, count(*)::int AS count FROM cur GROUP BY 2
    UNION ALL
    SELECT 'level', "qualificationLevel"::text, count(*)::int FROM cur GROUP BY 2
    UNION ALL
    SELECT 'area', NULLIF(split_part(coalesce("regionPath", ''), '/', ${areaIndex}::int), ''), count(*)::int FROM cur GROUP BY 2
    UNION ALL
    SELECT 'practiceField', f::text, count(*)::int FROM cur, unnest("practiceFields") AS f GROUP BY 2
    UNION ALL
    SELECT 'g1', g.key, g.count FROM (
      SELECT count(*) FILTER (WHERE "g1Msw")::int AS a, count(*) FILTER (WHERE "g1DeputySenior")::int AS b,
             count(*) FILTER (WHERE "g1SocialWorker")::int AS c, count(*) FILTER (WHERE "g1ProvincialAward")::int AS d,
             count(*) FILTER (WHERE "g1KeyPost")::int AS e
        FROM cur
    ) x CROSS JOIN LATERAL (VALUES ('g1Msw', x.a), ('g1DeputySenior', x.b), ('g1SocialWorker', x.c), ('g1ProvincialAward', x.d), ('g1KeyPost', x.e)) AS g(key, count)`;
}

/** Levels that count, highest first (NONE never counts). */
const LEVELS = ["SENIOR_SOCIAL_WORKER", "SOCIAL_WORKER", "ASSISTANT_SOCIAL_WORKER", "DEGREE"] as const;

/** `K` is the database enum the dimension reads, so a key outside `keys` is still one of its values. */
function ordered<K extends string>(rows: TBreakdownRow[], dim: string, keys: readonly K[]): TCount<K>[] {
  const by = new Map(rows.filter((r) => r.dim === dim).map((r) => [r.key, r.count]));
  const out: TCount<K>[] = keys.map((key) => ({ key, count: by.get(key) ?? 0 }));
  // Anything the list does not know (a level "NONE" on a stale row) is still shown, not dropped.
  for (const [key, count] of by) if (key !== null && !(keys as readonly string[]).includes(key)) out.push({ key: key as K, count });
  return out;
}

/** Registrations of verified certificates whose period ends within the "due" window, soonest first. */
async function registrationsDue(principal: TPrincipal, prefix: string | null, today: Date, days: number) {
  const until = new Date(today.getTime() + days * DAY);
  const where: Prisma.RegistrationWhereInput = {
    periodEnd: { gte: today, lte: until },
    credential: { status: "VERIFIED" },
    practitioner: prefix === null ? { id: { in: [] } } : { AND: [practitionerScope(principal, ACTION), { status: "ACTIVE" }] },
  };
  const [total, rows] = await Promise.all([
    prisma.registration.count({ where }),
    prisma.registration.findMany({
      where,
      orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
      take: REGISTRATIONS_DUE_LIST_LIMIT,
      select: {
        id: true,
        number: true,
        periodEnd: true,
        credential: { select: { kind: true } },
        practitioner: { select: { id: true, name: true, organization: { select: nameOnlySelect } } },
      },
    }),
  ]);
  return {
    total,
    days,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.credential.kind,
      number: r.number,
      periodEnd: iso(r.periodEnd),
      daysLeft: Math.round((r.periodEnd.getTime() - today.getTime()) / DAY),
      practitioner: r.practitioner,
    })),
  };
}

async function areas(prefix: string | null, rows: TBreakdownRow[]): Promise<{ area: TAreaCount[]; direct: number }> {
  const counts = rows.filter((r) => r.dim === "area");
  const direct = counts.find((r) => r.key === null)?.count ?? 0;
  if (prefix === null) return { area: [], direct };
  // Every district (or street) in scope is listed, with 0 where nobody counts yet.
  const regions = await prisma.region.findMany({
    where: prefix === "" ? { level: "DISTRICT" } : { level: "STREET", path: { startsWith: prefix } },
    select: namedSelect,
    orderBy: { code: "asc" },
  });
  const by = new Map(counts.map((r) => [r.key, r.count]));
  return { area: regions.map((r) => ({ ...r, count: by.get(r.id) ?? 0 })), direct };
}

/** The growth dashboard for `principal`'s scope (city, or their district) as of `now`. */
export async function getGrowthDashboard(principal: TPrincipal, now = new Date()): Promise<TGrowthDashboard> {
  const today = todayInCity(now);
  const prefix = growthPrefix(principal);
  const [plan, settings] = await Promise.all([getPlanTarget(), getQualificationSettings()]);
  const start = plan.startDate;
  const py = planYear(plan, today);
  const yearStart = addMonths(monthStart(start), (py.year - 1) * 12);
  // A district officer's path is /city/district/: the next segment is the street.
  const areaIndex = prefix ? prefix.split("/").length : 3;

  const [rows, head, bd, exp] = await Promise.all([
    monthlySeries(prefix, start, today),
    headline(prefix, start, today, yearStart),
    breakdowns(prefix, today, areaIndex),
    registrationsDue(principal, prefix, today, settings.registrationDueDays),
  ]);
  const area = await areas(prefix, bd);

  const series: TSeriesPoint[] = rows.map((r) => {
    const end = monthEnd(r.month);
    const at = end.getTime() > today.getTime() ? today : end;
    return { month: iso(r.month).slice(0, 7), at: iso(at), actual: r.actual, baseline: r.baseline, recruited: r.recruited, cultivated: r.cultivated, target: targetAt(plan, r.month) };
  });

  // Forecast to the end of the plan year; when under three months remain, through the next one too.
  let ahead = py.monthsLeft - 1;
  if (ahead < 3) ahead += 12;
  const projected = forecast(
    series.map((p) => p.actual),
    ahead,
    6,
  );
  const current = monthStart(today);
  const forecastPoints: TForecastPoint[] = projected.map((v, i) => {
    const m = addMonths(current, i + 1);
    return { month: iso(m).slice(0, 7), at: iso(monthEnd(m)), forecast: Math.round(v * 10) / 10, target: targetAt(plan, m) };
  });
  const qualifiedNow = head.now;
  const targetToDate = targetAt(plan, today);
  const targetToDatePeople = Math.ceil(targetToDate - 1e-9);
  const forecastYearEnd = py.monthsLeft <= 1 ? qualifiedNow : (forecastPoints[py.monthsLeft - 2]?.forecast ?? qualifiedNow);

  return {
    today: iso(today),
    scope: prefix === "" ? "city" : "district",
    plan: { startDate: iso(start), startValue: plan.startValue, yearlyTarget: plan.yearlyTarget, version: plan.version, saved: plan.saved },
    kpi: {
      qualifiedNow,
      atStart: head.atStart,
      targetToDate,
      targetToDatePeople,
      gap: Math.max(0, targetToDatePeople - qualifiedNow),
      neededPerMonth: neededPerMonth(plan, qualifiedNow, today),
      planYear: py.year,
      yearEndTarget: py.endTarget,
      monthsLeft: py.monthsLeft,
      forecastYearEnd: Math.round(forecastYearEnd),
      joinedThisPlanYear: head.joined,
      returnedThisPlanYear: head.returned,
    },
    series,
    forecast: forecastPoints,
    breakdowns: {
      entryPath: ordered(bd, "entryPath", ENTRY_PATHS),
      level: ordered<TQualificationLevel>(bd, "level", LEVELS),
      practiceField: ordered(bd, "practiceField", PRACTICE_FIELDS),
      g1: ordered(bd, "g1", G1_FLAGS),
      areaLevel: prefix === "" ? "district" : "street",
      area: area.area,
      areaDirect: area.direct,
    },
    registrationsDue: exp,
  };
}
