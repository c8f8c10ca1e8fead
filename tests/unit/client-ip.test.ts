import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_HEADER, clientAddress, markPeerAddressStamped, normalisePeerAddress, stampPeerAddress } from "@/lib/peer-address";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const { clientIp } = await import("@/server/request-meta");

// Issue 10, hole 4: without a proxy the client chose its own address with X-Forwarded-For.

describe("the portal's server stamps the socket's address", () => {
  it("replaces a client's own copy of the private header, in any letter case Node gives it", () => {
    const headers: Record<string, string | string[] | undefined> = { [PEER_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" };
    stampPeerAddress(headers, "::ffff:203.0.113.7");
    expect(headers[PEER_HEADER]).toBe("203.0.113.7");
    expect(headers["x-forwarded-for"]).toBe("5.6.7.8"); // left as is, and ignored below
  });

  it("removes the client's copy even when the socket has no address", () => {
    const headers: Record<string, string | string[] | undefined> = { [PEER_HEADER]: "1.2.3.4" };
    stampPeerAddress(headers, undefined);
    expect(headers).toEqual({});
  });

  it("keeps IPv6 addresses and unwraps IPv4-mapped ones", () => {
    expect(normalisePeerAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalisePeerAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normalisePeerAddress(" ")).toBeNull();
  });
});

describe("the client address", () => {
  it("with no proxy (TRUST_PROXY_HOPS=0, the default) is the socket's, whatever X-Forwarded-For claims", () => {
    for (const claim of ["1.1.1.1", "1.1.1.1, 2.2.2.2", "", null]) expect(clientAddress("203.0.113.7", claim, 0)).toBe("203.0.113.7");
  });

  it("behind N trusted proxies is the entry N from the right (what the outermost proxy appended)", () => {
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", "1.1.1.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", " 203.0.113.7 ", 1)).toBe("203.0.113.7");
  });

  it("falls back to the socket when the chain is shorter than the trusted proxies (the request bypassed them)", () => {
    expect(clientAddress("198.51.100.4", "203.0.113.7", 2)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4", null, 1)).toBe("198.51.100.4");
    expect(clientAddress(null, "", 1)).toBeNull();
  });
});

describe("clientIp (what audit and rate limits read)", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("portal.peer-address-stamped")];
  });

  it("reads the stamped header, not the client's X-Forwarded-For", () => {
    markPeerAddressStamped();
    const h = new Headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6" });
    expect(clientIp(h, 0)).toBe("203.0.113.7");
  });

  it("does not believe the private header when the portal's server did not start this process (a client could send it)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(clientIp(new Headers({ [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.7" }), 0)).toBeNull();
    warn.mockRestore();
  });
});
