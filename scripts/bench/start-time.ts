// Benchmark: how long `npm start` takes until the portal answers /api/health, on a fresh data
// folder (initdb + migrations + demo seed) and on an existing one. The production build is made
// first (and timed once), so both cases measure start-up, not compilation.
//   npx tsx scripts/bench/start-time.ts [runs=3]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const runs = Number(process.argv[2] ?? 3);
const port = 3900;
const pgPort = 55939;

async function waitHealthy(deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function startOnce(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const ok = await waitHealthy(Date.now() + 300_000);
  const ms = performance.now() - t0;
  const exited = new Promise((r) => child.on("exit", r));
  child.kill("SIGTERM");
  await exited;
  if (!ok) throw new Error(`portal did not answer:\n${log}`);
  return ms;
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), "swp-bench-"));
fs.chmodSync(base, 0o755);
try {
  // Warm-up run also makes sure the build is current.
  const warm = await startOnce(path.join(base, "warm"));
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = path.join(base, `fresh-${i}`);
    fresh.push(await startOnce(dir));
    existing.push(await startOnce(dir));
  }
  const f = stats(fresh);
  const e = stats(existing);
  const row = (name: string, s: { min: number; median: number; max: number }) => `| ${name} | ${(s.median / 1000).toFixed(2)} s | ${(s.min / 1000).toFixed(2)} s | ${(s.max / 1000).toFixed(2)} s |`;
  console.log(`first run (may include next build): ${(warm / 1000).toFixed(2)} s`);
  console.log(`| case (${runs} runs) | median | min | max |\n|---|---|---|---|`);
  console.log(row("fresh data folder (initdb, migrations, demo seed)", f));
  console.log(row("existing data folder", e));
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
