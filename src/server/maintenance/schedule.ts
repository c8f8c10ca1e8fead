import "server-only";
import { runMaintenance } from "./jobs";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// Hourly: pending data tasks and registration reminders. Once per calendar day (Asia/Shanghai) per instance:
// also recompute everyone whose derived facts move with the calendar. Failures (database down,
// lock held elsewhere) are logged and retried on the next tick; they never reach the server.

const HOUR = 3_600_000;
let started = false;
let lastRecomputeDay: string | null = null;
let running = false;

export async function maintenanceTick(now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  try {
    const today = todayInCity(now);
    const recompute = lastRecomputeDay !== isoDay(today);
    const result = await runMaintenance({ today, recompute });
    if (result.ran && recompute) lastRecomputeDay = isoDay(today);
    if (result.dataTasks || result.recomputed || result.reminders)
      console.info(`[maintenance] ${result.dataTasks} data task(s), recomputed ${result.recomputed} practitioner(s), ${result.reminders} reminder(s)`);
  } catch (error) {
    console.warn("[maintenance] skipped:", error instanceof Error ? error.message : error);
  } finally {
    running = false;
  }
}

export function startMaintenanceSchedule(): void {
  if (started) return;
  started = true;
  // Soon after start: a migration's data task (recomputing who counts) should not wait long.
  setTimeout(() => void maintenanceTick(), 2_000).unref();
  setInterval(() => void maintenanceTick(), HOUR).unref();
}
