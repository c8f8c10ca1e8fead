// Runs before each integration test file: point the app at the run's database and empty it,
// so every file starts from the migrated schema with no rows (factories build what a test needs).
// pg-boss's own schema (src/server/staff-import/queue.ts) is left alone: it holds only queue state,
// and emptying its version/queue tables under a running instance would break it.
import pg from "pg";
import { inject } from "vitest";

const databaseUrl = inject("databaseUrl");
process.env.DATABASE_URL = databaseUrl;

await truncateAll(databaseUrl);

export async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pgboss') AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length > 0) await client.query(`TRUNCATE TABLE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
