import "server-only";
import { prisma } from "@/server/db";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { canonicaliseStoredNumbers } from "./canonical-numbers";

// One-off data jobs a migration (or a settings change) asks for by inserting a DataTask row; the
// maintenance pass runs each pending one once, under its lock, and marks it done. A task is
// idempotent, so a crash half-way simply runs it again.

const BATCH = 200;

type TDb = typeof prisma;

/** Recomputes every practitioner's derived facts (after the counting rule or a G1 setting changed). */
export async function recomputeAll(today = new Date(), db: TDb = prisma): Promise<number> {
  const g1 = { seniorCertificateIsG1b: (await getQualificationSettings(db)).seniorCertificateIsG1b };
  let cursor: string | undefined;
  let n = 0;
  for (;;) {
    const ids = await db.practitioner.findMany({
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (ids.length === 0) return n;
    for (const { id } of ids) await db.$transaction((tx) => recomputePractitioner(tx, id, today, g1));
    n += ids.length;
    cursor = ids.at(-1)!.id;
  }
}

/** Task keys are "<job>-<suffix>"; the job names the handler. */
const HANDLERS: Record<string, (today: Date, db: TDb) => Promise<unknown>> = {
  "recompute-qualification": recomputeAll,
  /** Stored certificate and registration numbers and credit codes in their canonical form (issue 11). */
  "canonical-numbers": canonicaliseStoredNumbers,
};

function handlerFor(key: string) {
  const job = Object.keys(HANDLERS).find((name) => key === name || key.startsWith(`${name}-`));
  return job ? HANDLERS[job]! : null;
}

/** Runs the pending tasks in the order they were asked for; returns how many ran. */
export async function runDataTasks(today = new Date(), db: TDb = prisma): Promise<number> {
  const pending = await db.dataTask.findMany({ where: { doneAt: null }, orderBy: [{ createdAt: "asc" }, { key: "asc" }], select: { key: true } });
  let ran = 0;
  for (const { key } of pending) {
    const handler = handlerFor(key);
    if (!handler) {
      console.warn(`[maintenance] unknown data task ${key}: left pending`);
      continue;
    }
    await handler(today, db);
    await db.dataTask.update({ where: { key }, data: { doneAt: new Date() } });
    ran++;
  }
  return ran;
}

/** Asks the next maintenance pass to recompute everyone (e.g. the G1.b setting changed). */
export async function requestRecomputeAll(db: Pick<typeof prisma, "dataTask"> = prisma, reason = "settings"): Promise<void> {
  const key = `recompute-qualification-${reason}-${Date.now()}`;
  await db.dataTask.create({ data: { key } });
}
