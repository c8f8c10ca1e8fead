import "server-only";
import { prisma } from "@/server/db";

// Whether the database holds the demo city: its accounts (…@demo.local, with a published password)
// exist. Every page shows a "demonstration data" banner then (issue 10, hole 2). Asked at most once
// a minute per instance: the answer changes only when an operator removes or seeds the demo.

const TTL_MS = 60_000;
let cached: { at: number; present: boolean } | null = null;

export const DEMO_EMAIL_DOMAIN = "@demo.local";

export async function demoDataPresent(now = Date.now()): Promise<boolean> {
  if (cached && now - cached.at < TTL_MS) return cached.present;
  try {
    const user = await prisma.user.findFirst({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN } }, select: { id: true } });
    cached = { at: now, present: user !== null };
  } catch {
    // A database that cannot answer shows no banner (the page will say what is wrong).
    return false;
  }
  return cached.present;
}

/** For tests: forget the cached answer. */
export function forgetDemoPresence(): void {
  cached = null;
}
