import "server-only";
import pg from "pg";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { deliver } from "@/server/notifications/mailer";
import { todayInCity, utcDay } from "@/domain/common/calendar-day";
import { runDataTasks } from "./data-tasks";
import { sendRegistrationReminders } from "./reminders";
import { sendSupervisionReminders } from "@/server/supervision/reminders";
import { closeDueCalls } from "@/server/service-calls/close";
import { noticeAllShortfalls } from "@/server/contracts/staffing";
import { finaliseExpiredWindows } from "@/server/evaluation-outcome/final";

// Time-driven upkeep of the register: counting periods start or end without anyone touching a
// record, registrations come due (reminders), supervision sessions wait too long for confirmation, and one-off data tasks asked for by a migration
// run once. Runs on server start and hourly (src/instrumentation.ts); several instances may run
// it, a PostgreSQL advisory lock lets only one work at a time, and every step is idempotent.
// Certificates no longer expire (migration 20261206063940_qualification_model): nothing here
// changes a credential.

const DAY = 86_400_000;
/** Arbitrary, fixed: the advisory-lock key of this job ("cred" in ASCII, kept from before). */
const LOCK_KEY = 0x63726564;
/** Recompute window: boundaries this many days back are caught even after a missed run. */
const WINDOW_DAYS = 7;

export type TMaintenanceResult = { ran: boolean; recomputed: number; reminders: number; dataTasks: number };

/**
 * Everyone whose derived facts could have changed with the calendar since about a week ago:
 * a counting period starting or ending (status changes dated ahead), or a verified credential
 * issued in the window (level and G1 flags can change while the person keeps counting).
 */
export async function recomputeTimeDependent(today = new Date()): Promise<number> {
  const now = utcDay(today);
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const until = new Date(now.getTime() + DAY);
  const rows = await prisma.practitioner.findMany({
    where: {
      OR: [
        { qualifiedPeriods: { some: { OR: [{ from: { gte: since, lte: until } }, { to: { gte: since, lte: until } }] } } },
        { credentials: { some: { status: "VERIFIED", issueDate: { gte: since, lte: until } } } },
        // Stored facts that disagree with the calendar (e.g. after downtime longer than the window).
        { isQualified: true, qualifiedPeriods: { none: { from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] } } },
        { isQualified: false, qualifiedPeriods: { some: { from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] } } },
      ],
    },
    select: { id: true },
  });
  for (const { id } of rows) await prisma.$transaction((tx) => recomputePractitioner(tx, id, today));
  return rows.length;
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

/**
 * One maintenance pass: pending data tasks, then reminders; with `recompute`, also the
 * calendar-driven recompute. `today` is the city's calendar day.
 */
export async function runMaintenance(options: { today?: Date; recompute?: boolean } = {}): Promise<TMaintenanceResult> {
  const today = options.today ?? new Date();
  const result = await withMaintenanceLock(async () => {
    const dataTasks = await runDataTasks(today);
    const recomputed = options.recompute ? await recomputeTimeDependent(today) : 0;
    const { notifications, emails } = await sendRegistrationReminders(today);
    // Supervision sessions waiting for confirmation: counted from when they were logged (an instant).
    const supervision = await sendSupervisionReminders(today);
    // Calls for proposals past their deadline close, and their proposals' eligibility is checked again.
    await closeDueCalls(today);
    // Contracts whose named staff fell short with the calendar (a registration lapsed): told once per shortfall.
    const shortfalls = await noticeAllShortfalls(todayInCity(today));
    // Published evaluations whose appeal window ended without an appeal become FINAL, with their flow-ons.
    await finaliseExpiredWindows(todayInCity(today));
    for (const id of [...emails, ...supervision.emails, ...shortfalls.emails]) await deliver(id);
    return { ran: true, recomputed, reminders: notifications + supervision.notifications + shortfalls.notifications, dataTasks };
  });
  return result ?? { ran: false, recomputed: 0, reminders: 0, dataTasks: 0 };
}
