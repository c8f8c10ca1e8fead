import "server-only";
import { runMaintenance } from "./maintenance";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";

// Hourly: expire lapsed certificates. Once per calendar day (Asia/Shanghai) per instance:
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
    if (result.expired || result.recomputed) console.info(`[maintenance] expired ${result.expired} credential(s), recomputed ${result.recomputed} practitioner(s)`);
  } catch (error) {
    console.warn("[maintenance] skipped:", error instanceof Error ? error.message : error);
  } finally {
    running = false;
  }
}

export function startMaintenanceSchedule(): void {
  if (started) return;
  started = true;
  // A short delay lets the server finish starting (and the database come up with `npm start`).
  setTimeout(() => void maintenanceTick(), 15_000).unref();
  setInterval(() => void maintenanceTick(), HOUR).unref();
}
