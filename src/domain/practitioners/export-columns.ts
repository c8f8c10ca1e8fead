// What the register's Excel export adds to the list's own columns, from what its filter is about
// (issue 11, item 9): a filter on registrations adds the certificate, its registration number and
// period; one on registrations coming due (or lapsed) also the phone, to reach the person in
// time; a filter on qualification adds the certificate that qualifies. Pure, shared by the export
// and its tests.

import type { TPrincipal } from "@/domain/authz/matrix";
import { roleSeesPhones } from "./privacy";
import type { TListFilter } from "./list-filter";

export type TRegisterExportExtras = {
  /** Certificate number and issue date (the certificate the row is about). */
  certificate: boolean;
  /** Registration number and period, next to its end and status. */
  registration: boolean;
  /** The practitioner's phone. */
  phone: boolean;
};

const CERTIFICATE_LEVELS = new Set(["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]);

export function registerExportExtras(f: Pick<TListFilter, "registration" | "regEnds" | "level" | "counts">, role: TPrincipal["role"]): TRegisterExportExtras {
  const registration = f.registration !== "" || f.regEnds !== null;
  const reachOut = f.registration === "due" || f.registration === "lapsed" || f.regEnds !== null;
  return {
    registration,
    certificate: registration || CERTIFICATE_LEVELS.has(f.level) || f.counts === "yes",
    phone: reachOut && roleSeesPhones(role),
  };
}

type TCertificateFact = { kind: string; issueDate: Date; registration: { periodEnd: Date } | null };
const LEVEL_RANK: Record<string, number> = { ASSISTANT_SOCIAL_WORKER: 1, SOCIAL_WORKER: 2, SENIOR_SOCIAL_WORKER: 3 };

/**
 * The certificate a register row is about, among a practitioner's verified certificates: the one
 * whose registration ends last (that end is the row's "registration ends"); without any
 * registration, the highest level, then the latest issued.
 */
export function primaryCertificate<T extends TCertificateFact>(certificates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of certificates) {
    if (!best) best = c;
    else if (compare(c, best) < 0) best = c;
  }
  return best;
}

function compare(a: TCertificateFact, b: TCertificateFact): number {
  const endA = a.registration?.periodEnd.getTime() ?? -Infinity;
  const endB = b.registration?.periodEnd.getTime() ?? -Infinity;
  if (endA !== endB) return endB - endA > 0 ? 1 : -1;
  const rank = (LEVEL_RANK[b.kind] ?? 0) - (LEVEL_RANK[a.kind] ?? 0);
  if (rank !== 0) return rank;
  return b.issueDate.getTime() - a.issueDate.getTime();
}
