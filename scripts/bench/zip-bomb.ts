// Benchmark of the zip-bomb guard (security issue, hole 5): a ~1 MB .xlsx whose worksheet inflates
// to 1 GiB of spaces while its headers declare 1,000 bytes, refused by the guard that inflates for
// real and stops at the cap (src/lib/zip-guard.ts, caps in src/server/staff-import/read.ts).
//
//   npx tsx --conditions=react-server scripts/bench/zip-bomb.ts [runs=5] [--exceljs]
//
// (--conditions=react-server lets `import "server-only"` in read.ts load outside Next.) Prints, per
// run of the guard and for one upload read (readImportFile, the path an upload takes): the time,
// the bytes inflated, and memory: RSS and heap used before, the peak sampled every 5 ms during the
// run, and the process's peak RSS so far (getrusage). `--exceljs` then hands the same file to
// exceljs as the upload did before the fix, to show what the guard saves (over 1 GB of memory:
// run it on a machine with room for that).
import ExcelJS from "exceljs";
import { inflateGuard } from "@/lib/zip-guard";
import { INFLATE_LIMITS, readImportFile } from "@/server/staff-import/read";
import { buildLabelIndex } from "@/domain/staff/import-columns";
import { loadMessages } from "@/i18n/load-messages";
import { LOCALES } from "@/lib/locales";
import { gigabyteBomb } from "../../tests/helpers/zip-bomb";

const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const WITH_EXCELJS = process.argv.includes("--exceljs");
const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** Runs `work`, sampling memory every 5 ms; returns its outcome, time and memory figures. */
async function measure<T>(work: () => Promise<T>) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const t0 = performance.now();
  let outcome: T | string;
  try {
    outcome = await work();
  } catch (error) {
    outcome = `threw ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 80)}` : String(error)}`;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  return {
    outcome,
    line: `${ms.toFixed(0)} ms; rss ${mb(before.rss)} → ${mb(after.rss)} (peak ${mb(peakRss)}), heapUsed ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (peak ${mb(peakHeap)}), process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  };
}

async function main() {
  const t0 = performance.now();
  const bomb = gigabyteBomb();
  console.log(`node ${process.version}; workbook built in ${(performance.now() - t0).toFixed(0)} ms: ${mb(bomb.bytes.length)} file, sheet inflates to ${mb(bomb.sheetSize)}, declared 1,000 bytes`);
  const limits = INFLATE_LIMITS;
  console.log(`caps: ${mb(limits.maxEntryBytes)} per part, ${mb(limits.maxTotalBytes)} in all, ${limits.maxEntries} parts, ${limits.maxRows} rows with a value per part`);
  for (let run = 1; run <= RUNS; run++) {
    const { outcome, line } = await measure(() => inflateGuard(bomb.bytes, limits));
    console.log(`guard run ${run}: ${JSON.stringify(outcome)}; ${line}`);
  }

  const index = buildLabelIndex(LOCALES.map((l) => loadMessages(l)));
  const read = await measure(() => readImportFile(bomb.bytes, index));
  console.log(`readImportFile: ${typeof read.outcome === "string" ? read.outcome : "accepted (!)"}; ${read.line}`);

  if (WITH_EXCELJS) {
    const before = await measure(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(bomb.bytes) as unknown as ArrayBuffer).then(() => "loaded"));
    console.log(`exceljs alone (the upload before the fix): ${before.outcome}; ${before.line}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
