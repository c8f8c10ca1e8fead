import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { FLAGGING_INTEGRITY_KINDS } from "@/domain/agencies/enums";
import { integrityFlags, type TIntegrityFlag } from "@/domain/agencies/integrity";

// The integrity flags an agency carries (plan.md T4): blacklist or abnormal-operation list
// entries in force on a day. One query for a whole page of agencies, for every list that shows them.

/** Integrity records that flag an agency on `day` (the same rule as isInForce, as a where-clause). */
export function flaggingRecordWhere(day: Date): Prisma.IntegrityRecordWhereInput {
  return { kind: { in: [...FLAGGING_INTEGRITY_KINDS] }, occurredOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gt: day } }] };
}

/** Organisations flagged on `day`, for list filters. */
export function flaggedOrganizationWhere(day: Date): Prisma.OrganizationWhereInput {
  return { integrityRecords: { some: flaggingRecordWhere(day) } };
}

/** The flags of each organisation on `day`; organisations without flags are absent from the map. */
export async function integrityFlagsFor(orgIds: string[], day: Date, db: TTx | typeof prisma = prisma): Promise<Map<string, TIntegrityFlag[]>> {
  const ids = [...new Set(orgIds)];
  const out = new Map<string, TIntegrityFlag[]>();
  if (!ids.length) return out;
  const rows = await db.integrityRecord.findMany({
    where: { AND: [{ organizationId: { in: ids } }, flaggingRecordWhere(day)] },
    select: { organizationId: true, kind: true, occurredOn: true, endsOn: true },
  });
  const byOrg = new Map<string, typeof rows>();
  for (const r of rows) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
  for (const [id, entries] of byOrg) {
    const flags = integrityFlags(entries, day);
    if (flags.length) out.set(id, flags);
  }
  return out;
}
