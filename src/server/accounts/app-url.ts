import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";

/** Base URL for links in e-mails: APP_URL when configured, else the request's own host. */
export async function appUrl(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    const proto = h.get("x-forwarded-proto") ?? "http";
    if (host) return `${proto}://${host}`;
  } catch {
    // outside a request
  }
  return "http://localhost:3000";
}
