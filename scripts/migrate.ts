// Database migrations without a download: `prisma migrate` needs a native engine fetched
// from the internet, this uses the WebAssembly build instead (see scripts/lib/migrations.ts).
//
//   tsx scripts/migrate.ts create <name> [--create-only]   write the next migration, then apply it
//   tsx scripts/migrate.ts deploy                          apply pending migrations
//   tsx scripts/migrate.ts status                          exit code 1 unless up to date
//   tsx scripts/migrate.ts resolve --rolled-back|--applied <migration>
//                                                          settle a failed migration
//
// Connects to DATABASE_URL, read from the environment or .env.

import path from "node:path";
import { fileURLToPath } from "node:url";

import { config as loadDotenv } from "dotenv";

import {
  migrateCreate,
  migrateDeploy,
  migrateResolve,
  migrateStatus,
  type MigrationStatus,
} from "./lib/migrations";

const USAGE = `Usage:
  tsx scripts/migrate.ts create <name> [--create-only]
  tsx scripts/migrate.ts deploy
  tsx scripts/migrate.ts status
  tsx scripts/migrate.ts resolve --rolled-back|--applied <migration>`;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

class UsageError extends Error {}

function log(message: string): void {
  console.log(message);
}

function list(names: string[]): string {
  return names.map((name) => `  ${name}`).join("\n");
}

function printStatus(status: MigrationStatus): void {
  log(`${status.applied.length} migration(s) applied.`);
  if (status.pending.length > 0) log(`Not yet applied:\n${list(status.pending)}`);
  if (status.failed.length > 0) {
    log(`Failed (fix, then \`resolve --rolled-back <name>\` or \`resolve --applied <name>\`):\n${list(status.failed)}`);
  }
  if (status.edited.length > 0) log(`Modified after they were applied:\n${list(status.edited)}`);
  if (status.missingLocally.length > 0) {
    log(`Applied to the database but missing from prisma/migrations:\n${list(status.missingLocally)}`);
  }
  if (status.upToDate) log("Database schema is up to date.");
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
  const positional = rest.filter((arg) => !arg.startsWith("--"));

  if (!command || command === "--help" || command === "-h") throw new UsageError("");

  loadDotenv({ path: path.join(projectRoot, ".env"), quiet: true });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Set it in the environment or in .env, for example:\n" +
        "  DATABASE_URL=postgresql://user:password@localhost:5432/portal?schema=public",
    );
    return 1;
  }

  switch (command) {
    case "create": {
      const name = positional.join(" ");
      if (!name) throw new UsageError("create needs a migration name, e.g. `create add_practitioner_phone`.");
      const { created } = await migrateCreate(databaseUrl, name);
      if (!created) {
        log("No schema changes: prisma/migrations already matches prisma/schema.prisma.");
      } else {
        log(`Created prisma/migrations/${created}/migration.sql`);
      }
      if (!flags.has("--create-only")) await migrateDeploy(databaseUrl, { log });
      return 0;
    }
    case "deploy": {
      await migrateDeploy(databaseUrl, { log });
      return 0;
    }
    case "status": {
      const status = await migrateStatus(databaseUrl);
      printStatus(status);
      return status.upToDate ? 0 : 1;
    }
    case "resolve": {
      const as = flags.has("--applied") ? "applied" : flags.has("--rolled-back") ? "rolled-back" : undefined;
      const [migration] = positional;
      if (!as || !migration || flags.has("--applied") === flags.has("--rolled-back")) {
        throw new UsageError("resolve needs exactly one of --rolled-back or --applied, and a migration name.");
      }
      await migrateResolve(databaseUrl, migration, as);
      log(`Marked ${migration} as ${as}.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    // Engine errors already read as sentences; their stacks point into WebAssembly.
    const err = error instanceof Error ? error : new Error(String(error));
    console.error(process.env.MIGRATIONS_DEBUG ? err.stack : `Error: ${err.message.replace(/^Error: /, "")}`);
    process.exitCode = 1;
  }
}
