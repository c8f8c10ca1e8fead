// Loads N synthetic practitioners (default 100,000) with credentials, status history, derived
// facts and QualifiedPeriod rows, the registrations (登记) of their certificates with their
// periods, and a continuing-education ledger (about three entries per practitioner) into a
// database that already holds the demo city (regions, organisations, logins), for the
// performance measurements in docs/benchmarks.md.
//
//   DATABASE_URL=postgresql://…/dash100k ID_ENCRYPTION_KEY=… npx tsx scripts/bench/generate-practitioners.ts [count]
//
// Derived facts come from the same pure functions as src/server/practitioners/rules.ts
// (src/server/seed/derive.ts). Rows go in with multi-row INSERTs (unnest of arrays), batch by batch.
// One generated practitioner (an active one with a verified 社会工作师 certificate and about 20
// ledger entries) gets the login bench-worker@demo.local, with the demo users' password, so the
// load test (load.ts) can open "My profile" for a practitioner with a ledger.
import pg from "pg";
import { deriveFacts, derivedColumns, periodRows, type TRegistrationFact } from "../../src/server/seed/derive";
import { chineseName, rng } from "../../src/server/seed/demo-practitioners";
import { idNumberFor } from "../../src/server/seed/id-numbers";
import { encryptIdNumber, idNumberLookupHash } from "../../src/lib/id-crypto";
import { maskIdNumber } from "../../src/lib/id-number";
import { todayInCity } from "@/domain/common/calendar-day";
import { nextPeriod, periodFrom } from "@/domain/registrations/rules";
import { DEFAULT_G1_OPTIONS, type TCredentialFact, type TStatusFact } from "@/domain/practitioners/qualification";
import { cols, insert } from "./bulk-insert";

const COUNT = Number(process.argv[2] ?? 100_000);
const BATCH = 5_000;
const DAY = 86_400_000;
/** Registration periods run three years (PlanTarget.registrationYears' default). */
const REGISTRATION_YEARS = 3;
const BENCH_WORKER_EMAIL = "bench-worker@demo.local";
const DEMO_WORKER_EMAIL = "worker@demo.local";
const url = process.env.DATABASE_URL;
const idKey = process.env.ID_ENCRYPTION_KEY;
if (!url || !idKey) throw new Error("DATABASE_URL and ID_ENCRYPTION_KEY must be set");

