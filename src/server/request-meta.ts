import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";
import { PEER_HEADER, clientAddress, isPeerAddressStamped } from "@/lib/peer-address";

export type TRequestMeta = { ip: string | null; userAgent: string | null };

let warned = false;

/**
 * The client address for audit and rate limits: the socket's address written by the portal's own
 * server (scripts/portal-server.ts), or, behind TRUST_PROXY_HOPS trusted proxies, the entry of
 * X-Forwarded-For they appended (src/lib/peer-address.ts).
 */
export function clientIp(h: Pick<Headers, "get">, hops = env.TRUST_PROXY_HOPS): string | null {
  const stamped = isPeerAddressStamped();
  if (!stamped && !warned) {
    warned = true;
    console.warn("[request-meta] Next.js was started without the portal's server (npm start / scripts/portal-server.ts): client addresses are unknown, per-IP limits share one bucket.");
  }
  return clientAddress(stamped ? h.get(PEER_HEADER) : null, h.get("x-forwarded-for"), hops);
}

/** Client IP and user agent of the current request; empty outside one (scripts, tests). */
export async function getRequestMeta(): Promise<TRequestMeta> {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}
