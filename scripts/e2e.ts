// `npm run test:e2e [-- <playwright args>]`: Playwright against a production build.
//   ephemeral embedded PostgreSQL → migrations → demo seed → `next build` if stale →
//   the portal's server (scripts/portal-server.ts, production build) on a free port → /api/health → `playwright test` (with the database's URL and
//   the server's AUTH_SECRET, for the specs' own records and sessions) → stop everything.
// Exit code = Playwright's. Extra arguments go to `playwright test` (e.g. a spec file, --grep).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resolveChromium } from "../playwright.config";
import { ensureProductionBuild } from "./lib/build";
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/migrations";
import { spawnNext, waitForHealth, type NextServer } from "./lib/next-server";

const root = path.resolve(import.meta.dirname, "..");
const print = (m: string) => console.log(`[e2e] ${m}`);
const timings: string[] = [];

let db: EmbeddedPostgres | undefined;
let dataDir: string | undefined;
let next: NextServer | undefined;
let playwright: ChildProcess | undefined;
let cleaningUp: Promise<void> | undefined;
const buildAbort = new AbortController();

const cleanup = () =>
  (cleaningUp ??= (async () => {
    buildAbort.abort();
    if (playwright && playwright.exitCode === null) playwright.kill("SIGTERM");
    await next?.stop().catch((e: unknown) => console.error(e));
    await db?.stop().catch((e: unknown) => console.error(e));
    if (dataDir) await fsp.rm(dataDir, { recursive: true, force: true });
  })());

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    print(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await run();
  const s = ((performance.now() - t) / 1000).toFixed(2);
  timings.push(`${label} ${s} s`);
  print(`✓ ${label} (${s} s)`);
  return result;
}

async function main(): Promise<number> {
  const browser = resolveChromium();
  if (!browser.ok) {
    console.error(`[e2e] ${browser.message}`);
    return 1;
  }
  print(`browser: ${browser.source}`);

  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-e2e-pg-"));
  const [pgPort, appPort] = [await findFreePort(), await findFreePort()];
  const started = await step("PostgreSQL (ephemeral)", () =>
    startEmbeddedPostgres({ dataDir: dataDir!, port: pgPort, database: "swp_e2e", ephemeral: true }),
  );
  db = started;
  await step("migrations", () => migrateDeploy(started.url));
  await step("demo data", async () => {
    // The seed encrypts ID numbers with the same key the server will use.
    process.env.ID_ENCRYPTION_KEY ||= randomBytes(32).toString("base64url");
    const { seedDemo } = await import("../prisma/seed");
    const { seeded } = await seedDemo(started.url);
    if (!seeded) throw new Error("seedDemo did not seed the fresh e2e database");
  });

  const baseURL = `http://localhost:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: started.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ID_ENCRYPTION_KEY: process.env.ID_ENCRYPTION_KEY,
    AUTH_TRUST_HOST: "true",
    APP_URL: baseURL,
    NODE_ENV: "production",
  };
  delete env.SMTP_URL; // never send real mail from tests; the app keeps it in its outbox

  const build = await step("production build", () =>
    ensureProductionBuild(root, { env, log: print, signal: buildAbort.signal }),
  );
  if (!build.built) print(`build ${build.reason}`);

  const server = spawnNext(root, "start", { port: appPort, env });
  next = server;
  await step("portal server", () => waitForHealth(`http://127.0.0.1:${appPort}/api/health`, server, 60_000));
  let serverDied = false;
  void server.exited.then(() => {
    if (!cleaningUp) {
      serverDied = true;
      console.error("[e2e] the portal server exited while the tests were running");
    }
  });

  print(`running Playwright against ${baseURL}`);
  const t = performance.now();
  const code = await new Promise<number>((resolve) => {
    playwright = spawn(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      // The specs build their own records in the test database and mint sessions the way Auth.js
      // does (e2e/fixtures.ts), so they get the database and the server's secret too.
      env: { ...process.env, E2E_BASE_URL: baseURL, E2E_DATABASE_URL: started.url, E2E_AUTH_SECRET: env.AUTH_SECRET, ID_ENCRYPTION_KEY: env.ID_ENCRYPTION_KEY },
    });
    playwright.on("error", (error) => {
      console.error(`[e2e] could not run Playwright: ${error.message}`);
      resolve(1);
    });
    playwright.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  timings.push(`playwright ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return serverDied && code === 0 ? 1 : code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
} finally {
  await cleanup();
}
if (timings.length) print(`timings: ${timings.join(", ")}`);
process.exit(exitCode);
