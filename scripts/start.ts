// `npm start`: one command from a fresh clone to a running portal.
//   embedded PostgreSQL (unless DATABASE_URL is set) → migrations → demo seed (unless
//   SEED_DEMO=false) → production build when missing or stale → the portal's server
//   (scripts/portal-server.ts: Next.js in production mode) → banner.
// `npm run dev` (--dev) runs the portal's server in development mode instead of build + start.
//
// Environment (.env.local and .env are read too):
//   PORT=3000  HOST (optional: the address to listen on; all interfaces when unset)  DATABASE_URL (use it, start no database)
//   EMBEDDED_PG_PORT=54329  EMBEDDED_PG_DIR=.data/postgres
//   SEED_DEMO (default: true with the embedded database, false with DATABASE_URL)
//   AUTH_SECRET (generated once into .data/auth-secret when absent)
//   ID_ENCRYPTION_KEY (generated once into .data/id-encryption-key when absent)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { ensureProductionBuild } from "./lib/build";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/migrations";
import { spawnNext, waitForHealth, type NextServer } from "./lib/next-server";
import { demoSeedDecision } from "./lib/demo-seed";

const root = path.resolve(import.meta.dirname, "..");
dotenv.config({ path: [path.join(root, ".env.local"), path.join(root, ".env")], quiet: true });

const DEMO_PASSWORD = "demo-password-2026";
const DEMO_ACCOUNTS: [string, string][] = [
  ["city@demo.local", "CITY_ADMIN"],
  ["district@demo.local", "DISTRICT_OFFICER"],
  ["dept@demo.local", "DEPARTMENT_OFFICER"],
  ["agency@demo.local", "AGENCY_ADMIN"],
  ["worker@demo.local", "PRACTITIONER"],
  ["evaluator@demo.local", "EVALUATOR"],
  ["training@demo.local", "TRAINING_PROVIDER"],
  ["expert@demo.local", "EXPERT"],
];

const dev = process.argv.includes("--dev");
const config = {
  port: intEnv("PORT", 3000),
  host: process.env.HOST || undefined,
  pgPort: intEnv("EMBEDDED_PG_PORT", 54329),
  pgDir: path.resolve(root, process.env.EMBEDDED_PG_DIR || ".data/postgres"),
  externalDatabaseUrl: process.env.DATABASE_URL || undefined,
  demo: demoSeedDecision({ externalDatabase: !!process.env.DATABASE_URL, seedDemoEnv: process.env.SEED_DEMO?.trim() ? boolEnv("SEED_DEMO", false) : undefined }),
};

const dataDir = path.join(root, ".data");
const print = (message: string) => console.log(message);
const timings: { label: string; ms: number; note?: string }[] = [];
const tTotal = performance.now();

let db: EmbeddedPostgres | undefined;
let next: NextServer | undefined;
let shuttingDown = false;
const buildAbort = new AbortController();

async function shutdown(code: number, why: string): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    print(`\n${why}`);
    buildAbort.abort();
    await next?.stop().catch((e: unknown) => console.error(e));
    await db?.stop().catch((e: unknown) => console.error(e));
    print(code === 0 ? "Stopped." : `Stopped (exit ${code}).`);
    process.exit(code);
  }
  return new Promise<never>(() => {}); // a second signal waits for the first shutdown
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, `${signal}: stopping ${next ? "Next.js, then " : ""}${db ? "PostgreSQL" : ""}…`));
}

try {
  await main();
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  await shutdown(1, "Start-up failed; cleaning up.");
}

