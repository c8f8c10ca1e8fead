// Which integrity records are in force, and which flag an agency (plan.md T4).
import { FLAGGING_INTEGRITY_KINDS, type TIntegrityKind } from "@/domain/agencies/enums";

export type TIntegrityEntry = { kind: TIntegrityKind; occurredOn: Date; endsOn: Date | null };

/** In force on `day` (midnight UTC): from occurredOn, until endsOn (exclusive), or open-ended. */
export function isInForce(entry: Pick<TIntegrityEntry, "occurredOn" | "endsOn">, day: Date): boolean {
  return entry.occurredOn.getTime() <= day.getTime() && (entry.endsOn === null || entry.endsOn.getTime() > day.getTime());
}

/**
 * What a record means for the agency: a commendation is good news, a warning or a violation calls
 * for care, a list entry is serious. Badges take their colour from this (a commendation is never red).
 */
export const INTEGRITY_WEIGHT: Record<TIntegrityKind, "positive" | "caution" | "severe"> = {
  COMMENDATION: "positive",
  WARNING: "caution",
  VIOLATION: "caution",
  ABNORMAL_LIST: "severe",
  BLACKLIST: "severe",
  EVALUATION_FAILED: "severe",
};

export type TIntegrityFlag = "BLACKLIST" | "ABNORMAL_LIST";

/** The flags an agency carries on `day`: blacklist first, then abnormal-operation list. */
export function integrityFlags(entries: readonly TIntegrityEntry[], day: Date): TIntegrityFlag[] {
  const active = new Set(entries.filter((e) => (FLAGGING_INTEGRITY_KINDS as readonly string[]).includes(e.kind) && isInForce(e, day)).map((e) => e.kind));
  return (["BLACKLIST", "ABNORMAL_LIST"] as const).filter((k) => active.has(k));
}
