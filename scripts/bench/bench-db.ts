// A throw-away benchmark city in one command: an embedded PostgreSQL (ephemeral settings, removed
// when stopped) with the migrations, the demo city, N generated practitioners
// (generate-practitioners.ts) and their training, exam sittings, supervision and rotation lists
// (generate-training.ts), and 5,000 purchased-service contracts with 50,000 milestones
// (generate-services.ts; BENCH_CONTRACTS=<n> for another number). Prints the database URL and the ID key, then keeps the server running
// until Ctrl-C, so a production build can be started against it:
//
//   npx tsx scripts/bench/bench-db.ts [practitioners=100000] [dataDir=/tmp/swp-bench-pg]
//   DATABASE_URL=<printed> ID_ENCRYPTION_KEY=<printed> AUTH_SECRET=… npx next start -p 3114
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres, findFreePort } from "../lib/embedded-db";
import { migrateDeploy } from "../lib/migrations";

const count = process.argv[2] ?? "100000";
const dataDir = process.argv[3] ?? "/tmp/swp-bench-pg";
const port = Number(process.env.BENCH_PG_PORT ?? (await findFreePort()));
const db = await startEmbeddedPostgres({ dataDir, port, database: "bench", ephemeral: true });
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
await migrateDeploy(db.url);
process.env.ID_ENCRYPTION_KEY ??= randomBytes(32).toString("hex");
process.env.DATABASE_URL = db.url;
const { seedDemo } = await import("../../prisma/seed");
await seedDemo(db.url);
const env = { ...process.env, DATABASE_URL: db.url };
execFileSync("npx", ["tsx", "scripts/bench/generate-practitioners.ts", count], { stdio: "inherit", env });
execFileSync("npx", ["tsx", "scripts/bench/generate-training.ts"], { stdio: "inherit", env });
execFileSync("npx", ["tsx", "scripts/bench/generate-services.ts", process.env.BENCH_CONTRACTS ?? "5000"], { stdio: "inherit", env });
console.log(`\nDATABASE_URL=${db.url}\nID_ENCRYPTION_KEY=${process.env.ID_ENCRYPTION_KEY}\n(Ctrl-C stops and removes the database)`);
await new Promise(() => {});
