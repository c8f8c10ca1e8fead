// Benchmark of the attendance import (issue 12): a generated 2,000-row .xlsx (400 participants ×
// 5 sessions of one programme) uploaded by training@demo.local to a running portal (a production
// build), then started and followed to the end; then the same file again (every mark unchanged).
//
//   DATABASE_URL=postgresql://… npx tsx scripts/bench/attendance-import.ts [baseUrl=http://localhost:3114] [participants=400] [sessions=5]
//
// DATABASE_URL is the portal's database: the script adds the programme (PUBLISHED, its sessions
// in the past week) and its participants (generated practitioners, or new ones when there are too
// few) directly, since building 400 enrolments through the pages is not what is measured. Run it
// on a throw-away copy of the demo data. Phases timed: upload + check (POST
// /api/trainings/attendance-import, until the preview exists) and start → done (POST …/start,
// polling …/progress every 250 ms).
import ExcelJS from "exceljs";
import pg from "pg";
import { todayInCity } from "@/domain/common/calendar-day";

const BASE = process.argv[2] ?? "http://localhost:3114";
const PARTICIPANTS = Number(process.argv[3] ?? 400);
const SESSIONS = Number(process.argv[4] ?? 5);
const PASSWORD = "demo-password-2026";
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must be set (the portal's database)");

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

/** A programme of the demo provider with PARTICIPANTS enrolled and SESSIONS sessions in the past week. */
async function programme(): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: provider } = await client.query<{ id: string }>(`SELECT "organizationId" AS id FROM "User" WHERE email = 'training@demo.local'`);
    if (!provider[0]?.id) throw new Error("training@demo.local not found: seed the demo city first");
    const tag = Date.now().toString(36).slice(-6).toUpperCase();
    const id = `bench_att_${tag}`;
    // The programme reference's own form (PX-<year>-<sequence>), far past any real sequence.
    const reference = `PX-2099-${String(900_000 + (Date.now() % 100_000)).padStart(6, "0")}`;
    const today = todayInCity();
    const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Training" (id, reference, kind, scope, title, "providerId", "startDate", "endDate", venue, capacity, "lengthHalfHours", "cpdHalfHours", "completionPercent", status, "updatedAt")
       VALUES ($1, $2, 'PROFESSIONAL', 'PRACTICE', '考勤导入压测', $3, $4, $5, '压测教室', $6, $7, $7, 80, 'PUBLISHED', now())`,
      [id, reference, provider[0].id, day(-SESSIONS), day(1), PARTICIPANTS, SESSIONS * 6],
    );
    for (let s = 1; s <= SESSIONS; s++) {
      await client.query(`INSERT INTO "TrainingSession" (id, "trainingId", number, date, "startsAt", "halfHours", topic) VALUES ($1, $2, $3, $4, '09:00', 6, $5)`, [`${id}_s${s}`, id, s, day(s - SESSIONS - 1), `第${s}课`]);
    }
    const { rows: people } = await client.query<{ id: string }>(`SELECT id FROM "Practitioner" WHERE status = 'ACTIVE' ORDER BY id LIMIT $1`, [PARTICIPANTS]);
    if (people.length < PARTICIPANTS) throw new Error(`only ${people.length} active practitioners: generate more (generate-practitioners.ts)`);
    await client.query(
      `INSERT INTO "TrainingEnrolment" (id, "trainingId", "practitionerId", status, number, "updatedAt")
       SELECT $1 || '_e' || n, $1, pid, 'ENROLLED', n::int, now() FROM unnest($2::text[]) WITH ORDINALITY AS x(pid, n)`,
      [id, people.map((p) => p.id)],
    );
    await client.query("COMMIT");
    return reference;
  } finally {
    await client.end();
  }
}

async function sheet(reference: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("考勤");
  ws.addRow(["reference", "session", "number", "name", "phone", "present"]);
  for (let s = 1; s <= SESSIONS; s++) for (let n = 1; n <= PARTICIPANTS; n++) ws.addRow([reference, String(s), String(n), "", "", (n + s) % 10 === 0 ? "否" : "是"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function importOnce(file: Buffer, cookie: string, label: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${label}.xlsx`);
  const origin = new URL(BASE).origin;
  const t0 = performance.now();
  const up = await fetch(`${BASE}/api/trainings/attendance-import`, { method: "POST", body: form, headers: { cookie, origin } });
  const job = (await up.json()) as { id: string; totalRows: number; errorRows: number; error?: string };
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(job)}`);
  const t1 = performance.now();
  const started = await fetch(`${BASE}/api/trainings/attendance-import/${job.id}/start`, { method: "POST", body: JSON.stringify({ version: 1 }), headers: { cookie, "content-type": "application/json", origin } });
  if (started.status !== 202) throw new Error(`start: ${started.status} ${await started.text()}`);
  let last: Record<string, number | string> = {};
  for (;;) {
    const res = await fetch(`${BASE}/api/trainings/attendance-import/${job.id}/progress`, { headers: { cookie } });
    last = (await res.json()) as Record<string, number | string>;
    if (last.status === "DONE" || last.status === "FAILED") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { job, upload: t1 - t0, run: performance.now() - t1, total: performance.now() - t0, last };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const cookie = await signIn("training@demo.local");
  const reference = await programme();
  const file = await sheet(reference);
  console.log(`${BASE}: ${PARTICIPANTS} participants × ${SESSIONS} sessions = ${PARTICIPANTS * SESSIONS} rows, ${(file.byteLength / 1024).toFixed(0)} KB\n`);
  const first = await importOnce(file, cookie, "bench-attendance");
  const second = await importOnce(file, cookie, "bench-attendance-again");
  for (const r of [first, second]) if (r.last.status !== "DONE" || r.job.errorRows !== 0) throw new Error(`import did not finish cleanly: ${JSON.stringify(r)}`);
  console.log("| import | rows | upload + check | start → done | upload → done | new | changed | unchanged |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [name, r] of [["first (all new)", first], ["same file again", second]] as const) {
    console.log(`| ${name} | ${r.job.totalRows} | ${s(r.upload)} | ${s(r.run)} | **${s(r.total)}** | ${r.last.created} | ${r.last.updated} | ${r.last.unchanged} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
