import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "@/lib/loopback";

describe("isLoopbackAddress", () => {
  it("is true for the machine itself, in each way an address is written", () => {
    for (const a of ["::1", "127.0.0.1", "::ffff:127.0.0.1", "127.0.1.1", " ::1 ", "0:0:0:0:0:0:0:1"]) expect(isLoopbackAddress(a), a).toBe(true);
  });
  it("is false for other addresses and for none", () => {
    for (const a of ["203.0.113.7", "::ffff:203.0.113.7", "10.0.0.1", "::2", "1270.0.0.1", "fe80::1", "", null, undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});
