// One throw-away database per integration run, migrated with the same code as `npm start`:
//   TEST_DATABASE_URL set → a new database swp_test_<random> on that server, dropped at the end;
//   otherwise          → an ephemeral embedded PostgreSQL in a temp folder on a free port.
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t = performance.now();
  const { url, teardown, where } = process.env.TEST_DATABASE_URL
    ? await databaseOnServer(process.env.TEST_DATABASE_URL)
    : await embeddedServer();
  try {
    const { applied } = await migrateDeploy(url);
    console.log(`[integration] ${where}: ${applied.length} migration(s) applied in ${Math.round(performance.now() - t)} ms`);
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return teardown;
}

async function embeddedServer() {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "swp-test-pg-"));
  const port = await findFreePort();
  const db = await startEmbeddedPostgres({ dataDir, port, database: "swp_test", ephemeral: true });
  return {
    url: db.url,
    where: `ephemeral PostgreSQL on port ${port}`,
    teardown: async () => {
      await db.stop();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function databaseOnServer(serverUrl: string) {
  const name = `swp_test_${randomBytes(6).toString("hex")}`;
  const admin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  await admin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: `database ${name} on ${url.host}`,
    teardown: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}
