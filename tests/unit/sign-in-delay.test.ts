import { describe, expect, it } from "vitest";
import { ACCOUNT_DELAY_MAX_MS, ACCOUNT_FREE_FAILURES, accountDelayMs } from "@/domain/accounts/session-rules";

// Issue 7: an account with many failed sign-ins is slowed down, never locked (src/server/auth/credentials.ts).
describe("accountDelayMs", () => {
  it("is 0 below the free failures, then 1 s, 2 s, 4 s … doubling", () => {
    expect(ACCOUNT_FREE_FAILURES).toBe(5);
    expect([0, 1, 4].map(accountDelayMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 14].map(accountDelayMs)).toEqual([1000, 2000, 4000, 8000, 512_000]);
  });

  it("is capped at 15 minutes, however many failures", () => {
    expect(ACCOUNT_DELAY_MAX_MS).toBe(15 * 60 * 1000);
    expect(accountDelayMs(15)).toBe(ACCOUNT_DELAY_MAX_MS);
    expect(accountDelayMs(1_000_000)).toBe(ACCOUNT_DELAY_MAX_MS);
  });
});
