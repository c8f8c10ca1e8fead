// The client's address, as the portal's own HTTP server saw it (scripts/portal-server.ts).
//
// `next start` fills X-Forwarded-For from the socket only when the client sent none, and the App
// Router exposes no peer address, so without a proxy the client would choose its own address and
// walk around every per-IP limit (issue 10, hole 4). The portal's server therefore writes the
// socket's address into a private header and removes any copy a client sent; the application
// reads that header. X-Forwarded-For is believed only behind TRUST_PROXY_HOPS trusted proxies.

/** The private header; a client's own copy is removed before Next.js sees the request. */
export const PEER_HEADER = "x-portal-peer-address";

/** Set by the portal's server in its process: without it the header may come from a client. */
const STAMPED = Symbol.for("portal.peer-address-stamped");

export function markPeerAddressStamped(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}

export function isPeerAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** `::ffff:203.0.113.7` (an IPv4 peer on a dual-stack socket) → `203.0.113.7`. */
export function normalisePeerAddress(address: string | null | undefined): string | null {
  const a = address?.trim();
  if (!a) return null;
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/** Removes any client-sent copy of the private header and writes the socket's address into it. */
export function stampPeerAddress(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined): void {
  delete headers[PEER_HEADER];
  const peer = normalisePeerAddress(remoteAddress);
  if (peer) headers[PEER_HEADER] = peer;
}

/**
 * The client address for audit and rate limits.
 * - hops = 0 (no proxy in front): the socket's address; X-Forwarded-For is the client's claim and ignored.
 * - hops = N: each trusted proxy appends the address it received from, so the entry N from the
 *   right is the client as the outermost proxy saw it. A chain shorter than N did not come through
 *   all the proxies: the socket's address is used.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, hops: number): string | null {
  if (hops <= 0) return normalisePeerAddress(peer);
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length >= hops) return normalisePeerAddress(chain[chain.length - hops]);
  return normalisePeerAddress(peer);
}
