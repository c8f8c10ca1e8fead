import "server-only";
import { z } from "zod";

// The only module that reads process.env; validated once, at first import.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded database)"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  ID_ENCRYPTION_KEY: z.string().min(32, "ID_ENCRYPTION_KEY must be at least 32 characters (npm start generates one)"),
  STORAGE_DIR: z.string().default(".data/uploads"),
  SMTP_URL: z.string().optional().transform((v) => (v ? v : undefined)),
  MAIL_FROM: z.string().default("社会工作人才服务平台 <no-reply@portal.local>"),
  APP_URL: z.string().url().optional(),
  /** The portal's own address as `npm start` started it (used for links when APP_URL is unset). */
  PORTAL_URL: z.string().url().optional(),
  /** Trusted reverse proxies in front of the portal that append to X-Forwarded-For; 0 = none, use the socket (src/lib/peer-address.ts). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

function load() {
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${issues}`);
  }
  return parsed.data;
}

export const env = load();
export type TEnv = typeof env;
