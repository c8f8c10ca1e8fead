import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { truncateAll } from "./setup";

// The harness itself: the run's database is migrated, and the per-file reset empties it.
describe("integration database", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const userTables = async () =>
    (
      await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows.map((r) => r.tablename);

  it("exposes the database to the app through DATABASE_URL", () => {
    expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
  });

  it("has every migration applied", async () => {
    const { rows } = await client.query<{ n: number; pending: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL)::int AS pending
         FROM _prisma_migrations`,
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect(rows[0]?.pending).toBe(0);
    expect(await userTables()).not.toHaveLength(0);
  });

  it("starts each file with empty tables, and truncateAll empties them again", async () => {
    const tables = await userTables();
    for (const t of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(t)}`);
      expect(rows[0].n, t).toBe(0);
    }

    // A scratch table keeps this test independent of the domain schema.
    await client.query(`CREATE TABLE IF NOT EXISTS swp_harness_probe (id serial PRIMARY KEY)`);
    await client.query(`INSERT INTO swp_harness_probe DEFAULT VALUES`);
    await truncateAll(inject("databaseUrl"));
    const after = await client.query(`SELECT count(*)::int AS n FROM swp_harness_probe`);
    expect(after.rows[0].n).toBe(0);
    // RESTART IDENTITY: sequences start over.
    const again = await client.query(`INSERT INTO swp_harness_probe DEFAULT VALUES RETURNING id`);
    expect(again.rows[0].id).toBe(1);
    await client.query(`DROP TABLE swp_harness_probe`);
  });
});
