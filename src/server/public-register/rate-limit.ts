import "server-only";
import { prisma } from "@/server/db";

// Rate limits for the public register, counted in PostgreSQL (RateLimitHit) so that every app
// instance sees the same counts. A refused request is not recorded: waiting out the window
// is always enough.

export type TRateLimit = { bucket: string; limit: number; windowMs: number };

export const SINGLE_LOOKUP_LIMIT: TRateLimit = { bucket: "public.verify", limit: 30, windowMs: 5 * 60_000 };
export const BULK_CHECK_LIMIT: TRateLimit = { bucket: "public.verify.bulk", limit: 5, windowMs: 60 * 60_000 };

export type TRateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** One in PRUNE_EVERY hits also deletes this bucket's rows that have left the window. */
const PRUNE_EVERY = 50;

/**
 * Records a hit for `key` (the client IP) unless the limit is already reached in the window.
 * Serialised per bucket and key with a transaction-scoped advisory lock, so concurrent requests
 * cannot all slip under the limit together.
 */
export async function hitRateLimit(rule: TRateLimit, key: string | null, now = new Date()): Promise<TRateLimitResult> {
  const k = (key ?? "unknown").slice(0, 100);
  const since = new Date(now.getTime() - rule.windowMs);
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`${rule.bucket}|${k}`}))::text`;
    const hits = await tx.rateLimitHit.findMany({
      where: { bucket: rule.bucket, key: k, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
      take: rule.limit,
    });
    if (hits.length >= rule.limit) {
      const oldest = hits[0]!.createdAt.getTime();
      return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowMs - now.getTime()) / 1000)) };
    }
    await tx.rateLimitHit.create({ data: { bucket: rule.bucket, key: k, createdAt: now } });
    return { ok: true as const, remaining: rule.limit - hits.length - 1 };
  });
  if (Math.random() * PRUNE_EVERY < 1) await pruneRateLimit(rule, now).catch(() => undefined);
  return result;
}

/** Deletes a bucket's hits older than its window. */
export async function pruneRateLimit(rule: TRateLimit, now = new Date()): Promise<number> {
  const { count } = await prisma.rateLimitHit.deleteMany({ where: { bucket: rule.bucket, createdAt: { lt: new Date(now.getTime() - rule.windowMs) } } });
  return count;
}
