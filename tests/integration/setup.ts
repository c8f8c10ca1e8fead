// Runs before each integration test file (vitest.config.ts setupFiles), so no test file repeats it:
//   - the app's Next.js and Auth.js edges are replaced by the test doubles in tests/helpers
//     (the session token comes from actAs(), the request from setRequest(), translations from
//     the real catalogues), reset before every test: nobody signed in, the default request;
//   - uploads go to a throw-away folder of the file's own (set before anything reads @/env);
//   - the app points at the run's database, emptied here, so every file starts from the migrated
//     schema with no rows (factories build what a test needs). pg-boss's own schema
//     (src/server/staff-import/queue.ts) is left alone: it holds only queue state, and emptying its
//     version/queue tables under a running instance would break it;
//   - after the file, the Prisma client disconnects and the uploads folder goes.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, inject, vi } from "vitest";
import { actAsNobody } from "../helpers/fake-auth";
import { setRequest } from "../helpers/fake-headers";

vi.mock("@/server/auth/config", () => import("../helpers/fake-auth"));
vi.mock("next/headers", () => import("../helpers/fake-headers"));
vi.mock("next-intl/server", () => import("../helpers/fake-intl-server"));

const databaseUrl = inject("databaseUrl");
process.env.DATABASE_URL = databaseUrl;
const uploads = await mkdtemp(path.join(tmpdir(), "swp-test-uploads-"));
process.env.STORAGE_DIR = uploads;

await truncateAll(databaseUrl);

beforeEach(() => {
  setRequest();
  actAsNobody();
});

afterAll(async () => {
  // The app's own client (src/server/db.ts), if this file used it; importing it here costs no connection.
  const { prisma } = await import("@/server/db");
  await prisma.$disconnect();
  await rm(uploads, { recursive: true, force: true });
});

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
