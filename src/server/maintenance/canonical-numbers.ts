import "server-only";
import { prisma } from "@/server/db";
import { canonicalNumber } from "@/lib/canonical-number";

// Data task "canonical-numbers" (issue 11): numbers stored before every form kept them canonical
// (a certificate number saved as "zj-2019 0012") would never match a look-up, which compares the
// canonical form. This rewrites them with the same rule the forms use (src/lib/canonical-number.ts).
// Idempotent: a second run finds nothing to change. A credit code whose canonical form another
// agency already holds (the column is unique) is left as it is and reported.

const BATCH = 500;
type TDb = typeof prisma;
type TRow = { id: string; value: string | null };

/** Walks a table by id and rewrites the values that are not canonical; returns how many changed. */
async function rewrite(read: (cursor: string | undefined) => Promise<TRow[]>, write: (id: string, value: string) => Promise<boolean>): Promise<number> {
  let cursor: string | undefined;
  let changed = 0;
  for (;;) {
    const rows = await read(cursor);
    if (rows.length === 0) return changed;
    for (const r of rows) {
      if (r.value === null) continue;
      const canonical = canonicalNumber(r.value);
      // A value with no letter or digit at all would become empty: leave it for a person to fix.
      if (canonical && canonical !== r.value && (await write(r.id, canonical))) changed++;
    }
    cursor = rows.at(-1)!.id;
  }
}

const page = (cursor: string | undefined) => ({ orderBy: { id: "asc" as const }, take: BATCH, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });

export type TCanonicalNumbersResult = { credentials: number; registrations: number; organizations: number; applications: number; conflicts: string[] };

/** The data task's handler (handlers receive the day and the client; the day plays no part here). */
export async function canonicaliseStoredNumbers(...args: [today?: Date, db?: TDb]): Promise<TCanonicalNumbersResult> {
  const db = args[1] ?? prisma;
  const conflicts: string[] = [];
  const credentials = await rewrite(
    async (c) => (await db.credential.findMany({ ...page(c), select: { id: true, number: true } })).map((r) => ({ id: r.id, value: r.number })),
    async (id, number) => (await db.credential.update({ where: { id }, data: { number } }), true),
  );
  const registrations = await rewrite(
    async (c) => (await db.registration.findMany({ ...page(c), select: { id: true, number: true } })).map((r) => ({ id: r.id, value: r.number })),
    async (id, number) => (await db.registration.update({ where: { id }, data: { number } }), true),
  );
  const organizations = await rewrite(
    async (c) => (await db.organization.findMany({ ...page(c), select: { id: true, creditCode: true } })).map((r) => ({ id: r.id, value: r.creditCode })),
    async (id, creditCode) => {
      const holder = await db.organization.findFirst({ where: { creditCode, id: { not: id } }, select: { id: true } });
      if (holder) {
        conflicts.push(`Organization ${id}: credit code ${creditCode} is held by ${holder.id}`);
        return false;
      }
      await db.organization.update({ where: { id }, data: { creditCode } });
      return true;
    },
  );
  const applications = await rewrite(
    async (c) => (await db.agencyApplication.findMany({ ...page(c), select: { id: true, creditCode: true } })).map((r) => ({ id: r.id, value: r.creditCode })),
    async (id, creditCode) => (await db.agencyApplication.update({ where: { id }, data: { creditCode } }), true),
  );
  for (const c of conflicts) console.warn(`[maintenance] canonical-numbers: ${c}; left as it is`);
  return { credentials, registrations, organizations, applications, conflicts };
}
