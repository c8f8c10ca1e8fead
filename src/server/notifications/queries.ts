import "server-only";
import { prisma } from "@/server/db";
import { scopeOf } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { hashToken } from "@/server/accounts/tokens";
import { toPage } from "@/lib/pagination";

const PAGE_SIZE = 20;

/** One-time links the portal e-mails: set or reset a password, amend a returned application. */
const LINK = /(\/set-password\?token=|\/public\/agencies\/apply\/amend\?token=)([A-Za-z0-9_%.~-]+)/g;
export const MASKED_TOKEN = "••••••••";

/**
 * The e-mails' bodies as the outbox shows them: a one-time link that was used or has expired is
 * masked (it can no longer be used, and it need not be read again); a live one stays readable, so
 * the administrator can still pass it on by hand (issue 10, hole 8).
 */
async function maskSpentLinks(bodies: string[], now = new Date()): Promise<string[]> {
  const tokens = new Map<string, string>(); // token → its hash
  for (const body of bodies) for (const m of body.matchAll(LINK)) tokens.set(m[2]!, hashToken(decodeURIComponent(m[2]!)));
  if (tokens.size === 0) return bodies;
  const hashes = [...new Set(tokens.values())];
  const [passwordTokens, applications] = await Promise.all([
    prisma.passwordToken.findMany({ where: { tokenHash: { in: hashes } }, select: { tokenHash: true, usedAt: true, expiresAt: true } }),
    prisma.agencyApplication.findMany({ where: { amendTokenHash: { in: hashes } }, select: { amendTokenHash: true, amendTokenExpiresAt: true } }),
  ]);
  const live = new Set<string>([
    ...passwordTokens.filter((t) => !t.usedAt && t.expiresAt > now).map((t) => t.tokenHash),
    ...applications.filter((a) => a.amendTokenHash && (!a.amendTokenExpiresAt || a.amendTokenExpiresAt > now)).map((a) => a.amendTokenHash!),
  ]);
  return bodies.map((body) => body.replace(LINK, (whole, path: string, token: string) => (live.has(tokens.get(token)!) ? whole : `${path}${MASKED_TOKEN}`)));
}

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
  const bodies = await maskSpentLinks(items.map((i) => i.body));
  return toPage(
    items.map((item, i) => ({ ...item, body: bodies[i]! })),
    total,
    filter.page,
    PAGE_SIZE,
  );
}
