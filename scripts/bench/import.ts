// Benchmark of the staff import (issue 4): a generated 10,000-row .xlsx uploaded by agency@demo.local
// to a running portal (a production build, `next start`), then started and followed to the end,
// while another user's requests are timed to show the portal still answers meanwhile.
//
//   npx tsx scripts/bench/import.ts [baseUrl=http://localhost:3114] [rows=10000]
//
// Phases: upload + validate (POST /api/staff-import, until the preview exists), queue + run
// (POST …/start, polling …/progress every 250 ms until DONE), and a second import of the same file
// (every row UNCHANGED: the idempotent path). Meanwhile a probe signed in as the city administrator
// requests the home page and /api/health one after another; their latencies before (baseline) and
// during the import are printed as p50 / p95 / max. The people it creates stay in the database:
// run it on a throw-away copy of the demo data.
import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { idNumberCheckChar } from "../../src/lib/id-number";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";

const BASE = process.argv[2] ?? "http://localhost:3114";
const ROWS = Number(process.argv[3] ?? 10_000);
const PASSWORD = "demo-password-2026";

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

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

function idNumber(seen: Set<string>): string {
  for (;;) {
    const birth = new Date(Date.UTC(1960 + randomInt(40), randomInt(12), 1 + randomInt(28))).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `${330101 + randomInt(800)}${birth}${String(randomInt(1000)).padStart(3, "0")}`;
    const id = `${first17}${idNumberCheckChar(first17)}`;
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
  }
}

async function generate(rows: number): Promise<Buffer> {
  const tag = Date.now().toString(36).slice(-5);
  const seen = new Set<string>();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Staff");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.field));
  const degrees = ["ASSOCIATE", "BACHELOR", "BACHELOR", "MASTER"];
  for (let i = 0; i < rows; i++) {
    const v: Record<string, string> = {
      name: `压测${tag}-${i}`,
      idNumber: idNumber(seen),
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      degree: degrees[i % degrees.length]!,
      major: i % 3 === 0 ? "OTHER" : "SOCIAL_WORK",
      professionalTitle: i % 10 === 0 ? "INTERMEDIATE" : "NONE",
      employmentType: "AGENCY_STAFF",
      hireDate: "2025-03-01",
      practiceFields: i % 2 ? "SCHOOLS;CIVIL_AFFAIRS" : "WELFARE_INSTITUTIONS",
      targetGroups: "ELDERLY;CHILDREN",
      talentTrack: "FRONTLINE",
      entryPath: i % 2 ? "RECRUITED" : "CULTIVATED",
      entryDate: "2025-03-01",
    };
    sheet.addRow(IMPORT_COLUMNS.map((c) => v[c.field] ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

type TSample = { at: number; ms: number; ok: boolean };

/** Requests `path` as `cookie` one after another until stopped; every latency is kept. */
function probe(path: string, cookie: string) {
  const samples: TSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      let ok = false;
      try {
        const res = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        ok = res.status === 200;
      } catch {
        ok = false;
      }
      samples.push({ at: t, ms: performance.now() - t, ok });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function stats(samples: TSample[], from: number, to: number) {
  const xs = samples.filter((s) => s.at >= from && s.at < to);
  const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
  const pct = (p: number) => (ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!) : NaN);
  return { n: xs.length, failed: xs.filter((s) => !s.ok).length, p50: pct(50), p95: pct(95), max: ms.length ? Math.round(ms.at(-1)!) : NaN };
}

async function importOnce(file: Buffer, agency: string, label: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${label}.xlsx`);
  const t0 = performance.now();
  const up = await fetch(`${BASE}/api/staff-import`, { method: "POST", body: form, headers: { cookie: agency, origin: new URL(BASE).origin } });
  const job = (await up.json()) as { id: string; totalRows: number; errorRows: number; error?: string };
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(job)}`);
  const t1 = performance.now();
  const started = await fetch(`${BASE}/api/staff-import/${job.id}/start`, { method: "POST", body: JSON.stringify({ version: 1 }), headers: { cookie: agency, "content-type": "application/json", origin: new URL(BASE).origin } });
  if (started.status !== 202) throw new Error(`start: ${started.status} ${await started.text()}`);
  let last: Record<string, number | string> = {};
  for (;;) {
    const res = await fetch(`${BASE}/api/staff-import/${job.id}/progress`, { headers: { cookie: agency } });
    last = (await res.json()) as Record<string, number | string>;
    if (last.status === "DONE" || last.status === "FAILED") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const t2 = performance.now();
  return { job, t0, t1, t2, last };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const agency = await signIn("agency@demo.local");
  const city = await signIn("city@demo.local");
  const t = performance.now();
  const file = await generate(ROWS);
  console.log(`generated ${ROWS} rows, ${(file.byteLength / 1024 / 1024).toFixed(2)} MB, in ${s(performance.now() - t)}`);

  const home = probe("/", city);
  const health = probe("/api/health", city);
  const baselineFrom = performance.now();
  await new Promise((r) => setTimeout(r, 8_000));
  const baselineTo = performance.now();

  const first = await importOnce(file, agency, "bench-first");
  const second = await importOnce(file, agency, "bench-again");
  await home.stop();
  await health.stop();
  if (first.last.status !== "DONE" || second.last.status !== "DONE") throw new Error(`import did not finish: ${JSON.stringify([first.last, second.last])}`);

  console.log(`\n${BASE}, ${ROWS} rows\n`);
  console.log("| import | upload + validate | start → done | upload → done | created | updated | unchanged | errors |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [name, r] of [["first (all new)", first], ["same file again (idempotent)", second]] as const) {
    console.log(`| ${name} | ${s(r.t1 - r.t0)} | ${s(r.t2 - r.t1)} | **${s(r.t2 - r.t0)}** | ${r.last.created} | ${r.last.updated} | ${r.last.unchanged} | ${r.last.errorRows} |`);
  }
  console.log("\n| other user's requests (city admin, one at a time) | window | requests | failed | p50 ms | p95 ms | max ms |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [name, p] of [["home page `/`", home], ["`/api/health`", health]] as const) {
    const rows: [string, number, number][] = [
      ["before (baseline)", baselineFrom, baselineTo],
      ["during upload + validate", first.t0, first.t1],
      ["during the run (first import)", first.t1, first.t2],
      ["during the second import", second.t0, second.t2],
    ];
    for (const [window, from, to] of rows) {
      const x = stats(p.samples, from, to);
      console.log(`| ${name} | ${window} | ${x.n} | ${x.failed} | ${x.p50} | ${x.p95} | ${x.max} |`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
