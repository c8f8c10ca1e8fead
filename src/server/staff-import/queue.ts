import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { processAttendanceChunk } from "@/server/trainings/attendance-import/processor";
import { processExamChunk } from "@/server/exams/import/processor";
import { failImport, runImport, type TRunOptions } from "./processor";

// The background queue for imports: pg-boss 10 (PostgreSQL-backed, its own `pgboss` schema; 11+
// needs Node 22). One PgBoss instance per process, kept on globalThis so Next's dev reloads do not
// start a second one. pg-boss delivers and retries; what makes a run safe to repeat or to overlap
// is the import's own design (processor.ts: chunk transactions under a lock on the job row, the
// run token). See docs/decisions/006-import-jobs.md.

export const IMPORT_QUEUE = "staff-import";
export const PGBOSS_SCHEMA = "pgboss";
const RETRY_LIMIT = 3;
/** Jobs left QUEUED or RUNNING without progress for this long are sent again (a dead instance, a lost send). */
const STALE_MS = 5 * 60_000;
const SWEEP_MS = 60_000;

type TQueueState = {
  boss: PgBoss | null;
  starting: Promise<PgBoss> | null;
  worker: boolean;
  stopping: boolean;
  sweep: ReturnType<typeof setInterval> | null;
  signals?: boolean;
};

const g = globalThis as unknown as { __swpImportQueue?: TQueueState };
const state: TQueueState = (g.__swpImportQueue ??= { boss: null, starting: null, worker: false, stopping: false, sweep: null });

async function getBoss(): Promise<PgBoss> {
  if (state.boss) return state.boss;
  state.starting ??= (async () => {
    const boss = new PgBoss({
      connectionString: env.DATABASE_URL,
      schema: PGBOSS_SCHEMA,
      max: 3,
      application_name: "swp-import-queue",
      // Nothing here is scheduled by cron: the portal's own maintenance runs on its own timer.
      schedule: false,
    });
    boss.on("error", (error) => console.warn("[imports] queue:", error.message));
    await boss.start();
    await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, policy: "standard", retryLimit: RETRY_LIMIT, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 });
    state.boss = boss;
    return boss;
  })();
  try {
    return await state.starting;
  } catch (error) {
    state.starting = null;
    throw error;
  }
}

/** Queues a run of the import. Sending twice is harmless (the later claim supersedes; no row is written twice). */
export async function enqueueImport(jobId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(IMPORT_QUEUE, { jobId });
}

type TJobData = { jobId: string };

/** The chunk's work by the job's kind: the staff import's, or another import's that shares this queue. */
const CHUNKS: Record<string, TRunOptions["processChunk"]> = { attendance: processAttendanceChunk, exams: processExamChunk };

async function chunkFor(jobId: string): Promise<TRunOptions["processChunk"]> {
  const job = await prisma.importJob.findUnique({ where: { id: jobId }, select: { kind: true } });
  return job ? CHUNKS[job.kind] : undefined;
}

async function handle([job]: PgBoss.JobWithMetadata<TJobData>[]): Promise<void> {
  if (!job) return;
  try {
    const result = await runImport(job.data.jobId, { shouldStop: () => state.stopping, processChunk: await chunkFor(job.data.jobId) });
    // Stopped between chunks by a shutdown: fail this delivery so pg-boss offers it again (here after a restart, or elsewhere).
    if (result === "stopped") throw new Error("server stopping; the import resumes from its remaining rows");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!state.stopping && job.retryCount >= job.retryLimit) await failImport(job.data.jobId, message).catch(() => undefined);
    throw error;
  }
}

/** Re-sends imports left QUEUED or RUNNING: all of them at start-up (a restart after a crash), the stale ones later. */
export async function requeueInterrupted(olderThanMs = 0): Promise<number> {
  const jobs = await prisma.importJob.findMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, ...(olderThanMs > 0 ? { updatedAt: { lt: new Date(Date.now() - olderThanMs) } } : {}) },
    select: { id: true },
  });
  for (const j of jobs) await enqueueImport(j.id);
  return jobs.length;
}

/** Starts the worker (once per process): called from src/instrumentation.ts, and by tests. */
export async function startImportWorker(): Promise<void> {
  if (state.worker) return;
  state.worker = true;
  state.stopping = false;
  try {
    const boss = await getBoss();
    await boss.work<TJobData>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, handle);
    const resumed = await requeueInterrupted();
    if (resumed) console.info(`[imports] resuming ${resumed} interrupted import(s)`);
    state.sweep = setInterval(() => {
      requeueInterrupted(STALE_MS).catch((error: unknown) => console.warn("[imports] sweep skipped:", error instanceof Error ? error.message : error));
    }, SWEEP_MS);
    state.sweep.unref();
  } catch (error) {
    state.worker = false;
    throw error;
  }
}

/**
 * For the server: starts the worker without holding up start-up, retrying every 30 s while the
 * database is unreachable (npm start brings it up alongside).
 */
export function startImportWorkerInBackground(retryMs = 30_000): void {
  if (!state.signals) {
    state.signals = true;
    // Stop taking chunks when the server is told to stop (Next exits on its own right after).
    const stop = () => void stopImportQueue(10_000).catch(() => undefined);
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  startImportWorker().catch((error: unknown) => {
    if (state.stopping) return;
    console.warn("[imports] worker not started yet:", error instanceof Error ? error.message : error);
    setTimeout(() => startImportWorkerInBackground(retryMs), retryMs).unref();
  });
}

/** Stops taking work, lets a running chunk finish (the rest of that import stays PENDING and resumes later), closes the pool. */
export async function stopImportQueue(timeoutMs = 20_000): Promise<void> {
  state.stopping = true;
  if (state.sweep) clearInterval(state.sweep);
  state.sweep = null;
  const boss = state.boss ?? (state.starting ? await state.starting.catch(() => null) : null);
  state.boss = null;
  state.starting = null;
  state.worker = false;
  if (boss) await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
