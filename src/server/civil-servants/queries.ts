import "server-only";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import type { TCurrentUser } from "@/server/auth/session";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TDeadlineListFilter } from "@/domain/civil-servants/list-filter";
import { toPage } from "@/lib/pagination";
import { deadlineCount, deadlinePage, deadlineScopeOf, getDeadlineSettings, type TDeadlineQuery, type TDeadlineRow } from "./deadlines";
import { namedDeadlineGroups } from "./summary";

// The /civil-servants page: the list of people under the two-year rule in the caller's scope
// (civilServants.read), its filters' choices and the summary tables.

export const DEADLINE_PAGE_SIZE = 20;

async function queryFor(user: TCurrentUser, today = todayInCity()): Promise<TDeadlineQuery | null> {
  const scope = deadlineScopeOf(user);
  return scope ? { scope, settings: await getDeadlineSettings(), today } : null;
}

/** The rows with the names of their department, employer and district. */
async function withNames(rows: TDeadlineRow[]) {
  const orgIds = [...new Set(rows.flatMap((r) => [r.departmentId, r.employerId]))];
  const districtIds = [...new Set(rows.flatMap((r) => (r.district ? [r.district] : [])))];
  const [orgs, districts] = await Promise.all([
    orgIds.length ? prisma.organization.findMany({ where: { id: { in: orgIds } }, select: namedSelect }) : Promise.resolve([]),
    districtIds.length ? prisma.region.findMany({ where: { id: { in: districtIds } }, select: namedSelect }) : Promise.resolve([]),
  ]);
  const org = new Map(orgs.map((o) => [o.id, o]));
  const dist = new Map(districts.map((d) => [d.id, d]));
  return rows.map((r) => ({ ...r, department: org.get(r.departmentId)!, employer: r.employerId === r.departmentId ? null : (org.get(r.employerId) ?? null), districtName: r.district ? (dist.get(r.district) ?? null) : null }));
}
export type TDeadlineListRow = Awaited<ReturnType<typeof withNames>>[number];

export async function listDeadlines(user: TCurrentUser, f: TDeadlineListFilter, today = todayInCity()) {
  const q = await queryFor(user, today);
  if (!q) return toPage<TDeadlineListRow>([], 0, 1, DEADLINE_PAGE_SIZE);
  const [rows, total] = await Promise.all([deadlinePage(q, f, (f.page - 1) * DEADLINE_PAGE_SIZE, DEADLINE_PAGE_SIZE), deadlineCount(q, f)]);
  return toPage(await withNames(rows), total, f.page, DEADLINE_PAGE_SIZE);
}

/** The export's rows: the list's filter, all pages, in the list's order. */
export function deadlinesForExport(user: TCurrentUser, f: TDeadlineListFilter) {
  const q = queryFor(user);
  return {
    count: async () => {
      const query = await q;
      return query ? deadlineCount(query, f) : 0;
    },
    page: async (skip: number, take: number) => {
      const query = await q;
      return query ? withNames(await deadlinePage(query, f, skip, take)) : [];
    },
  };
}

/** The summary tables (per department and per district) of the caller's scope, with the settings. */
export async function deadlineSummaryFor(user: TCurrentUser, today = todayInCity()) {
  const q = await queryFor(user, today);
  if (!q) return null;
  return { ...(await namedDeadlineGroups(q)), settings: q.settings };
}
export type TDeadlineSummaryView = NonNullable<Awaited<ReturnType<typeof deadlineSummaryFor>>>;
