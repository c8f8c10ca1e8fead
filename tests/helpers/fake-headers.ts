// Test double for next/headers: a fixed request (client IP and user agent) and a cookie jar.
//   vi.mock("next/headers", () => import("../helpers/fake-headers"));
import { PEER_HEADER, markPeerAddressStamped } from "@/lib/peer-address";

markPeerAddressStamped();

export const TEST_IP = "203.0.113.7";
export const TEST_USER_AGENT = "vitest-integration/1.0";

let requestHeaders = new Headers();
const jar = new Map<string, string>();

/**
 * Sets the current request's headers; defaults: client address TEST_IP (written as the portal's
 * server writes the socket's address, src/lib/peer-address.ts), user-agent TEST_USER_AGENT.
 */
export function setRequest(init: { ip?: string | null; userAgent?: string | null; extra?: Record<string, string> } = {}): void {
  requestHeaders = new Headers(init.extra);
  const ip = init.ip === undefined ? TEST_IP : init.ip;
  const ua = init.userAgent === undefined ? TEST_USER_AGENT : init.userAgent;
  if (ip) requestHeaders.set(PEER_HEADER, ip);
  if (ua) requestHeaders.set("user-agent", ua);
  jar.clear();
}
setRequest();

export async function headers(): Promise<Headers> {
  return requestHeaders;
}

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
