import "server-only";
import { prisma } from "@/server/db";
import { scopeOf } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";

const PAGE_SIZE = 20;

export async function listOutbox(user: TCurrentUser, filter: { to?: string; page: number }) {
  if (scopeOf(user.role, "outbox.read") !== "city") return toPage([], 0, 1, PAGE_SIZE);
  const where = filter.to ? { to: { contains: filter.to.trim().toLowerCase(), mode: "insensitive" as const } } : {};
  const [items, total] = await Promise.all([
    prisma.outboxEmail.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, to: true, subject: true, body: true, status: true, createdAt: true, sentAt: true, error: true },
    }),
    prisma.outboxEmail.count({ where }),
  ]);
  return toPage(items, total, filter.page, PAGE_SIZE);
}
