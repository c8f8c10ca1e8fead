import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { migrateDeploy } from "../../scripts/lib/migrations";
import { runDataTasks } from "@/server/maintenance/data-tasks";
import { todayInCity } from "@/domain/common/calendar-day";

// Migration 20261206063940_qualification_model on a copy of the demo database as it was before
// it (tests/fixtures/demo-before-qualification-model.json.gz: every table's rows, dumped from the
// demo seed at commit 3bc0f81 on 2026-12-06). The copy is loaded into a database migrated up to
// the migration before, then the migration and its data task run, and the counts are compared.

const MIGRATION = "20261206063940_qualification_model";
const ROOT = path.resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(ROOT, "tests/fixtures/demo-before-qualification-model.json.gz"))).toString("utf8")) as {
  madeAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
};
const TODAY = todayInCity(new Date(fixture.madeAt));
const PLAN_START = "2025-01-01";
const CERTIFICATES = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"];

let admin: pg.Client;
let client: pg.Client;
let db: PrismaClient;
let dbName: string;
let url: string;
let before: { atStart: number; today: number; qualifiedIds: string[]; lapsedOnly: string[]; certificates: { id: string; status: string; validUntil: string | null }[]; degrees: unknown[] };

const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;

beforeAll(async () => {
  // A database of its own on the test server.
  const base = new URL(inject("databaseUrl"));
  dbName = `swp_mig_${Math.random().toString(36).slice(2, 10)}`;
  admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const target = new URL(base.toString());
  target.pathname = `/${dbName}`;
  url = target.toString();

  // Migrated up to the migration before this one, exactly as the fixture's database was.
  const earlier = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-migrations-"));
  const all = (await fsp.readdir(path.join(ROOT, "prisma/migrations"))).sort();
  for (const name of all) {
    if (name === "migration_lock.toml" || name < MIGRATION) await fsp.cp(path.join(ROOT, "prisma/migrations", name), path.join(earlier, name), { recursive: true });
  }
  expect((await fsp.readdir(earlier)).filter((n) => n !== "migration_lock.toml").sort()).toEqual(fixture.migrations);
  await migrateDeploy(url, { migrationsDir: earlier });
  await fsp.rm(earlier, { recursive: true, force: true });

  // The demo's rows, loaded as they were (constraints are checked by the data itself).
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SET LOCAL session_replication_role = replica");
  for (const [table, rows] of Object.entries(fixture.tables)) {
    if (rows.length) await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows)]);
  }
  // Autoincrement ids continue after the loaded ones.
  const serials = await q<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval%'`);
  for (const { t, c } of serials) await client.query(`SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), GREATEST(1, (SELECT COALESCE(MAX("${c}"), 0) FROM "${t}")))`);
  await client.query("COMMIT");

  const atStart = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM "QualifiedPeriod" WHERE "from" <= $1::date AND ("to" IS NULL OR "to" > $1::date)`, [PLAN_START]))[0]!.n;
  const qualified = await q<{ id: string }>(`SELECT id FROM "Practitioner" WHERE "isQualified" ORDER BY id`);
  // Who the old model stopped counting only because a certificate "expired": active, not counted,
  // holding an EXPIRED certificate (and nothing revoked-only or unverified explains it).
  const lapsedOnly = await q<{ id: string }>(
    `SELECT p.id FROM "Practitioner" p WHERE p.status = 'ACTIVE' AND NOT p."isQualified"
       AND EXISTS (SELECT 1 FROM "Credential" c WHERE c."practitionerId" = p.id AND c.status = 'EXPIRED' AND c.kind::text = ANY($1))
     ORDER BY p.id`,
    [CERTIFICATES],
  );
  const certificates = await q<{ id: string; status: string; validUntil: string | null }>(
    `SELECT id, status::text, to_char("validUntil", 'YYYY-MM-DD') AS "validUntil" FROM "Credential" WHERE kind::text = ANY($1) ORDER BY id`,
    [CERTIFICATES],
  );
  const degrees = await q(`SELECT * FROM "Credential" WHERE kind = 'SOCIAL_WORK_DEGREE' ORDER BY id`);
  before = { atStart, today: qualified.length, qualifiedIds: qualified.map((r) => r.id), lapsedOnly: lapsedOnly.map((r) => r.id), certificates, degrees };

  // The migration, then the data task it asks for (as the start-up's maintenance pass runs it).
  const upTo = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-migrations-"));
  for (const name of all) {
    if (name === "migration_lock.toml" || name <= MIGRATION) await fsp.cp(path.join(ROOT, "prisma/migrations", name), path.join(upTo, name), { recursive: true });
  }
  expect((await migrateDeploy(url, { migrationsDir: upTo })).applied).toEqual([MIGRATION]);
  await fsp.rm(upTo, { recursive: true, force: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  expect(await runDataTasks(TODAY, db)).toBe(1);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await client?.end();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
});

describe("migration to permanent certificates and registrations, on the demo database", () => {
  it("the fixture is the demo as it was: 40 counted on the plan's first day, certificates with a valid-until, some EXPIRED", () => {
    expect(before.atStart).toBe(40);
    expect(before.certificates.every((c) => c.validUntil !== null)).toBe(true);
    expect(before.certificates.filter((c) => c.status === "EXPIRED").length).toBeGreaterThanOrEqual(5);
  });

  it("every certificate's former valid-until is the end of a registration period, recorded in the audit trail", async () => {
    const regs = await q<{ credentialId: string; end: string; start: string; origin: string }>(
      `SELECT r."credentialId", to_char(r."periodEnd", 'YYYY-MM-DD') AS end, to_char(r."periodStart", 'YYYY-MM-DD') AS start, p.origin::text
         FROM "Registration" r JOIN "RegistrationPeriod" p ON p."registrationId" = r.id ORDER BY r."credentialId"`,
    );
    expect(regs.map((r) => [r.credentialId, r.end])).toEqual(before.certificates.map((c) => [c.id, c.validUntil]));
    expect(new Set(regs.map((r) => r.origin))).toEqual(new Set(["MIGRATED"]));
    for (const r of regs) expect(r.start <= r.end).toBe(true);
    const audit = await q<{ entityId: string; before: { validUntil: string }; after: { periodEnd: string } }>(
      `SELECT "entityId", before, after FROM "AuditEvent" WHERE action = 'credentials.migrateToRegistration' ORDER BY "entityId"`,
    );
    expect(audit.map((a) => [a.entityId, a.before.validUntil, a.after.periodEnd])).toEqual(before.certificates.map((c) => [c.id, c.validUntil, c.validUntil]));
  });

  it("no certificate is EXPIRED any more; each one that was has a step back to VERIFIED in its history", async () => {
    expect(await q(`SELECT id FROM "Credential" WHERE status = 'EXPIRED'`)).toEqual([]);
    const wasExpired = before.certificates.filter((c) => c.status === "EXPIRED").map((c) => c.id);
    const steps = await q<{ credentialId: string }>(`SELECT "credentialId" FROM "CredentialEvent" WHERE "fromStatus" = 'EXPIRED' AND "toStatus" = 'VERIFIED' ORDER BY "credentialId"`);
    expect(steps.map((s) => s.credentialId)).toEqual(wasExpired);
  });

  it("degrees are untouched (only the dropped, always empty valid-until column is gone)", async () => {
    const old = before.degrees.map((row) => {
      const { validUntil, ...rest } = row as Record<string, unknown>;
      expect(validUntil).toBeNull();
      return rest;
    });
    expect(old.length).toBeGreaterThan(10);
    expect(await q(`SELECT * FROM "Credential" WHERE kind = 'SOCIAL_WORK_DEGREE' ORDER BY id`)).toEqual(old);
  });

  it("the growth figures, recomputed from the same rule: 40 on the plan's first day as before; today, exactly the people held back only by an expired certificate count again", async () => {
    const atStart = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM "QualifiedPeriod" WHERE "from" <= $1::date AND ("to" IS NULL OR "to" > $1::date)`, [PLAN_START]))[0]!.n;
    expect(atStart).toBe(40);
    const now = (await q<{ id: string }>(`SELECT id FROM "Practitioner" WHERE "isQualified" ORDER BY id`)).map((r) => r.id);
    // Nobody stops counting; the newcomers are exactly the "lapsed only" people (two in the demo).
    expect(before.qualifiedIds.every((id) => now.includes(id))).toBe(true);
    expect(now.filter((id) => !before.qualifiedIds.includes(id))).toEqual(before.lapsedOnly);
    expect(before.lapsedOnly).toHaveLength(2);
    expect(now.length).toBe(before.today + 2);
    // And the series agrees with the flags.
    const today = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM "QualifiedPeriod" WHERE "from" <= $1::date AND ("to" IS NULL OR "to" > $1::date)`, [TODAY.toISOString().slice(0, 10)]))[0]!.n;
    expect(today).toBe(now.length);
  });

  it("a lapse and return is one continuous period now (renewed certificates no longer leave a gap), and returns are not first periods", async () => {
    const rows = await q<{ practitionerId: string; n: number; firsts: number }>(
      `SELECT "practitionerId", count(*)::int AS n, count(*) FILTER (WHERE "isFirst")::int AS firsts FROM "QualifiedPeriod" GROUP BY 1`,
    );
    for (const r of rows) expect(r.firsts, r.practitionerId).toBe(1);
  });

  it("registrationEnd is the latest period end of each person's verified certificates; the data task is done", async () => {
    const mismatches = await q(
      `SELECT p.id FROM "Practitioner" p
        LEFT JOIN (SELECT r."practitionerId", MAX(r."periodEnd") AS e FROM "Registration" r JOIN "Credential" c ON c.id = r."credentialId" AND c.status = 'VERIFIED' GROUP BY 1) x ON x."practitionerId" = p.id
        WHERE p."registrationEnd" IS DISTINCT FROM x.e`,
    );
    expect(mismatches).toEqual([]);
    expect(await q(`SELECT key FROM "DataTask" WHERE "doneAt" IS NULL`)).toEqual([]);
  });
});

describe("migration 20261206100000_id_mask_last_four, on the same database (issue 10, hole 1)", () => {
  it("every stored mask keeps only the last four characters, in the register, pending import rows and audit snapshots", async () => {
    const OLD = "^[0-9]{6}\\*+[0-9Xx]{4}$";
    const masks = await q<{ id: string; m: string }>(`SELECT id, "idNumberMasked" AS m FROM "Practitioner" WHERE "idNumberMasked" IS NOT NULL ORDER BY id`);
    const auditOld = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE before->>'idNumberMasked' ~ $1 OR after->>'idNumberMasked' ~ $1 OR before->>'idNumber' ~ $1 OR after->>'idNumber' ~ $1`, [OLD]))[0]!.n;
    expect(masks.length).toBeGreaterThan(100);
    expect(masks.every((r) => new RegExp(OLD).test(r.m))).toBe(true);
    // The demo seed writes no audit rows with a mask: add what an edit and a reveal wrote then.
    const old = masks[0]!.m;
    await client.query(`INSERT INTO "AuditEvent" (action, entity, "entityId", before, after) VALUES ('practitioners.update', 'Practitioner', $1, $2, $3), ('practitioners.revealIdNumber', 'Practitioner', $1, NULL, $4)`, [
      masks[0]!.id,
      JSON.stringify({ idNumber: old, name: "甲" }),
      JSON.stringify({ idNumber: `${old.slice(0, 6)}********9999`, name: "乙" }),
      JSON.stringify({ idNumberMasked: old, revealed: true }),
    ]);
    expect(await auditOld()).toBe(2);

    const MASK = "20261206100000_id_mask_last_four";
    const upTo = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-migrations-"));
    for (const name of (await fsp.readdir(path.join(ROOT, "prisma/migrations"))).sort()) {
      if (name === "migration_lock.toml" || name <= MASK) await fsp.cp(path.join(ROOT, "prisma/migrations", name), path.join(upTo, name), { recursive: true });
    }
    expect((await migrateDeploy(url, { migrationsDir: upTo })).applied).toEqual([MASK]);
    await fsp.rm(upTo, { recursive: true, force: true });

    const after = await q<{ id: string; m: string }>(`SELECT id, "idNumberMasked" AS m FROM "Practitioner" WHERE "idNumberMasked" IS NOT NULL ORDER BY id`);
    expect(after.map((r) => [r.id, r.m])).toEqual(masks.map((r) => [r.id, `${"*".repeat(14)}${r.m.slice(-4)}`]));
    expect(await auditOld()).toBe(0);
    const audit = await q<{ action: string; before: unknown; after: unknown }>(`SELECT action, before, after FROM "AuditEvent" WHERE "entityId" = $1 AND action IN ('practitioners.update', 'practitioners.revealIdNumber') ORDER BY id`, [masks[0]!.id]);
    const stars = "*".repeat(14);
    expect(audit).toEqual([
      { action: "practitioners.update", before: { idNumber: `${stars}${old.slice(-4)}`, name: "甲" }, after: { idNumber: `${stars}9999`, name: "乙" } },
      { action: "practitioners.revealIdNumber", before: null, after: { idNumberMasked: `${stars}${old.slice(-4)}`, revealed: true } },
    ]);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportRow" WHERE data->>'idNumberMasked' ~ $1`, [OLD]))[0]!.n).toBe(0);
  });
});
