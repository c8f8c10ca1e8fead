import "server-only";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import type { TTrainingStatsScope } from "@/server/trainings/stats";
import { todayInCity } from "@/domain/common/calendar-day";
import { deadlineGroups, getDeadlineSettings, type TDeadlineCountRow, type TDeadlineQuery } from "./deadlines";

// New civil servants' two-year deadline in figures, for the "Training and development" dashboard
// and the /civil-servants page: how many are due, overdue, done (of which late) and pending,
// overall, per department and per district, within a scope.

type TNamed = { id: string; name: string; nameHant: string | null; nameEn: string | null };

/** Each group's counts with its name; a district of null is the city-level organisations. */
export async function namedDeadlineGroups(q: TDeadlineQuery) {
  const groups = await deadlineGroups(q);
  const [departments, districts] = await Promise.all([
    prisma.organization.findMany({ where: { id: { in: groups.byDepartment.map((g) => g.key) } }, select: namedSelect }),
    prisma.region.findMany({ where: { id: { in: groups.byDistrict.flatMap((g) => (g.key ? [g.key] : [])) } }, select: namedSelect }),
  ]);
  const dept = new Map(departments.map((d) => [d.id, d]));
  const dist = new Map(districts.map((d) => [d.id, d]));
  return {
    total: groups.total,
    byDepartment: groups.byDepartment.map(({ key, ...c }) => ({ department: dept.get(key) ?? ({ id: key, name: key, nameHant: null, nameEn: null } satisfies TNamed), ...c })),
    byDistrict: groups.byDistrict.map(({ key, ...c }) => ({ district: key ? (dist.get(key) ?? null) : null, ...c })),
  };
}

export type TCivilServantDeadlineSummary = Awaited<ReturnType<typeof namedDeadlineGroups>> & {
  /** The settings the figures were computed with (the card states them). */
  years: number;
  dueDays: number;
  includesPublicInstitutions: boolean;
  planStart: Date;
};
export type { TDeadlineCountRow };

/**
 * The deadline figures for a dashboard scope (TTrainingStatsScope of src/server/trainings/stats.ts):
 * counts {due, overdue, done, doneLate, pending, total} overall, by department and by district.
 * The caller has checked the reader's permission and derived the scope from it.
 */
export async function civilServantDeadlineSummary(scope: TTrainingStatsScope, today = todayInCity()): Promise<TCivilServantDeadlineSummary> {
  const settings = await getDeadlineSettings();
  const groups = await namedDeadlineGroups({ scope, settings, today });
  return {
    ...groups,
    years: settings.civilServantDeadlineYears,
    dueDays: settings.civilServantDueDays,
    includesPublicInstitutions: settings.civilServantDeadlineIncludesPublicInstitutions,
    planStart: settings.planStart,
  };
}
