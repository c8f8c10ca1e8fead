import "server-only";
import { prisma } from "@/server/db";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { userScope } from "@/server/authz/scope";
import { can } from "@/domain/authz/matrix";
import { isNotificationKind, type TNotificationKind } from "@/domain/notifications/kinds";
import { renderNotification } from "./notify";
import { toPage } from "@/lib/pagination";
import type { TLocale } from "@/lib/locales";

// The notification centre: each user reads and marks only their own notifications.

const PAGE_SIZE = 20;
/** The header's menu lists this many of the latest. */
export const LATEST_LIMIT = 8;

export type TNotificationItem = { id: string; kind: TNotificationKind; title: string; body: string; href: string; readAt: Date | null; createdAt: Date };

function render(locale: TLocale, rows: { id: string; kind: string; params: unknown; href: string; readAt: Date | null; createdAt: Date }[]): TNotificationItem[] {
  return rows.flatMap((r) => {
    if (!isNotificationKind(r.kind)) return [];
    const { title, body } = renderNotification(locale, r.kind, (r.params ?? {}) as Record<string, unknown>);
    return [{ id: r.id, kind: r.kind, title, body, href: r.href, readAt: r.readAt, createdAt: r.createdAt }];
  });
}

const rowSelect = { id: true, kind: true, params: true, href: true, readAt: true, createdAt: true } as const;

/** The header's bell: unread count and the latest few, in the reader's language. */
export async function notificationSummary(user: TCurrentUser, locale: TLocale) {
  if (!can(user, "notifications.read")) return { unread: 0, latest: [] as TNotificationItem[] };
  const where = { user: userScope(user, "notifications.read") };
  const [unread, rows] = await Promise.all([
    prisma.notification.count({ where: { ...where, readAt: null } }),
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LATEST_LIMIT, select: rowSelect }),
  ]);
  return { unread, latest: render(locale, rows) };
}

/** All of the reader's notifications, newest first, a page at a time. */
export async function listNotifications(user: TCurrentUser, locale: TLocale, filter: { unread: boolean; page: number }) {
  const where = { user: userScope(user, "notifications.read"), ...(filter.unread ? { readAt: null } : {}) };
  const [total, rows] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: rowSelect }),
  ]);
  return toPage(render(locale, rows), total, filter.page, PAGE_SIZE);
}

/** Marks one of the caller's notifications read and returns where it leads (null: not theirs or gone). */
export async function openNotification(id: string): Promise<string | null> {
  const user = await authorize("notifications.read");
  const row = await prisma.notification.findFirst({ where: { id, user: userScope(user, "notifications.read") }, select: { id: true, href: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await prisma.notification.update({ where: { id: row.id }, data: { readAt: new Date() } });
  return row.href;
}

export async function markAllRead(): Promise<number> {
  const user = await authorize("notifications.read");
  const res = await prisma.notification.updateMany({ where: { user: userScope(user, "notifications.read"), readAt: null }, data: { readAt: new Date() } });
  return res.count;
}
