import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { scopeOf } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import { parseIsoDay } from "@/domain/common/calendar-day";

const PAGE_SIZE = 50;

export type TAuditFilter = { actor?: string; entity?: string; action?: string; outcome?: string; from?: string; to?: string; page: number };

function parseDate(value: string | undefined, endOfDay: boolean): Date | null {
  const d = value ? parseIsoDay(value) : null;
  if (!d) return null;
  return endOfDay ? new Date(d.getTime() + 86_400_000) : d;
}

export async function listAuditEvents(user: TCurrentUser, filter: TAuditFilter) {
  if (scopeOf(user.role, "audit.read") !== "city") return toPage([], 0, 1, PAGE_SIZE);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor?.trim()) and.push({ actorEmail: { contains: filter.actor.trim(), mode: "insensitive" } });
  if (filter.entity?.trim()) and.push({ entity: filter.entity.trim() });
  if (filter.action?.trim()) and.push({ action: { startsWith: filter.action.trim() } });
  if (filter.outcome === "SUCCESS" || filter.outcome === "FAILURE" || filter.outcome === "DENIED") and.push({ outcome: filter.outcome });
  const from = parseDate(filter.from, false);
  const to = parseDate(filter.to, true);
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lt: to } });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, at: true, actorEmail: true, actorRole: true, action: true, outcome: true, entity: true, entityId: true, before: true, after: true, ip: true, userAgent: true },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const items = rows.map((r) => ({ ...r, id: r.id.toString() }));
  return toPage(items, total, filter.page, PAGE_SIZE);
}

/** Distinct values for the filter selects. */
export async function auditFacets(user: TCurrentUser) {
  if (scopeOf(user.role, "audit.read") !== "city") return { entities: [], actions: [] };
  const [entities, actions] = await Promise.all([
    prisma.auditEvent.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}

/**
 * Users who hit the hourly limit of full ID-number reveals in the last day (city administrator's
 * home): their refused reveals, newest first, one row per user.
 */
export async function revealAlerts(user: TCurrentUser, now = new Date()) {
  if (scopeOf(user.role, "audit.read") !== "city") return [];
  const rows = await prisma.auditEvent.groupBy({
    by: ["actorEmail"],
    where: { action: "practitioners.revealIdNumber", outcome: "DENIED", at: { gt: new Date(now.getTime() - 86_400_000) } },
    _count: { _all: true },
    _max: { at: true },
  });
  return rows.map((r) => ({ email: r.actorEmail ?? "—", refused: r._count._all, last: r._max.at })).sort((a, b) => (b.last?.getTime() ?? 0) - (a.last?.getTime() ?? 0));
}