async function main(): Promise<void> {
  print(`Social work workforce portal: ${dev ? "development" : "production"} start`);
  const authSecret = process.env.AUTH_SECRET || (await loadOrCreateSecret("AUTH_SECRET", "auth-secret"));
  // Encrypts resident ID numbers at rest; the seed needs it too, so it goes into process.env.
  process.env.ID_ENCRYPTION_KEY ||= await loadOrCreateSecret("ID_ENCRYPTION_KEY", "id-encryption-key");

  let databaseUrl: string;
  if (config.externalDatabaseUrl) {
    databaseUrl = config.externalDatabaseUrl;
    print("• DATABASE_URL is set: using that PostgreSQL, starting none.");
  } else {
    const pgLog = await openPostgresLog();
    db = await step("PostgreSQL (embedded)", async () => {
      const started = await startEmbeddedPostgres({
        dataDir: config.pgDir,
        port: config.pgPort,
        database: "swp",
        log: pgLog,
      });
      return started;
    }, (s) => (s.timings.initdbMs !== null ? `initdb ${seconds(s.timings.initdbMs)}, start ${seconds(s.timings.startMs)}` : `start ${seconds(s.timings.startMs)}`));
    const started = db;
    void started.exited.then(({ code, signal }) => {
      if (!shuttingDown) void shutdown(1, `PostgreSQL exited unexpectedly (code ${code}, signal ${signal}); see .data/postgres.log.`);
    });
    databaseUrl = started.url;
  }

  await step("Migrations", () => migrateDeploy(databaseUrl, { log: (m) => print(`    ${m}`) }), (r) =>
    r.applied.length ? `applied ${r.applied.length}: ${r.applied.join(", ")}` : "none pending",
  );

  if (config.demo.seed) {
    await step("Demo data", async () => {
      // Loaded only when needed: it pulls in the Prisma client.
      const { seedDemo } = await import("../prisma/seed");
      return seedDemo(databaseUrl);
    }, (r) => (r.seeded ? "seeded" : "database not empty, left as is"));
  } else if (config.demo.why === "externalDatabase") {
    print("• DATABASE_URL is set: no demo data (SEED_DEMO=true would seed it into an empty database).");
  } else {
    print("• SEED_DEMO=false: no demo data.");
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ID_ENCRYPTION_KEY: process.env.ID_ENCRYPTION_KEY,
    AUTH_TRUST_HOST: "true",
    NODE_ENV: dev ? "development" : "production",
    // Links in e-mails and QR codes use APP_URL when set, else this address (never a request header).
    PORTAL_URL: `http://${config.host && config.host !== "0.0.0.0" ? config.host : "localhost"}:${config.port}`,
  };

  if (!dev) {
    await step("Production build", () => ensureProductionBuild(root, { env, log: (m) => print(`    ${m}`), signal: buildAbort.signal }), (r) =>
      r.built ? "built" : `skipped, ${r.reason}`,
    );
  }
  if (shuttingDown) return;

  const server = spawnNext(root, dev ? "dev" : "start", { port: config.port, hostname: config.host, env });
  next = server;
  void server.exited.then(({ code, signal }) => {
    if (!shuttingDown) void shutdown(code ? code : 1, `Next.js exited unexpectedly (code ${code}, signal ${signal}).`);
  });
  const healthHost = !config.host || config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  await step(dev ? "portal server (development)" : "portal server", () =>
    waitForHealth(`http://${healthHost.includes(":") ? `[${healthHost}]` : healthHost}:${config.port}/api/health`, server, dev ? 180_000 : 60_000),
  );
  printBanner();
}

async function step<T>(label: string, run: () => Promise<T>, describe?: (result: T) => string): Promise<T> {
  print(`• ${label}…`);
  const t = performance.now();
  const result = await run();
  const ms = performance.now() - t;
  const note = describe?.(result);
  timings.push({ label, ms, note });
  print(`✓ ${label}: ${seconds(ms)}${note ? ` (${note})` : ""}`);
  return result;
}

function printBanner(): void {
  const line = "─".repeat(66);
  const out = ["", line, `  The portal is running: http://localhost:${config.port}`];
  if (config.demo.seed) {
    out.push("", `  Demo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const [email, role] of DEMO_ACCOUNTS) out.push(`    ${email.padEnd(24)}${role}`);
  }
  out.push(
    "",
    db
      ? `  Database: embedded PostgreSQL on 127.0.0.1:${config.pgPort}, data in ${path.relative(root, config.pgDir) || config.pgDir}`
      : "  Database: DATABASE_URL",
    `  Start-up: ${timings.map((t) => `${t.label} ${seconds(t.ms)}`).join(", ")}; total ${seconds(performance.now() - tTotal)}`,
    "  Stop with Ctrl-C.",
    line,
    "",
  );
  print(out.join("\n"));
}

async function loadOrCreateSecret(name: string, fileName: string): Promise<string> {
  const file = path.join(dataDir, fileName);
  await fsp.mkdir(dataDir, { recursive: true });
  try {
    await fsp.writeFile(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    print(`• ${name} not set: generated one into .data/${fileName} (kept for later starts; back it up with the database).`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = (await fsp.readFile(file, "utf8")).trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to generate a new one.`);
  return secret;
}

/** Everything PostgreSQL says goes to .data/postgres.log; the console gets our own notes and fatal errors. */
async function openPostgresLog(): Promise<(message: string) => void> {
  await fsp.mkdir(dataDir, { recursive: true });
  const stream = fs.createWriteStream(path.join(dataDir, "postgres.log"), { flags: "a" });
  return (message) => {
    stream.write(message.endsWith("\n") ? message : `${message}\n`);
    const fromServer = message.startsWith("[postgres]") || message.startsWith("[initdb]");
    if (!fromServer) print(`    ${message}`);
    else if (/\b(FATAL|PANIC):/.test(message)) print(`    ${message}`);
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65_535) {
    console.error(`${name}=${raw} is not a port number.`);
    process.exit(1);
  }
  return value;
}

function boolEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["false", "0", "no", "off"].includes(raw)) return false;
  if (["true", "1", "yes", "on"].includes(raw)) return true;
  console.error(`${name}=${process.env[name]} is neither true nor false.`);
  process.exit(1);
}
