// `prisma generate` that works on a machine with no route to Prisma's binary host.
//
// Every Prisma 7 CLI command first makes sure the native schema engine is present and
// downloads it if not, even `generate`, which never runs it. Naming an existing file in
// PRISMA_SCHEMA_ENGINE_BINARY skips that download. Migrations do not need the native
// engine either: scripts/lib/migrations.ts drives the WebAssembly build instead.
//
// Usage: tsx scripts/prisma-generate.ts [extra `prisma generate` flags]
// Runs as `postinstall` and `db:generate`; needs no DATABASE_URL.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const thisFile = fileURLToPath(import.meta.url);
const projectRoot = path.resolve(path.dirname(thisFile), "..");

function prismaCliPath(): string {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve("prisma/package.json");
  const pkg = JSON.parse(readFileSync(pkgJson, "utf8")) as { bin: { prisma: string } };
  return path.join(path.dirname(pkgJson), pkg.bin.prisma);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  // Only checked for existence by `generate`. This script is not executable, so should any
  // command ever try to run it as the engine it fails loudly instead of doing something.
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || thisFile,
  // The version check ping cannot succeed offline; skip it rather than wait for it.
  CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1",
  PRISMA_HIDE_UPDATE_MESSAGE: process.env.PRISMA_HIDE_UPDATE_MESSAGE ?? "1",
};

const result = spawnSync(process.execPath, [prismaCliPath(), "generate", ...process.argv.slice(2)], {
  cwd: projectRoot,
  env,
  stdio: "inherit",
});

if (result.error) {
  console.error(`prisma generate could not start: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
