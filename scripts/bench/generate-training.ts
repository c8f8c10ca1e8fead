// Adds training and supervision to a benchmark city made by generate-practitioners.ts, in
// proportion to its size (issue 12: "the benchmark city has programmes, attendance and
// supervision in proportion"), for the training dashboard's measurement in docs/benchmarks.md.
//
//   DATABASE_URL=postgresql://…/dash100k npx tsx scripts/bench/generate-training.ts
//
// What it writes, for P generated practitioners (ids bench_pr_*), over the last three calendar
// years and the current one:
//   - programmes: one per 250 practitioners (kinds: professional ½, exam preparation, rotation,
//     seminar, induction), run by the demo city's training providers, 2–6 sessions of 3–4 hours;
//     past ones CLOSED, later ones PUBLISHED; each with capacity 30–80, about 85 % of it enrolled;
//   - attendance per enrolment and session of a held programme (present about 90 %); an enrolment
//     of a closed programme is COMPLETED when it attended the programme's share of sessions;
//   - a training-subsidy line per year (its own fund "基准测试培训补贴资金") with the commitments,
//     releases and spending the real code writes (sourceRef training:<enrolment>[:release|:spend]);
//   - exam sittings: about one practitioner in six sat the exam once or twice (passes agree with
//     the certificates generate-practitioners wrote);
//   - supervision: about 8 % of active workers have a supervisor (a 社会工作师 or above, at most
//     eight supervisees each) with roughly monthly sessions, 94 % confirmed, 5 % waiting, 1 % disputed;
//   - rotation lists: every generated civil servant is on their department's list.
// The continuing-education ledger lines of completions and supervision are not written again:
// generate-practitioners.ts already gave the ledger its training and supervision lines.
// Rows go in with multi-row INSERTs (unnest of arrays). Running it twice adds nothing the second
// time (it stops when bench programmes exist).
import pg from "pg";
import { rng } from "../../src/server/seed/demo-practitioners";
import { todayInCity } from "@/domain/common/calendar-day";
import { cols, insert, push } from "./bulk-insert";

const DAY = 86_400_000;
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must be set");
const today = todayInCity();
const r = rng(121212);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const stamp = (d: Date, hours = 10) => new Date(Math.min(Date.now(), d.getTime() + hours * 3_600_000)).toISOString();


const KINDS: [string, string, number][] = [
  // kind, scope, weight
  ["PROFESSIONAL", "PRACTICE", 50],
  ["EXAM_PREPARATION", "EXAM_PREPARATION", 15],
  ["ROTATION", "THEORY", 15],
  ["SEMINAR", "THEORY", 10],
  ["INDUCTION", "THEORY", 10],
];
const TITLES: Record<string, string[]> = {
  PROFESSIONAL: ["社会工作实务能力提升培训", "儿童保护个案管理专题培训", "老年社会工作服务规范培训", "社区治理与社会工作项目设计", "医务社会工作实务研修", "学校社会工作专题培训"],
  EXAM_PREPARATION: ["社会工作者职业水平考试（初级）考前辅导", "社会工作者职业水平考试（中级）考前辅导"],
  ROTATION: ["党政机关干部社会工作知识轮训", "公务员社会工作理念与方法轮训"],
  SEMINAR: ["部门负责人与机构负责人社会工作研修班（与示例大学合办）"],
  INDUCTION: ["新进公务员社会工作入门培训"],
};
const TOPICS = ["社会工作价值观与伦理", "个案工作方法", "小组工作方法", "社区工作方法", "政策法规", "案例研讨", "实务督导", "考核与总结"];
const SUPERVISION_TOPICS = ["个案督导", "小组督导：服务计划", "伦理困境讨论", "服务记录审阅", "职业发展"];

function pickKind(): [string, string] {
  let x = r.int(1, 100);
  for (const [k, s, w] of KINDS) {
    if ((x -= w) <= 0) return [k, s];
  }
  return ["PROFESSIONAL", "PRACTICE"];
}

