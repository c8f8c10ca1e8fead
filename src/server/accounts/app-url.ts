import "server-only";
import { env } from "@/env";

/**
 * Base URL for links in e-mails and QR codes: APP_URL when configured, else the address `npm start`
 * started the portal on (PORTAL_URL), else http://localhost:3000. Never a request header: a
 * client chooses its Host and X-Forwarded-Host, and a link built from them would send a password
 * link's recipient to the client's site (issue 10, hole 8).
 */
export async function appUrl(): Promise<string> {
  return (env.APP_URL ?? env.PORTAL_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
