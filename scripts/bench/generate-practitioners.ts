// Loads N synthetic practitioners (default 100,000) with credentials, status history, derived
// facts and QualifiedPeriod rows into a database that already holds the demo city
// (regions, organisations, logins), for the performance measurements in docs/benchmarks.md.
//
//   DATABASE_URL=postgresql://…/dash100k ID_ENCRYPTION_KEY=… npx tsx scripts/bench/generate-practitioners.ts [count]
//
// Derived facts come from the same pure functions as src/server/practitioners/rules.ts
// (src/server/seed/derive.ts). Rows go in with multi-row INSERTs (unnest of arrays), batch by batch.
import pg from "pg";
import { deriveFacts } from "../../src/server/seed/derive";
import { chineseName, rng } from "../../src/server/seed/demo-practitioners";
import { idNumberFor } from "../../src/server/seed/id-numbers";
import { encryptIdNumber, idNumberLookupHash } from "../../src/lib/id-crypto";
import { maskIdNumber } from "../../src/lib/id-number";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TCredentialFact, TStatusFact } from "@/domain/practitioners/qualification";

const COUNT = Number(process.argv[2] ?? 100_000);
const BATCH = 5_000;
const DAY = 86_400_000;
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
const pgArray = (xs: string[]) => `{${xs.join(",")}}`;

type TCols = Record<string, (string | number | boolean | null)[]>;
const cols = (names: string[]): TCols => Object.fromEntries(names.map((n) => [n, []]));

