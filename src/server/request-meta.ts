import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";

export type TRequestMeta = { ip: string | null; userAgent: string | null };

/**
 * The client address for audit and rate limits. X-Forwarded-For's left end is whatever the client
 * claims; only entries appended by our own proxies can be trusted, so take the one TRUST_PROXY_HOPS
 * from the right (1 = one reverse proxy in front, the usual deployment; Next.js itself fills the
 * header from the socket when no proxy set it).
 */
export function clientIp(forwardedFor: string | null, realIp: string | null, hops = env.TRUST_PROXY_HOPS): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length > 0) return chain[Math.max(0, chain.length - Math.max(1, hops))] ?? null;
  return realIp?.trim() || null;
}

/** Client IP and user agent of the current request; empty outside one (scripts, tests). */
export async function getRequestMeta(): Promise<TRequestMeta> {
  try {
    const h = await headers();
    return { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}
