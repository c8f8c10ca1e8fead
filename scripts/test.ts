// `npm test`: every check, in order, each one reporting even when an earlier one failed:
//   lint → typecheck → unit → integration → e2e
// Lint and typecheck count as one test each; vitest and Playwright counts come from their JSON
// reports. The last line is always `N passed, N failed` (read by CI). Exit 1 if anything failed
// or a runner produced no results.
//
//   npm test -- --only unit,integration     run only these stages
//   npm test -- --skip e2e                  run all but these
import { spawn } from "node:child_process";
import fsp from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reportsDir = path.join(root, "test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type StageName = "lint" | "typecheck" | "unit" | "integration" | "e2e";
const ALL: StageName[] = ["lint", "typecheck", "unit", "integration", "e2e"];

interface Result {
  stage: StageName;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

function parseStages(argv: string[]): StageName[] {
  const list = (flag: string) => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    const raw = argv[i]!.includes("=") ? argv[i]!.split("=")[1]! : (argv[i + 1] ?? "");
    const names = raw.split(",").map((s) => s.trim()).filter(Boolean);
    for (const n of names) {
      if (!ALL.includes(n as StageName)) {
        console.error(`Unknown stage "${n}" (stages: ${ALL.join(", ")})`);
        process.exit(2);
      }
    }
    return names as StageName[];
  };
  const only = list("--only");
  const skip = list("--skip") ?? [];
  return ALL.filter((s) => (only ? only.includes(s) : true) && !skip.includes(s));
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fsp.readFile(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** A check that is one test: passed or failed. */
async function single(stage: StageName, commands: [string, string[]][]): Promise<Omit<Result, "seconds">> {
  for (const [command, args] of commands) {
    const code = await run(command, args);
    if (code !== 0) return { stage, passed: 0, failed: 1, skipped: 0, note: `${path.basename(command)} exit ${code}` };
  }
  return { stage, passed: 1, failed: 0, skipped: 0 };
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; message?: string; assertionResults: { status: string }[] }[];
}

async function vitest(stage: "unit" | "integration"): Promise<Omit<Result, "seconds">> {
  const file = path.join(reportsDir, `${stage}.json`);
  await fsp.rm(file, { force: true });
  const code = await run(bin("vitest"), ["run", "--project", stage, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = await readJson<VitestReport>(file);
  if (!report) return { stage, passed: 0, failed: 1, skipped: 0, note: `no results (vitest exit ${code})` };
  // A file that fails to load has no failed tests, but is a failure.
  const brokenFiles = report.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  let failed = report.numFailedTests + brokenFiles;
  const passed = report.numPassedTests;
  let note = brokenFiles ? `${brokenFiles} file(s) failed to run` : undefined;
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `vitest exit ${code}`;
  }
  if (passed + failed === 0) return { stage, passed: 0, failed: 1, skipped: 0, note: "no tests ran" };
  return { stage, passed, failed, skipped: report.numPendingTests + report.numTodoTests, note };
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
}

async function e2e(): Promise<Omit<Result, "seconds">> {
  const file = path.join(reportsDir, "e2e.json");
  await fsp.rm(file, { force: true });
  const code = await run(bin("tsx"), [path.join(root, "scripts", "e2e.ts")], { E2E_JSON_REPORT: file });
  const report = await readJson<PlaywrightReport>(file);
  if (!report) return { stage: "e2e", passed: 0, failed: 1, skipped: 0, note: `no results (e2e exit ${code})` };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const passed = expected + flaky;
  let failed = unexpected;
  const notes: string[] = [];
  if (flaky) notes.push(`${flaky} flaky`);
  if (report.errors?.length) {
    notes.push(`${report.errors.length} error(s) outside tests`);
    failed += failed === 0 ? 1 : 0;
  }
  if (code !== 0 && failed === 0) {
    failed = 1;
    notes.push(`e2e exit ${code}`);
  }
  if (passed + failed === 0) return { stage: "e2e", passed: 0, failed: 1, skipped, note: "no tests ran" };
  return { stage: "e2e", passed, failed, skipped, note: notes.join(", ") || undefined };
}

const STAGES: Record<StageName, () => Promise<Omit<Result, "seconds">>> = {
  lint: () => single("lint", [[bin("eslint"), [".", "--max-warnings=0"]]]),
  // `next typegen` writes next-env.d.ts and the route types that tsc needs on a fresh clone.
  typecheck: () => single("typecheck", [[bin("next"), ["typegen"]], [bin("tsc"), ["--noEmit"]]]),
  unit: () => vitest("unit"),
  integration: () => vitest("integration"),
  e2e,
};

const stages = parseStages(process.argv.slice(2));
await fsp.mkdir(reportsDir, { recursive: true });
const results: Result[] = [];
const tAll = performance.now();
for (const stage of stages) {
  console.log(`\n━━ ${stage} ${"━".repeat(Math.max(0, 60 - stage.length))}`);
  const t = performance.now();
  let result: Omit<Result, "seconds">;
  try {
    result = await STAGES[stage]();
  } catch (error) {
    result = { stage, passed: 0, failed: 1, skipped: 0, note: (error as Error).message };
  }
  results.push({ ...result, seconds: (performance.now() - t) / 1000 });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n━━ summary ${"━".repeat(53)}`);
for (const r of results) {
  const mark = r.failed ? "✗" : "✓";
  const skipped = r.skipped ? `, ${r.skipped} skipped` : "";
  console.log(
    `${mark} ${r.stage.padEnd(12)} ${String(r.passed).padStart(4)} passed, ${String(r.failed).padStart(3)} failed${skipped}` +
      `  (${r.seconds.toFixed(1)} s)${r.note ? `  ${r.note}` : ""}`,
  );
}
console.log(`  total ${((performance.now() - tAll) / 1000).toFixed(1)} s; reports in ${path.relative(root, reportsDir)}/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