async function insert(client: pg.Client, table: string, data: TCols, types: Record<string, string>) {
  const names = Object.keys(data);
  if (data[names[0]!]!.length === 0) return;
  // Multi-argument unnest() zips the column arrays into rows; enums and enum arrays travel as text.
  const params = names.map((c) => data[c]);
  const sqlType = (c: string) => {
    const t = types[c] ?? "text";
    return t.startsWith('"') ? "text" : t;
  };
  const select = names.map((c, i) => {
    const t = types[c] ?? "text";
    return t.startsWith('"') ? `c${i}::${t}` : `c${i}`;
  });
  const from = names.map((c, i) => `$${i + 1}::${sqlType(c)}[]`).join(", ");
  await client.query(
    `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(", ")}) SELECT ${select.join(", ")} FROM unnest(${from}) AS t(${names.map((_, i) => `c${i}`).join(", ")})`,
    params,
  );
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

  let periodsTotal = 0;
  let credsTotal = 0;
  for (let startAt = 0; startAt < COUNT; startAt += BATCH) {
    const P = cols(["id", "name", "gender", "birthDate", "idNumberEncrypted", "idNumberHash", "idNumberMasked", "phone", "degree", "major", "professionalTitle", "organizationId", "regionId", "regionPath", "employmentType", "hireDate", "practiceFields", "targetGroups", "talentTrack", "entryPath", "entryDate", "status", "statusSince", "keyPost", "isQualified", "qualifiedSince", "qualificationLevel", "g1Msw", "g1DeputySenior", "g1SocialWorker", "g1ProvincialAward", "g1KeyPost", "updatedAt"]);
    const C = cols(["id", "practitionerId", "kind", "degreeLevel", "number", "issuingAuthority", "issueDate", "validUntil", "status", "statusReason", "verifiedById", "verifiedAt", "updatedAt"]);
    const E = cols(["id", "credentialId", "fromStatus", "toStatus", "actorId", "at"]);
    const S = cols(["id", "practitionerId", "status", "effectiveFrom"]);
    const Q = cols(["id", "practitionerId", "from", "to", "regionPath", "entryPath"]);
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
      if (r.chance(0.07)) history.push({ status: r.chance(0.8) ? "LEFT" : "RETIRED", effectiveFrom: randomDay(entryDate, today) });
      const creds: (TCredentialFact & { id: string })[] = [];
      const x = r.next();
      if (x < 0.7) {
        const degree = r.chance(0.25);
        const issue = randomDay(addDays(entryDate, -1500), addDays(entryDate, 700));
        const kind = degree ? "SOCIAL_WORK_DEGREE" : r.chance(0.65) ? "ASSISTANT_SOCIAL_WORKER" : r.chance(0.9) ? "SOCIAL_WORKER" : "SENIOR_SOCIAL_WORKER";
        const validUntil = degree ? null : addDays(issue, r.int(700, 2400));
        const issueDate = issue.getTime() > today.getTime() ? today : issue;
        creds.push({ id: `bench_cr_${i}_0`, kind, status: validUntil && validUntil < today ? "EXPIRED" : "VERIFIED", issueDate, validUntil, degreeLevel: degree ? (r.chance(0.2) ? "MASTER" : "BACHELOR") : null });
        if (validUntil && validUntil < today && r.chance(0.5)) {
          const renewed = addDays(validUntil, r.int(-30, 120));
          if (renewed < today) creds.push({ id: `bench_cr_${i}_1`, kind, status: "VERIFIED", issueDate: renewed, validUntil: addDays(renewed, 365 * 5) });
        }
      } else if (x < 0.8) creds.push({ id: `bench_cr_${i}_0`, kind: "ASSISTANT_SOCIAL_WORKER", status: "SUBMITTED", issueDate: addDays(today, -r.int(1, 90)), validUntil: addDays(today, 1500) });
      else if (x < 0.83) creds.push({ id: `bench_cr_${i}_0`, kind: "ASSISTANT_SOCIAL_WORKER", status: "REJECTED", issueDate: addDays(today, -r.int(1, 300)), validUntil: addDays(today, 1500) });

      const degree = creds.find((c) => c.kind === "SOCIAL_WORK_DEGREE")?.degreeLevel ?? (r.chance(0.6) ? "BACHELOR" : "ASSOCIATE");
      const title = r.chance(0.04) ? "DEPUTY_SENIOR" : r.chance(0.2) ? "INTERMEDIATE" : "NONE";
      const keyPost = r.chance(0.05);
      const d = deriveFacts(creds, history, entryDate, { degree: degree as never, professionalTitle: title, keyPost, awardLevels: [] }, today);
      const last = history.at(-1)!;
      const fields = [FIELDS[r.int(0, FIELDS.length - 1)]!, ...(r.chance(0.4) ? [FIELDS[r.int(0, FIELDS.length - 1)]!] : [])].filter((f, k, a) => a.indexOf(f) === k);
      const now = new Date().toISOString();
      const row: Record<string, string | number | boolean | null> = {
        id,
        name: chineseName(r, gender),
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
        isQualified: d.isQualified,
        qualifiedSince: iso(d.qualifiedSince),
        qualificationLevel: d.qualificationLevel,
        g1Msw: d.g1Msw,
        g1DeputySenior: d.g1DeputySenior,
        g1SocialWorker: d.g1SocialWorker,
        g1ProvincialAward: d.g1ProvincialAward,
        g1KeyPost: d.g1KeyPost,
        updatedAt: now,
      };
      for (const k of Object.keys(P)) P[k]!.push(row[k]!);
      history.forEach((h, k) => {
        S.id!.push(`bench_st_${i}_${k}`);
        S.practitionerId!.push(id);
        S.status!.push(h.status);
        S.effectiveFrom!.push(iso(h.effectiveFrom));
      });
      for (const c of creds) {
        const verified = c.status === "VERIFIED" || c.status === "EXPIRED";
        C.id!.push(c.id);
        C.practitionerId!.push(id);
        C.kind!.push(c.kind);
        C.degreeLevel!.push(c.degreeLevel ?? null);
        C.number!.push(`B${String(i).padStart(7, "0")}${c.id.slice(-1)}`);
        C.issuingAuthority!.push("人力资源和社会保障部 民政部");
        C.issueDate!.push(iso(c.issueDate));
        C.validUntil!.push(iso(c.validUntil ?? null));
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
      d.periods.forEach((p, k) => {
        Q.id!.push(`bench_qp_${i}_${k}`);
        Q.practitionerId!.push(id);
        Q.from!.push(iso(p.from));
        Q.to!.push(iso(p.to));
        Q.regionPath!.push(org.path);
        Q.entryPath!.push(entryPath);
      });
    }
    await client.query("BEGIN");
    await insert(client, "Practitioner", P, {
      gender: '"Gender"', birthDate: "date", degree: '"Degree"', major: '"Major"', professionalTitle: '"ProfessionalTitle"', employmentType: '"EmploymentType"', hireDate: "date",
      practiceFields: '"PracticeField"[]', targetGroups: '"TargetGroup"[]', talentTrack: '"TalentTrack"', entryPath: '"EntryPath"', entryDate: "date", status: '"PractitionerStatus"', statusSince: "date",
      keyPost: "boolean", isQualified: "boolean", qualifiedSince: "date", qualificationLevel: '"QualificationLevel"', g1Msw: "boolean", g1DeputySenior: "boolean", g1SocialWorker: "boolean", g1ProvincialAward: "boolean", g1KeyPost: "boolean", updatedAt: "timestamp",
    });
    await insert(client, "PractitionerStatusChange", S, { status: '"PractitionerStatus"', effectiveFrom: "date" });
    await insert(client, "Credential", C, { kind: '"CredentialKind"', degreeLevel: '"Degree"', issueDate: "date", validUntil: "date", status: '"CredentialStatus"', verifiedAt: "timestamp", updatedAt: "timestamp" });
    await insert(client, "CredentialEvent", E, { fromStatus: '"CredentialStatus"', toStatus: '"CredentialStatus"', at: "timestamp" });
    await insert(client, "QualifiedPeriod", Q, { from: "date", to: "date", entryPath: '"EntryPath"' });
    await client.query("COMMIT");
    periodsTotal += Q.id!.length;
    credsTotal += C.id!.length;
    process.stdout.write(`\r${end} practitioners, ${credsTotal} credentials, ${periodsTotal} qualified periods (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await client.query("ANALYZE");
  console.log(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s (ANALYZE included)`);
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
