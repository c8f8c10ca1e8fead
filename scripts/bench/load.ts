// Load test for the register list, the growth, training and purchased-services dashboards and "My profile": 20 concurrent
// connections, signed in as the city administrator (and, for the dashboard, also a district
// officer; for "My profile", bench-worker@demo.local, a generated practitioner with a
// continuing-education ledger), printing p50 / p95 / p99 latency and requests per second. Run
// against a production build (`next start`) on a database loaded by generate-practitioners.ts:
//
//   npx tsx scripts/bench/load.ts [baseUrl=http://127.0.0.1:3114] [seconds=20]
//
// The first case is the baseline page (/baseline: the portal's shell and the session check,
// nothing else); every case's req/s is also printed as a ratio to it, measured in the same run,
// so runs on different (or busy) machines compare. ONLY=<text> runs the cases whose name contains
// it, and always the baseline. p95 is computed from every response time (autocannon's own summary
// stops at p90 / p97.5).
import { createRequire } from "node:module";

type TAutocannonResult = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number; duration: number };
type TInstance = { on(event: "response", fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
type TAutocannon = ((opts: Record<string, unknown>, cb: (err: Error | null, result: TAutocannonResult) => void) => TInstance) & { track?: unknown };
const autocannon = createRequire(import.meta.url)("autocannon") as TAutocannon;

const BASE = process.argv[2] ?? "http://127.0.0.1:3114";
const SECONDS = Number(process.argv[3] ?? 20);
const CONNECTIONS = 20;
const PASSWORD = "demo-password-2026";

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through Auth.js's own endpoints (CSRF token, then the credentials callback). */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/` }),
  });
  cookiesFrom(res, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookieHeader(jar);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One case; `baselineRps`: the baseline's req/s in this run (null: this is the baseline). */
async function run(name: string, path: string, cookie: string, seconds: number, baselineRps: number | null, quiet = false) {
  const check = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`${path}: status ${check.status} (not signed in, or the page is missing)`);
  const times: number[] = [];
  const result = await new Promise<TAutocannonResult>((resolve, reject) => {
    const inst = autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: seconds, headers: { cookie } }, (err, res) => (err ? reject(err) : resolve(res)));
    inst.on("response", (_c, _s, _b, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const row = {
    name,
    path,
    requests: result.requests.total,
    rps: Math.round((times.length / result.duration) * 10) / 10,
    p50: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    p99: Math.round(percentile(times, 99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  const ratio = baselineRps === null ? 1 : row.rps / baselineRps;
  if (!quiet) console.log(`| ${row.name} | \`${row.path}\` | ${row.requests} | ${row.rps} | ${ratio.toFixed(2)} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.non2xx} | ${row.errors} |`);
  return row;
}

const CITY = "city@demo.local";
const DISTRICT = "district@demo.local";
const DEPARTMENT = "dept@demo.local";
/** Created by generate-practitioners.ts: a generated practitioner with about 20 ledger entries. */
const BENCH_WORKER = "bench-worker@demo.local";

async function main() {
  // [case, path, who]: the baseline first, every later case is reported as a ratio to it.
  const targets: [string, string, string][] = [
    ["baseline: portal shell + session check (city admin)", "/baseline", CITY],
    ["home page (city admin)", "/", CITY],
    ["register list: first page (city admin)", "/practitioners", CITY],
    ["register list: search 张 (city admin)", "/practitioners?q=%E5%BC%A0", CITY],
    ["register list: filter + search + page (city admin)", "/practitioners?q=%E5%BC%A0&counts=yes&page=3", CITY],
    ["register list: deep page, no search (city admin)", "/practitioners?status=ACTIVE&page=400", CITY],
    ["growth dashboard (city admin)", "/dashboard/growth", CITY],
    ["growth dashboard (district officer)", "/dashboard/growth", DISTRICT],
    ["my profile with a ledger (practitioner)", "/me", BENCH_WORKER],
    // Issue 12: needs generate-training.ts on top of generate-practitioners.ts.
    ["training dashboard (city admin)", "/dashboard/training", CITY],
    ["training dashboard (district officer)", "/dashboard/training", DISTRICT],
    // Issue 13: needs generate-services.ts (5,000 contracts, 50,000 milestones).
    ["purchased-services dashboard (city admin)", "/dashboard/services", CITY],
    ["purchased-services dashboard (district officer)", "/dashboard/services", DISTRICT],
    ["purchased-services dashboard (department officer)", "/dashboard/services", DEPARTMENT],
  ];
  const only = process.env.ONLY;
  const selected = targets.filter(([n], i) => i === 0 || !only || n.includes(only));
  // Sign in once per account that a selected case needs.
  const cookies = new Map<string, string>();
  for (const email of new Set(selected.map(([, , who]) => who))) {
    try {
      cookies.set(email, await signIn(email));
    } catch (e) {
      if (email === BENCH_WORKER) throw new Error(`${(e as Error).message} (generate-practitioners.ts creates this login)`);
      throw e;
    }
  }
  console.log(`${BASE}, ${CONNECTIONS} connections, ${SECONDS} s each after a 5 s warm-up\n`);
  console.log("| case | path | requests | req/s | × baseline | p50 ms | p95 ms | p99 ms | non-2xx | errors |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  let baselineRps: number | null = null;
  for (const [name, path, who] of selected) {
    const cookie = cookies.get(who)!;
    await run(name, path, cookie, 5, baselineRps, true);
    const row = await run(name, path, cookie, SECONDS, baselineRps);
    baselineRps ??= row.rps;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
