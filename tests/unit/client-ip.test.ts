import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const { clientIp } = await import("@/server/request-meta");

describe("client address from X-Forwarded-For", () => {
  it("takes the entry appended by our own proxy, not the client's claim", () => {
    // Client claims 1.1.1.1; nginx appends the real peer 203.0.113.7.
    expect(clientIp("1.1.1.1, 203.0.113.7", null, 1)).toBe("203.0.113.7");
    expect(clientIp("1.1.1.1, 203.0.113.7, 10.0.0.2", null, 2)).toBe("203.0.113.7");
  });

  it("uses the only entry when there is one (Next.js fills it from the socket)", () => {
    expect(clientIp("203.0.113.7", null, 1)).toBe("203.0.113.7");
    expect(clientIp(" 203.0.113.7 ", null, 3)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(clientIp(null, "198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientIp("", "", 1)).toBeNull();
  });
});
