import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { KNOWN_DEVICE_TTL_S } from "@/domain/accounts/session-rules";
import { appUrl } from "@/server/accounts/app-url";

// A browser that has signed in to an account before carries a cookie naming that account, signed
// with a key derived from AUTH_SECRET. Its attempts on that account skip the per-account delay
// (credentials.ts), so someone guessing from elsewhere cannot keep the rightful user out.
// Value: `<userId>.<expires, Unix seconds>.<HMAC-SHA256, base64url>`.

export const KNOWN_DEVICE_COOKIE = "swp.known-device";

const key = () => createHmac("sha256", env.AUTH_SECRET).update("auth.known-device.v1").digest();
const mac = (userId: string, expires: number) => createHmac("sha256", key()).update(`${userId}\n${expires}`).digest("base64url");

export function signKnownDevice(userId: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + KNOWN_DEVICE_TTL_S;
  return `${userId}.${expires}.${mac(userId, expires)}`;
}

/** The account a known-device cookie names, if its signature is ours and it has not expired; else null. */
export function knownDeviceUserId(value: string | null | undefined, now = new Date()): string | null {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{9,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!m) return null;
  const [, userId, expiresText, signature] = m as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  if (expires * 1000 <= now.getTime()) return null;
  const a = Buffer.from(signature);
  const b = Buffer.from(mac(userId, expires));
  return a.length === b.length && timingSafeEqual(a, b) ? userId : null;
}

/** httpOnly, sameSite=lax, secure when the portal is served over https, for KNOWN_DEVICE_TTL_S. */
export async function knownDeviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: (await appUrl()).startsWith("https://"),
    path: "/",
    maxAge: KNOWN_DEVICE_TTL_S,
  };
}
