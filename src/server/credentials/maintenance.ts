import "server-only";
import pg from "pg";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { recordAudit } from "@/server/audit/record";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { utcDay } from "@/domain/common/calendar-day";

// Time-driven upkeep of the register: certificates lapse and counting periods start or end
// without anyone touching a record. Runs on server start and hourly (src/instrumentation.ts);
// several instances may run it, a PostgreSQL advisory lock lets only one work at a time.

const DAY = 86_400_000;
/** Arbitrary, fixed: the advisory-lock key of this job ("cred" "mnt"). */
const LOCK_KEY = 0x63726564;
/** Recompute window: boundaries this many days back are caught even after a missed run. */
const WINDOW_DAYS = 7;

export type TMaintenanceResult = { ran: boolean; expired: number; recomputed: number };

/** VERIFIED credentials whose last valid day is before `today` become EXPIRED, with an event by the system. */
export async function expireCredentials(today = new Date()): Promise<{ expired: number; practitionerIds: string[] }> {
  const cutoff = utcDay(today);
  const due = await prisma.credential.findMany({
    where: { status: "VERIFIED", validUntil: { lt: cutoff } },
    select: { id: true, practitionerId: true, version: true, validUntil: true },
    orderBy: { validUntil: "asc" },
    take: 5000,
  });
  let expired = 0;
  const touched = new Set<string>();
  for (const c of due) {
    const done = await prisma.$transaction(async (tx) => {
      const res = await tx.credential.updateMany({ where: { id: c.id, status: "VERIFIED", version: c.version }, data: { status: "EXPIRED", version: { increment: 1 } } });
      if (res.count !== 1) return false; // changed meanwhile (revoked, renewed): leave it
      await tx.credentialEvent.create({ data: { credentialId: c.id, fromStatus: "VERIFIED", toStatus: "EXPIRED", reason: null, actorId: null, actorName: null } });
      await recomputePractitioner(tx, c.practitionerId, today);
      await recordAudit(tx, {
        actor: null,
        action: "credentials.expire",
        entity: "Credential",
        entityId: c.id,
        before: { status: "VERIFIED" },
        after: { status: "EXPIRED", validUntil: c.validUntil },
        meta: { ip: null, userAgent: "system:maintenance" },
      });
      return true;
    });
    if (done) {
      expired++;
      touched.add(c.practitionerId);
    }
  }
  return { expired, practitionerIds: [...touched] };
}

/**
 * Everyone whose derived facts could have changed with the calendar since about a week ago:
 * a counting period starting or ending, or a verified credential becoming valid or lapsing
 * (level and G1 flags can change while the person keeps counting).
 */
export async function recomputeTimeDependent(today = new Date(), skip: Set<string> = new Set()): Promise<number> {
  const now = utcDay(today);
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const until = new Date(now.getTime() + DAY);
  const rows = await prisma.practitioner.findMany({
    where: {
      OR: [
        { qualifiedPeriods: { some: { OR: [{ from: { gte: since, lte: until } }, { to: { gte: since, lte: until } }] } } },
        { credentials: { some: { status: { in: ["VERIFIED", "EXPIRED"] }, OR: [{ issueDate: { gte: since, lte: until } }, { validUntil: { gte: new Date(since.getTime() - DAY), lte: until } }] } } },
        // Stored facts that disagree with the calendar (e.g. after downtime longer than the window).
        { isQualified: true, qualifiedPeriods: { none: { from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] } } },
        { isQualified: false, qualifiedPeriods: { some: { from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] } } },
      ],
    },
    select: { id: true },
  });
  let n = 0;
  for (const { id } of rows) {
    if (skip.has(id)) continue;
    await prisma.$transaction((tx) => recomputePractitioner(tx, id, today));
    n++;
  }
  return n;
}

/** Runs `job` only if no other instance holds the maintenance lock; returns null when skipped. */
export async function withMaintenanceLock<T>(job: () => Promise<T>): Promise<T | null> {
  // A session-level lock needs one connection held for the whole run: a dedicated client, not the pool.
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 10_000 });
  // A connection lost mid-run surfaces as an 'error' event; unhandled, it would end the process.
  client.on("error", (error) => console.warn("[maintenance] lock connection lost:", error.message));
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!rows[0]?.ok) return null;
    try {
      return await job();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** One maintenance pass: expire lapsed certificates; with `recompute`, also the calendar-driven recompute. */
export async function runMaintenance(options: { today?: Date; recompute?: boolean } = {}): Promise<TMaintenanceResult> {
  const today = options.today ?? new Date();
  const result = await withMaintenanceLock(async () => {
    const { expired, practitionerIds } = await expireCredentials(today);
    const recomputed = options.recompute ? await recomputeTimeDependent(today, new Set(practitionerIds)) : 0;
    return { ran: true, expired, recomputed };
  });
  return result ?? { ran: false, expired: 0, recomputed: 0 };
}