async function main() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  const { rows: existing } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Training" WHERE id LIKE 'bench_tr_%'`);
  if (Number(existing[0]!.n) > 0) {
    console.log("benchmark programmes exist already: nothing to do");
    await client.end();
    return;
  }
  const { rows: people } = await client.query<{ id: string; status: string; level: string; qualifiedSince: Date | null; employmentType: string | null; organizationId: string | null; orgKind: string | null }>(
    `SELECT p.id, p.status::text AS status, p."qualificationLevel"::text AS level, p."qualifiedSince", p."employmentType"::text AS "employmentType", p."organizationId", o.kind::text AS "orgKind"
       FROM "Practitioner" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p.id LIKE 'bench_pr_%' ORDER BY p.id`,
  );
  if (people.length === 0) throw new Error("no generated practitioners: run generate-practitioners.ts first");
  const { rows: providers } = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE kind = 'TRAINING_PROVIDER' ORDER BY id`);
  if (providers.length === 0) throw new Error("no training providers: seed the demo city first");
  const { rows: certs } = await client.query<{ practitionerId: string; kind: string; issueDate: Date }>(
    `SELECT "practitionerId", kind::text AS kind, "issueDate" FROM "Credential" WHERE id LIKE 'bench_cr_%' AND status = 'VERIFIED' AND kind IN ('ASSISTANT_SOCIAL_WORKER','SOCIAL_WORKER','SENIOR_SOCIAL_WORKER')`,
  );
  const active = people.filter((p) => p.status === "ACTIVE");
  const thisYear = today.getUTCFullYear();
  const firstYear = thisYear - 3;

  // ── Funds: one training-subsidy line a year ───────────────────────────────────────────────────
  const lineOf = new Map<number, string>();
  for (let y = firstYear; y <= thisYear; y++) {
    const fundId = `bench_fund_${y}`;
    await client.query(`INSERT INTO "Fund" (id, year, name, "updatedAt") VALUES ($1, $2, '基准测试培训补贴资金', now()) ON CONFLICT DO NOTHING`, [fundId, y]);
    const lineId = `bench_line_${y}`;
    await client.query(`INSERT INTO "BudgetLine" (id, "fundId", kind, name, "amountFen", "updatedAt") VALUES ($1, $2, 'TRAINING_SUBSIDY', '培训补贴', $3, now()) ON CONFLICT DO NOTHING`, [lineId, fundId, String(2_000_000_000n)]);
    lineOf.set(y, lineId);
  }

  // ── Programmes, sessions, enrolments, attendance, money ──────────────────────────────────────
  const T = cols(["id", "reference", "kind", "scope", "title", "providerId", "startDate", "endDate", "venue", "capacity", "lengthHalfHours", "cpdHalfHours", "completionPercent", "costFen", "subsidyFen", "budgetLineId", "status", "updatedAt"]);
  const S = cols(["id", "trainingId", "number", "date", "startsAt", "halfHours", "topic"]);
  const E = cols(["id", "trainingId", "practitionerId", "status", "number", "enrolledAt", "completedAt", "updatedAt"]);
  const A = cols(["id", "sessionId", "enrolmentId", "present", "recordedAt"]);
  const F = cols(["id", "lineId", "kind", "amountFen", "sourceRef", "note", "createdAt"]);
  const programmes = Math.max(12, Math.round(people.length / 250));
  const refCount = new Map<number, number>();
  const rotationPool = active.filter((p) => p.employmentType === "CIVIL_SERVANT" || p.employmentType === "PUBLIC_INSTITUTION");
  for (let k = 0; k < programmes; k++) {
    const [kind, scope] = pickKind();
    const id = `bench_tr_${k}`;
    // Spread over the window: start days from 1 January of firstYear to 90 days ahead.
    const start = addDays(new Date(Date.UTC(firstYear, 0, 1)), r.int(0, Math.round((addDays(today, 90).getTime() - Date.UTC(firstYear, 0, 1)) / DAY)));
    const sessions = r.int(2, 6);
    const sessionHalfHours = r.chance(0.5) ? 6 : 8;
    const end = addDays(start, (sessions - 1) * 7);
    const year = start.getUTCFullYear();
    const n = (refCount.get(year) ?? 0) + 1;
    refCount.set(year, n);
    const held = end.getTime() < today.getTime();
    const subsidyFen = r.pick([0, 20_000, 30_000, 50_000]);
    const title = r.pick(TITLES[kind]!);
    const capacity = r.int(30, 80);
    push(T, {
      id,
      reference: `PX-${year}-${String(50_000 + n)}`,
      kind,
      scope,
      title,
      providerId: providers[k % providers.length]!.id,
      startDate: iso(start),
      endDate: iso(end),
      venue: "示例市社会工作教育培训中心",
      capacity,
      lengthHalfHours: sessions * sessionHalfHours,
      cpdHalfHours: sessions * sessionHalfHours,
      completionPercent: 80,
      costFen: subsidyFen + r.pick([0, 10_000, 20_000]),
      subsidyFen,
      budgetLineId: subsidyFen > 0 ? lineOf.get(Math.min(thisYear, year))! : null,
      status: held ? "CLOSED" : "PUBLISHED",
      updatedAt: new Date().toISOString(),
    });
    const sessionIds: { id: string; date: Date }[] = [];
    for (let s = 1; s <= sessions; s++) {
      const date = addDays(start, (s - 1) * 7);
      const sid = `${id}_s${s}`;
      sessionIds.push({ id: sid, date });
      push(S, { id: sid, trainingId: id, number: s, date: iso(date), startsAt: "09:00", halfHours: sessionHalfHours, topic: TOPICS[(s - 1) % TOPICS.length]! });
    }
    const pool = kind === "ROTATION" || kind === "INDUCTION" ? (rotationPool.length > 0 ? rotationPool : active) : active;
    const enrolled = Math.min(pool.length, Math.round(capacity * (0.7 + r.next() * 0.3)));
    const chosen = new Set<string>();
    while (chosen.size < enrolled) chosen.add(pool[r.int(0, pool.length - 1)]!.id);
    let number = 0;
    for (const pid of chosen) {
      number++;
      const eid = `${id}_e${number}`;
      const enrolledAt = addDays(start, -r.int(5, 40));
      let attended = 0;
      const needed = Math.ceil((sessions * 80) / 100);
      const strong = r.chance(0.88);
      for (const s of sessionIds) {
        if (s.date.getTime() > today.getTime()) continue;
        const present = strong ? r.chance(0.97) : r.chance(0.5);
        if (present) attended++;
        push(A, { id: `${s.id}_${number}`, sessionId: s.id, enrolmentId: eid, present, recordedAt: stamp(s.date, 17) });
      }
      const status = held ? (attended >= needed ? "COMPLETED" : "NOT_COMPLETED") : "ENROLLED";
      push(E, { id: eid, trainingId: id, practitionerId: pid, status, number, enrolledAt: stamp(enrolledAt), completedAt: status === "COMPLETED" ? stamp(end, 18) : null, updatedAt: stamp(held ? end : enrolledAt, 18) });
      if (subsidyFen > 0) {
        const lineId = lineOf.get(Math.min(thisYear, year))!;
        const ref = `training:${eid}`;
        push(F, { id: `${eid}_c`, lineId, kind: "COMMITMENT", amountFen: String(subsidyFen), sourceRef: ref, note: null, createdAt: stamp(enrolledAt) });
        if (held) {
          push(F, { id: `${eid}_r`, lineId, kind: "RELEASE", amountFen: String(subsidyFen), sourceRef: `${ref}:release`, note: null, createdAt: stamp(end, 18) });
          if (status === "COMPLETED") push(F, { id: `${eid}_p`, lineId, kind: "SPENDING", amountFen: String(subsidyFen), sourceRef: `${ref}:spend`, note: null, createdAt: stamp(end, 18) });
        }
      }
    }
  }
  await client.query("BEGIN");
  await insert(client, "Training", T, { kind: '"TrainingKind"', scope: '"TrainingScope"', startDate: "date", endDate: "date", capacity: "int", lengthHalfHours: "int", cpdHalfHours: "int", completionPercent: "int", costFen: "int", subsidyFen: "int", status: '"TrainingStatus"', updatedAt: "timestamp" });
  await insert(client, "TrainingSession", S, { number: "int", date: "date", halfHours: "int" });
  await insert(client, "TrainingEnrolment", E, { status: '"EnrolmentStatus"', number: "int", enrolledAt: "timestamp", completedAt: "timestamp", updatedAt: "timestamp" });
  await insert(client, "TrainingAttendance", A, { present: "boolean", recordedAt: "timestamp" });
  await insert(client, "FundEntry", F, { kind: '"FundEntryKind"', amountFen: "bigint", createdAt: "timestamp" });
  await client.query("COMMIT");
  console.log(`${T.id!.length} programmes, ${S.id!.length} sessions, ${E.id!.length} enrolments, ${A.id!.length} attendance marks, ${F.id!.length} fund entries (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // ── Exam sittings ────────────────────────────────────────────────────────────────────────────
  const X = cols(["id", "practitionerId", "year", "level", "result", "source", "updatedAt"]);
  const passedBy = new Map<string, { kind: string; year: number }[]>();
  for (const c of certs) {
    const list = passedBy.get(c.practitionerId) ?? [];
    list.push({ kind: c.kind, year: new Date(c.issueDate).getUTCFullYear() });
    passedBy.set(c.practitionerId, list);
  }
  const seen = new Set<string>();
  const sitting = (pid: string, year: number, level: string, result: string) => {
    const key = `${pid}|${year}|${level}`;
    if (seen.has(key) || year < 2008 || year > thisYear) return;
    seen.add(key);
    push(X, { id: `bench_ex_${X.id!.length}`, practitionerId: pid, year, level, result, source: r.chance(0.7) ? "OFFICIAL" : "SELF", updatedAt: new Date().toISOString() });
  };
  for (const p of people) {
    const passes = passedBy.get(p.id) ?? [];
    // A fifth of the certificate holders' passes are recorded as sittings (some failed a year before).
    for (const pass of passes) {
      if (!r.chance(0.2)) continue;
      if (r.chance(0.3)) sitting(p.id, pass.year - 1, pass.kind, "FAILED");
      sitting(p.id, pass.year, pass.kind, "PASSED");
    }
    // People without a certificate: one in ten sat and failed in the last four years.
    if (passes.length === 0 && r.chance(0.1)) sitting(p.id, r.int(firstYear, thisYear), "ASSISTANT_SOCIAL_WORKER", "FAILED");
  }
  await insert(client, "ExamSitting", X, { year: "int", level: '"QualificationLevel"', result: '"ExamResult"', source: '"ExamSource"', updatedAt: "timestamp" });
  console.log(`${X.id!.length} exam sittings`);

  // ── Supervision ──────────────────────────────────────────────────────────────────────────────
  const threeYearsAgo = addDays(today, -3 * 365);
  const supervisors = active.filter((p) => (p.level === "SOCIAL_WORKER" || p.level === "SENIOR_SOCIAL_WORKER") && p.qualifiedSince && new Date(p.qualifiedSince).getTime() <= threeYearsAgo.getTime());
  const supervisorIds = new Set(supervisors.map((s) => s.id));
  const supervisees = active.filter((p) => !supervisorIds.has(p.id) && r.chance(0.08));
  const SP = cols(["id", "supervisorId", "superviseeId", "startDate", "endDate", "updatedAt"]);
  const SS = cols(["id", "supervisionId", "date", "halfHours", "topic", "status", "reason", "confirmedAt", "createdAt", "updatedAt"]);
  const load = new Map<string, number>();
  let si = 0;
  for (const p of supervisees) {
    // A supervisor with room (at most eight), tried a few times at random.
    let sup: string | null = null;
    for (let t = 0; t < 6 && supervisors.length > 0; t++) {
      const c = supervisors[r.int(0, supervisors.length - 1)]!.id;
      if ((load.get(c) ?? 0) < 8) {
        sup = c;
        break;
      }
    }
    if (!sup) continue;
    load.set(sup, (load.get(sup) ?? 0) + 1);
    const id = `bench_sv_${SP.id!.length}`;
    const start = addDays(today, -r.int(30, 900));
    push(SP, { id, supervisorId: sup, superviseeId: p.id, startDate: iso(start), endDate: null, updatedAt: new Date().toISOString() });
    for (let d = addDays(start, r.int(7, 30)); d.getTime() < today.getTime(); d = addDays(d, r.int(25, 40))) {
      const x = r.next();
      const recent = today.getTime() - d.getTime() < 40 * DAY;
      const status = recent && x < 0.5 ? "LOGGED" : x < 0.01 ? "DISPUTED" : "CONFIRMED";
      push(SS, {
        id: `bench_ss_${si++}`,
        supervisionId: id,
        date: iso(d),
        halfHours: r.pick([2, 3, 4]),
        topic: r.pick(SUPERVISION_TOPICS),
        status,
        reason: status === "DISPUTED" ? "时长与实际不符。" : null,
        confirmedAt: status === "CONFIRMED" ? stamp(d, 30) : null,
        createdAt: stamp(d, 18),
        updatedAt: stamp(d, 30),
      });
    }
  }
  await client.query("BEGIN");
  await insert(client, "Supervision", SP, { startDate: "date", endDate: "date", updatedAt: "timestamp" });
  await insert(client, "SupervisionSession", SS, { date: "date", halfHours: "int", status: '"SupervisionSessionStatus"', confirmedAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp" });
  await client.query("COMMIT");
  console.log(`${SP.id!.length} supervision pairs (${load.size} supervisors), ${SS.id!.length} sessions`);

  // ── Rotation lists: every generated civil servant on their department's list ───────────────────
  const { rowCount } = await client.query(
    `INSERT INTO "RotationListEntry" (id, "organizationId", "practitionerId")
     SELECT 'bench_rl_' || p.id, p."organizationId", p.id FROM "Practitioner" p JOIN "Organization" o ON o.id = p."organizationId"
      WHERE p.id LIKE 'bench_pr_%' AND p.status = 'ACTIVE' AND p."employmentType" = 'CIVIL_SERVANT' AND o.kind = 'GOVERNMENT_DEPARTMENT'
     ON CONFLICT DO NOTHING`,
  );
  console.log(`${rowCount} rotation-list entries`);
  await client.query("ANALYZE");
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s (ANALYZE included)`);
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
