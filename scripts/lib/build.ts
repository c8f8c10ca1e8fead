// Decides whether the production bundle in .next/ matches the sources, and rebuilds it if not.
// Shared by scripts/start.ts (npm start) and scripts/e2e.ts.
//
// Staleness is a content hash, not mtimes: a fresh clone or `git checkout` touches every mtime
// without changing anything, and an edit reverted by hand changes an mtime but not the bundle.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";

/** The bundle's folder: next.config.ts reads the same variable (a second checkout of the work can build beside the first). */
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
/** Written into the bundle's folder only after a successful `next build`. */
export const BUILD_STAMP = path.join(DIST_DIR, "swp-build-inputs.json");

const INPUT_DIRS = ["src", "messages", "public"];
const INPUT_FILES = ["prisma/schema.prisma", "package-lock.json", "tsconfig.json"];
const INPUT_ROOT_PATTERNS = [/^next\.config\.[cm]?[jt]s$/, /^postcss\.config\.[cm]?[jt]s$/];
/** Generated from inputs already hashed (schema.prisma, package-lock.json), or not part of the bundle. */
const SKIP_DIRS = new Set(["src/generated"]);
const SKIP_FILES = /\.(test|spec)\.[cm]?[jt]sx?$/;

interface BuildStamp {
  hash: string;
  files: number;
  builtAt: string;
  buildMs: number;
}

/** Hash of everything that goes into the production bundle. */
export async function buildInputsHash(root: string): Promise<{ hash: string; files: number }> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    if (SKIP_DIRS.has(rel)) return;
    const entries = await fsp.readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && !SKIP_FILES.test(entry.name) && entry.name !== ".DS_Store") files.push(child);
    }
  };
  for (const dir of INPUT_DIRS) await walk(dir);
  for (const file of INPUT_FILES) if (fs.existsSync(path.join(root, file))) files.push(file);
  for (const name of await fsp.readdir(root)) {
    if (INPUT_ROOT_PATTERNS.some((p) => p.test(name))) files.push(name);
  }
  files.sort();

  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0");
    hash.update(await fsp.readFile(path.join(root, file))).update("\0");
  }
  return { hash: hash.digest("hex"), files: files.length };
}

export async function buildStatus(root: string): Promise<{ stale: boolean; reason: string; hash: string; files: number }> {
  const current = await buildInputsHash(root);
  if (!fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) return { stale: true, reason: "no production build yet", ...current };
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(await fsp.readFile(path.join(root, BUILD_STAMP), "utf8")) as BuildStamp;
  } catch {
    return { stale: true, reason: "the existing build has no record of its sources", ...current };
  }
  if (stamp.hash !== current.hash) return { stale: true, reason: `sources changed since the build of ${stamp.builtAt}`, ...current };
  return { stale: false, reason: `up to date (built ${stamp.builtAt})`, ...current };
}

export interface EnsureBuildOptions {
  /** Environment for `next build` (src/env.ts validates it at build time too). */
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** Rebuild even when the stamp matches. */
  force?: boolean;
  /** Aborting stops `next build` (SIGTERM), e.g. on Ctrl-C. */
  signal?: AbortSignal;
}

/** Runs `next build` when the bundle is missing or stale. */
export async function ensureProductionBuild(
  root: string,
  opts: EnsureBuildOptions,
): Promise<{ built: boolean; reason: string; ms: number }> {
  const log = opts.log ?? (() => {});
  const status = await buildStatus(root);
  if (!status.stale && !opts.force) return { built: false, reason: status.reason, ms: 0 };

  const reason = opts.force ? "rebuild requested" : status.reason;
  log(`building the production bundle: ${reason}`);
  await fsp.rm(path.join(root, BUILD_STAMP), { force: true }); // a failed build must not look fresh
  const t = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...opts.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      signal: opts.signal,
    });
    child.on("error", (error) => (opts.signal?.aborted ? resolve(130) : reject(error)));
    child.on("exit", (c, signal) => resolve(signal ? 128 : c));
  });
  const ms = performance.now() - t;
  if (opts.signal?.aborted) throw new Error("next build was interrupted");
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);

  const stamp: BuildStamp = { hash: status.hash, files: status.files, builtAt: new Date().toISOString(), buildMs: Math.round(ms) };
  await fsp.writeFile(path.join(root, BUILD_STAMP), JSON.stringify(stamp, null, 2) + "\n");
  return { built: true, reason, ms };
}