const today = todayInCity();
const r = rng(424242);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const randomDay = (from: Date, to: Date) => addDays(from, r.int(0, Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY))));
const FIELDS = ["PARTY_MASS", "SOCIAL_ORGANIZATIONS", "SCHOOLS", "HOSPITALS", "WELFARE_INSTITUTIONS", "CIVIL_AFFAIRS", "DISABILITY", "FAMILY_PLANNING", "MIGRANTS"];
const GROUPS = ["CHILDREN", "YOUTH", "ELDERLY", "WOMEN", "DISABLED", "MIGRANTS", "FAMILIES", "OTHER"];
const TRACKS = ["FRONTLINE", "PROJECT_OPERATION", "SUPERVISION", "AGENCY_MANAGEMENT"];
const CERTIFICATES = new Set(["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]);
const pgArray = (xs: string[]) => `{${xs.join(",")}}`;

// Continuing education: what the lines say. Hours in half hours (12 = 6 h … 48 = 24 h).
const HALF_HOURS = [12, 16, 24, 32, 48];
const TRAININGS: [string, string][] = [
  ["社会工作实务能力提升培训", "市社会工作协会"],
  ["儿童保护个案管理专题培训", "市民政局"],
  ["老年社会工作服务规范培训", "市养老服务指导中心"],
  ["社区治理与社会工作项目设计", "示例大学社会工作系"],
  ["医务社会工作实务研修", "市第一人民医院"],
  ["学校社会工作专题研讨", "市教育局"],
];
const EXTERNALS: [string, string][] = [
  ["全国社会工作者职业水平考试辅导课程", "中国社会工作教育协会"],
  ["心理危机干预线上课程", "中国社会工作联合会"],
  ["社会工作伦理与督导研讨会", "省社会工作协会"],
  ["家庭社会工作实务工作坊", "示例市阳光社会工作服务中心"],
];
const REJECT_REASONS = ["证明材料未显示学时，请补充培训机构出具的学时证明。", "证明材料模糊，无法辨认。", "该活动不属于社会工作继续教育范围。"];


type TRegPeriod = { start: Date; end: Date; origin: "INITIAL" | "RENEWAL" };

/**
 * A certificate's registration periods, latest first, the current one ending on (about) `end`:
 * up to `count` periods of three years back to back, built forwards with the rule's own
 * periodFrom/nextPeriod so every renewal is exact. None starts before the issue date: when the
 * chain reaches it, the first period is cut to start on that day. The earliest is INITIAL.
 */
function registrationPeriods(issue: Date, end: Date, count: number): TRegPeriod[] {
  // Start of a chain of `k` whole periods ending on `end` (the day after it, k × 3 years back).
  const startFor = (k: number) => new Date(Date.UTC(end.getUTCFullYear() - REGISTRATION_YEARS * k, end.getUTCMonth(), end.getUTCDate() + 1));
  let whole = count;
  while (whole > 0 && startFor(whole).getTime() < issue.getTime()) whole--;
  const out: TRegPeriod[] = [];
  if (whole === 0) out.push({ start: issue, end, origin: "INITIAL" });
  else {
    const from = startFor(whole);
    // The chain reached the issue date: a first period cut short, from the issue date to the day
    // before (unless that would be under half a year: then registration simply started a little late).
    if (whole < count && from.getTime() - issue.getTime() >= 180 * DAY) out.push({ start: issue, end: addDays(from, -1), origin: "INITIAL" });
    let p = periodFrom(from, REGISTRATION_YEARS);
    for (let k = 0; k < whole; k++) {
      out.push({ ...p, origin: out.length === 0 ? "INITIAL" : "RENEWAL" });
      p = nextPeriod(p.end, REGISTRATION_YEARS);
    }
  }
  return out.reverse();
}

/**
 * The last day of a verified certificate's current period, spread like a real register: ~10%
 * lapsed (ended 1–400 days ago), ~8% due (ends within 90 days), the rest current (3–30 months
 * ahead). A certificate too young for the drawn day keeps its first full period instead (about
 * one lapsed draw in six), hence the slightly larger share of lapsed draws.
 */
function currentPeriodEnd(issue: Date): Date {
  const x = r.next();
  const end = x < 0.12 ? addDays(today, -r.int(1, 400)) : x < 0.21 ? addDays(today, r.int(0, 90)) : addDays(today, r.int(91, 913));
  return end.getTime() < addDays(issue, 180).getTime() ? periodFrom(issue, REGISTRATION_YEARS).end : end;
}

async function main() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  const { rows: orgs } = await client.query<{ id: string; kind: string; regionId: string; path: string; code: string }>(
    `SELECT o.id, o.kind::text, o."regionId", r.path, r.code FROM "Organization" o JOIN "Region" r ON r.id = o."regionId" WHERE o.kind IN ('AGENCY','WELFARE_INSTITUTION','SCHOOL','HOSPITAL','PARTY_SERVICE_CENTER','PUBLIC_WELFARE_ORG','GOVERNMENT_DEPARTMENT')`,
  );
  if (orgs.length === 0) throw new Error("no organisations: seed the demo city first (prisma/seed.ts)");
  const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE role = 'CITY_ADMIN' LIMIT 1`);
  const verifier = users[0]?.id ?? null;
  const nowMs = Date.now();
  /** A timestamp on `d` (a calendar day) plus `days`, never in the future. */
  const pastStamp = (d: Date, days = 0) => new Date(Math.min(nowMs, d.getTime() + days * DAY + r.int(8, 17) * 3_600_000)).toISOString();

  let periodsTotal = 0;
  let credsTotal = 0;
  let registrationsTotal = 0;
  let cpdTotal = 0;
  let benchWorker: { id: string; name: string } | null = null;
  for (let startAt = 0; startAt < COUNT; startAt += BATCH) {
    const P = cols(["id", "name", "gender", "birthDate", "idNumberEncrypted", "idNumberHash", "idNumberMasked", "phone", "degree", "major", "professionalTitle", "organizationId", "regionId", "regionPath", "employmentType", "hireDate", "practiceFields", "targetGroups", "talentTrack", "entryPath", "entryDate", "status", "statusSince", "keyPost", "isQualified", "qualifiedSince", "qualificationLevel", "g1Msw", "g1DeputySenior", "g1SocialWorker", "g1ProvincialAward", "g1KeyPost", "registrationEnd", "updatedAt"]);
    const C = cols(["id", "practitionerId", "kind", "degreeLevel", "number", "issuingAuthority", "issueDate", "status", "statusReason", "verifiedById", "verifiedAt", "updatedAt"]);
    const E = cols(["id", "credentialId", "fromStatus", "toStatus", "actorId", "at"]);
    const S = cols(["id", "practitionerId", "status", "effectiveFrom"]);
    const Q = cols(["id", "practitionerId", "from", "to", "regionPath", "entryPath", "isFirst"]);
    const R = cols(["id", "practitionerId", "credentialId", "number", "periodStart", "periodEnd", "createdAt", "updatedAt"]);
    const RP = cols(["id", "registrationId", "start", "end", "origin", "actorId", "createdAt"]);
    const L = cols(["id", "practitionerId", "kind", "title", "provider", "startDate", "endDate", "halfHours", "sourceRef", "status", "reason", "decidedById", "decidedAt", "createdAt", "updatedAt"]);
    const end = Math.min(COUNT, startAt + BATCH);
    for (let i = startAt; i < end; i++) {
      const id = `bench_pr_${i}`;
      const org = orgs[r.int(0, orgs.length - 1)]!;
      const gender = r.chance(0.65) ? "FEMALE" : "MALE";
      const birth = addDays(new Date(Date.UTC(1965, 0, 1)), i % 12_000);
      const idNumber = idNumberFor(org.code.slice(0, 6), birth, 300 + Math.floor(i / 12_000), gender);
      const entryPath = r.next() < 0.3 ? "BASELINE" : r.chance(0.45) ? "RECRUITED" : "CULTIVATED";
      const entryDate = entryPath === "BASELINE" ? randomDay(new Date(Date.UTC(2012, 0, 1)), new Date(Date.UTC(2024, 11, 31))) : randomDay(new Date(Date.UTC(2023, 0, 1)), today);
      const history: TStatusFact[] = [{ status: "ACTIVE", effectiveFrom: entryDate }];
      if (r.chance(0.07)) {
        const left = r.chance(0.8);
        const on = randomDay(entryDate, today);
        history.push({ status: left ? "LEFT" : "RETIRED", effectiveFrom: on });
        // A few who left come back: their second qualified period is a return, not a new entry (isFirst false).
        if (left && r.chance(0.25) && addDays(on, 60).getTime() < today.getTime()) history.push({ status: "ACTIVE", effectiveFrom: randomDay(addDays(on, 60), today) });
      }
      // Certificates are permanent (no "valid until", never EXPIRED); what lapses is their registration.
      const creds: (TCredentialFact & { id: string })[] = [];
      const x = r.next();
      if (x < 0.7) {
        const degree = r.chance(0.25);
        const issue = randomDay(addDays(entryDate, -1500), addDays(entryDate, 700));
        const kind = degree ? "SOCIAL_WORK_DEGREE" : r.chance(0.65) ? "ASSISTANT_SOCIAL_WORKER" : r.chance(0.9) ? "SOCIAL_WORKER" : "SENIOR_SOCIAL_WORKER";
        const issueDate = issue.getTime() > today.getTime() ? today : issue;
        creds.push({ id: `bench_cr_${i}_0`, kind, status: "VERIFIED", issueDate, degreeLevel: degree ? (r.chance(0.2) ? "MASTER" : "BACHELOR") : null });
        // Some assistants later pass the 社会工作师 examination: a second certificate with its own registration.
        if (kind === "ASSISTANT_SOCIAL_WORKER" && issueDate.getTime() < addDays(today, -730).getTime() && r.chance(0.15))
          creds.push({ id: `bench_cr_${i}_1`, kind: "SOCIAL_WORKER", status: "VERIFIED", issueDate: randomDay(addDays(issueDate, 365), today), degreeLevel: null });
      } else if (x < 0.8) creds.push({ id: `bench_cr_${i}_0`, kind: "ASSISTANT_SOCIAL_WORKER", status: "SUBMITTED", issueDate: addDays(today, -r.int(1, 90)) });
      else if (x < 0.83) creds.push({ id: `bench_cr_${i}_0`, kind: "ASSISTANT_SOCIAL_WORKER", status: "REJECTED", issueDate: addDays(today, -r.int(1, 300)) });

      // Registrations of verified and submitted certificates (a submitted one: its first period from the issue date).
      const regs = creds
        .filter((c) => CERTIFICATES.has(c.kind) && (c.status === "VERIFIED" || c.status === "SUBMITTED"))
        .map((c) => {
          const periods = c.status === "VERIFIED" ? registrationPeriods(c.issueDate, currentPeriodEnd(c.issueDate), r.int(1, 3)) : [{ ...periodFrom(c.issueDate, REGISTRATION_YEARS), origin: "INITIAL" as const }];
          return { id: `bench_rg_${c.id.slice("bench_cr_".length)}`, cred: c, periods };
        });
      const regFacts: TRegistrationFact[] = regs.map((g) => ({ credentialStatus: g.cred.status, periodEnd: g.periods[0]!.end }));

      const degree = creds.find((c) => c.kind === "SOCIAL_WORK_DEGREE")?.degreeLevel ?? (r.chance(0.6) ? "BACHELOR" : "ASSOCIATE");
      const title = r.chance(0.04) ? "DEPUTY_SENIOR" : r.chance(0.2) ? "INTERMEDIATE" : "NONE";
      const keyPost = r.chance(0.05);
      const d = deriveFacts(creds, history, entryDate, { degree: degree as never, professionalTitle: title, keyPost, awardLevels: [] }, today, DEFAULT_G1_OPTIONS, regFacts);
      const derived = derivedColumns(d);
      const last = history.at(-1)!;
      const fields = [FIELDS[r.int(0, FIELDS.length - 1)]!, ...(r.chance(0.4) ? [FIELDS[r.int(0, FIELDS.length - 1)]!] : [])].filter((f, k, a) => a.indexOf(f) === k);
      const now = new Date().toISOString();
      const name = chineseName(r, gender);
      const row: Record<string, string | number | boolean | null> = {
        id,
        name,
        gender,
        birthDate: iso(birth),
        idNumberEncrypted: encryptIdNumber(idKey!, idNumber),
        idNumberHash: idNumberLookupHash(idKey!, idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        phone: `13${String(i).padStart(9, "0")}`,
        degree,
        major: r.chance(0.5) ? "SOCIAL_WORK" : "OTHER",
        professionalTitle: title,
        organizationId: org.id,
        regionId: org.regionId,
        regionPath: org.path,
        employmentType: org.kind === "AGENCY" ? "AGENCY_STAFF" : org.kind === "GOVERNMENT_DEPARTMENT" ? "CIVIL_SERVANT" : "PUBLIC_INSTITUTION",
        hireDate: iso(entryDate),
        practiceFields: pgArray(fields),
        targetGroups: pgArray([GROUPS[r.int(0, GROUPS.length - 1)]!]),
        talentTrack: TRACKS[r.int(0, TRACKS.length - 1)]!,
        entryPath,
        entryDate: iso(entryDate),
        status: last.status,
        statusSince: iso(last.effectiveFrom),
        keyPost,
        ...derived,
        qualifiedSince: iso(derived.qualifiedSince),
        registrationEnd: iso(derived.registrationEnd),
        updatedAt: now,
      };
      for (const k of Object.keys(P)) P[k]!.push(row[k]!);
      history.forEach((h, k) => {
        S.id!.push(`bench_st_${i}_${k}`);
        S.practitionerId!.push(id);
        S.status!.push(h.status);
        S.effectiveFrom!.push(iso(h.effectiveFrom));
      });
      const certNumber = (c: { id: string }) => `B${String(i).padStart(7, "0")}${c.id.slice(-1)}`;
      for (const c of creds) {
        const verified = c.status === "VERIFIED";
        C.id!.push(c.id);
        C.practitionerId!.push(id);
        C.kind!.push(c.kind);
        C.degreeLevel!.push(c.degreeLevel ?? null);
        C.number!.push(certNumber(c));
        C.issuingAuthority!.push("人力资源和社会保障部 民政部");
        C.issueDate!.push(iso(c.issueDate));
        C.status!.push(c.status);
        C.statusReason!.push(c.status === "REJECTED" ? "扫描件模糊，无法辨认。" : null);
        C.verifiedById!.push(verified ? verifier : null);
        C.verifiedAt!.push(verified ? addDays(c.issueDate, 10).toISOString() : null);
        C.updatedAt!.push(now);
        E.id!.push(`${c.id}_e0`);
        E.credentialId!.push(c.id);
        E.fromStatus!.push(null);
        E.toStatus!.push("SUBMITTED");
        E.actorId!.push(null);
        E.at!.push(addDays(c.issueDate, 3).toISOString());
        if (verified) {
          E.id!.push(`${c.id}_e1`);
          E.credentialId!.push(c.id);
          E.fromStatus!.push("SUBMITTED");
          E.toStatus!.push("VERIFIED");
          E.actorId!.push(verifier);
          E.at!.push(addDays(c.issueDate, 10).toISOString());
        }
      }
      for (const g of regs) {
        const current = g.periods[0]!;
        const first = g.periods.at(-1)!;
        R.id!.push(g.id);
        R.practitionerId!.push(id);
        R.credentialId!.push(g.cred.id);
        R.number!.push(`DJ${certNumber(g.cred)}`);
        R.periodStart!.push(iso(current.start));
        R.periodEnd!.push(iso(current.end));
        R.createdAt!.push(pastStamp(first.start, 3));
        R.updatedAt!.push(pastStamp(current.start, 3));
        g.periods.forEach((p, k) => {
          RP.id!.push(`${g.id}_p${k}`);
          RP.registrationId!.push(g.id);
          RP.start!.push(iso(p.start));
          RP.end!.push(iso(p.end));
          RP.origin!.push(p.origin);
          RP.actorId!.push(p.origin === "RENEWAL" ? verifier : null);
          RP.createdAt!.push(pastStamp(p.start, p.origin === "RENEWAL" ? -r.int(5, 60) : 3));
        });
      }
      periodRows(id, d, org.path, entryPath).forEach((p, k) => {
        Q.id!.push(`bench_qp_${i}_${k}`);
        Q.practitionerId!.push(id);
        Q.from!.push(iso(p.from as Date));
        Q.to!.push(iso((p.to as Date | null) ?? null));
        Q.regionPath!.push(org.path);
        Q.entryPath!.push(entryPath);
        Q.isFirst!.push(p.isFirst ?? k === 0);
      });

      // The continuing-education ledger: lines dated inside the current or the previous period of the
      // registration that runs latest, for holders of a verified certificate. Training and supervision
      // are credited by those features (VERIFIED at once, with a sourceRef); the rest is submitted
      // by hand and reviewed (~3% of all lines still waiting, ~1% rejected). No proof files.
      const ledgerReg = regs.filter((g) => g.cred.status === "VERIFIED").sort((a, b) => b.periods[0]!.end.getTime() - a.periods[0]!.end.getTime())[0];
      if (!ledgerReg) continue;
      // The load test's "My profile": someone active with a verified 社会工作师 certificate, a current
      // registration (not due) and a previous period, so the ledger spans both.
      const isBenchWorker = !benchWorker && last.status === "ACTIVE" && ledgerReg.cred.kind === "SOCIAL_WORKER" && ledgerReg.periods.length >= 2 && ledgerReg.periods[0]!.end.getTime() > addDays(today, 90).getTime();
      if (isBenchWorker) benchWorker = { id, name };
      const n = isBenchWorker ? 20 : r.int(0, 11);
      const [cur, prev] = ledgerReg.periods;
      for (let k = 0; k < n; k++) {
        const y = r.next();
        const status = isBenchWorker ? (k === n - 1 ? "SUBMITTED" : k === n - 2 ? "REJECTED" : "VERIFIED") : y < 0.03 ? "SUBMITTED" : y < 0.04 ? "REJECTED" : "VERIFIED";
        // Waiting lines are recent; others fall in the current period (70%) or the previous one.
        const inPrev = !!prev && status !== "SUBMITTED" && r.chance(0.3);
        const period = inPrev ? prev! : cur!;
        const lastDay = new Date(Math.min(period.end.getTime(), today.getTime()));
        const firstDay = status === "SUBMITTED" ? new Date(Math.max(period.start.getTime(), addDays(lastDay, -120).getTime())) : period.start;
        const endDate = firstDay.getTime() > lastDay.getTime() ? lastDay : randomDay(firstDay, lastDay);
        const halfHours = HALF_HOURS[r.int(0, HALF_HOURS.length - 1)]!;
        const startDate = addDays(endDate, -(Math.ceil(halfHours / 16) - 1)); // at most 8 hours a day
        const z = r.next();
        const kind = status === "VERIFIED" && z < 0.4 ? "TRAINING_PROGRAMME" : status === "VERIFIED" && z < 0.65 ? "SUPERVISION" : z < 0.93 ? "EXTERNAL" : "DEGREE_STUDY";
        const credited = kind === "TRAINING_PROGRAMME" || kind === "SUPERVISION";
        const [title, provider] = kind === "TRAINING_PROGRAMME" ? TRAININGS[r.int(0, TRAININGS.length - 1)]! : kind === "SUPERVISION" ? ["个案督导（季度）", "市社会工作督导中心"] : kind === "DEGREE_STUDY" ? ["社会工作硕士（MSW）课程学习", "示例大学社会工作系"] : EXTERNALS[r.int(0, EXTERNALS.length - 1)]!;
        const createdAt = pastStamp(endDate, credited ? 1 : r.int(1, 10));
        const decidedAt = status === "SUBMITTED" ? null : credited ? createdAt : new Date(Math.min(nowMs, new Date(createdAt).getTime() + r.int(1, 20) * DAY)).toISOString();
        L.id!.push(`bench_cpd_${i}_${k}`);
        L.practitionerId!.push(id);
        L.kind!.push(kind);
        L.title!.push(title);
        L.provider!.push(provider);
        L.startDate!.push(iso(startDate));
        L.endDate!.push(iso(endDate));
        L.halfHours!.push(halfHours);
        L.sourceRef!.push(credited ? `bench:${kind === "SUPERVISION" ? "supervision" : "training"}:${i}_${k}` : null);
        L.status!.push(status);
        L.reason!.push(status === "REJECTED" ? REJECT_REASONS[r.int(0, REJECT_REASONS.length - 1)]! : null);
        L.decidedById!.push(status === "SUBMITTED" || credited ? null : verifier);
        L.decidedAt!.push(decidedAt);
        L.createdAt!.push(createdAt);
        L.updatedAt!.push(decidedAt ?? createdAt);
      }
    }
    await client.query("BEGIN");
    await insert(client, "Practitioner", P, {
      gender: '"Gender"', birthDate: "date", degree: '"Degree"', major: '"Major"', professionalTitle: '"ProfessionalTitle"', employmentType: '"EmploymentType"', hireDate: "date",
      practiceFields: '"PracticeField"[]', targetGroups: '"TargetGroup"[]', talentTrack: '"TalentTrack"', entryPath: '"EntryPath"', entryDate: "date", status: '"PractitionerStatus"', statusSince: "date",
      keyPost: "boolean", isQualified: "boolean", qualifiedSince: "date", qualificationLevel: '"QualificationLevel"', g1Msw: "boolean", g1DeputySenior: "boolean", g1SocialWorker: "boolean", g1ProvincialAward: "boolean", g1KeyPost: "boolean", registrationEnd: "date", updatedAt: "timestamp",
    });
    await insert(client, "PractitionerStatusChange", S, { status: '"PractitionerStatus"', effectiveFrom: "date" });
    await insert(client, "Credential", C, { kind: '"CredentialKind"', degreeLevel: '"Degree"', issueDate: "date", status: '"CredentialStatus"', verifiedAt: "timestamp", updatedAt: "timestamp" });
    await insert(client, "CredentialEvent", E, { fromStatus: '"CredentialStatus"', toStatus: '"CredentialStatus"', at: "timestamp" });
    await insert(client, "Registration", R, { periodStart: "date", periodEnd: "date", createdAt: "timestamp", updatedAt: "timestamp" });
    await insert(client, "RegistrationPeriod", RP, { start: "date", end: "date", origin: '"RegistrationPeriodOrigin"', createdAt: "timestamp" });
    await insert(client, "CpdEntry", L, { kind: '"CpdKind"', startDate: "date", endDate: "date", halfHours: "int", status: '"ReviewStatus"', decidedAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp" });
    await insert(client, "QualifiedPeriod", Q, { from: "date", to: "date", entryPath: '"EntryPath"', isFirst: "boolean" });
    await client.query("COMMIT");
    periodsTotal += Q.id!.length;
    credsTotal += C.id!.length;
    registrationsTotal += R.id!.length;
    cpdTotal += L.id!.length;
    process.stdout.write(`\r${end} practitioners, ${credsTotal} credentials, ${registrationsTotal} registrations, ${cpdTotal} ledger entries, ${periodsTotal} qualified periods (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log(`\n${cpdTotal} continuing-education ledger entries inserted`);

  // The load test's practitioner login, with the demo users' password (copied hash), if not there yet.
  if (benchWorker) {
    const { rows: demo } = await client.query<{ passwordHash: string | null }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [DEMO_WORKER_EMAIL]);
    if (!demo[0]?.passwordHash) console.warn(`${DEMO_WORKER_EMAIL} not found (or has no password): ${BENCH_WORKER_EMAIL} not created`);
    else {
      const { rowCount } = await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "practitionerId", "updatedAt") VALUES ($1, $2, $3, $4, 'PRACTITIONER', $5, now()) ON CONFLICT DO NOTHING`,
        ["bench_user_worker", BENCH_WORKER_EMAIL, benchWorker.name, demo[0].passwordHash, benchWorker.id],
      );
      console.log(rowCount ? `${BENCH_WORKER_EMAIL} → ${benchWorker.id} (${benchWorker.name})` : `${BENCH_WORKER_EMAIL} already exists: left as it is`);
    }
  } else console.warn(`no active practitioner with a verified 社会工作师 certificate: ${BENCH_WORKER_EMAIL} not created`);

  // Derived facts were written with the current rule: a migration's pending recompute has nothing to do.
  await client.query(`UPDATE "DataTask" SET "doneAt" = now() WHERE "doneAt" IS NULL AND key LIKE 'recompute-qualification%'`);
  await client.query("ANALYZE");
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s (ANALYZE included)`);
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
