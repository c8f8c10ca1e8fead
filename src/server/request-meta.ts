import "server-only";
import { headers } from "next/headers";

export type TRequestMeta = { ip: string | null; userAgent: string | null };

/** Client IP and user agent of the current request; empty outside one (scripts, tests). */
export async function getRequestMeta(): Promise<TRequestMeta> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    const ip = forwarded || h.get("x-real-ip") || null;
    return { ip, userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}
