import { afterEach, describe, expect, it, vi } from "vitest";
import { maintenanceTick } from "@/server/maintenance/schedule";

// Unit tests run with DATABASE_URL pointing at port 1: the database is "down". The scheduled
// maintenance must log and carry on, never throw into the server process.

afterEach(() => vi.restoreAllMocks());

describe("scheduled maintenance with the database down", () => {
  it("resolves, logs a warning and does not throw", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(maintenanceTick(new Date("2026-01-01T02:00:00Z"))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith("[maintenance] skipped:", expect.any(String));
    // And again on the next tick (no stuck "running" flag).
    await expect(maintenanceTick(new Date("2026-01-01T03:00:00Z"))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
